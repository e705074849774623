// The example requests: the five from the create-session page and a minimal PAY request. The one source
// for examples/*.session.json, the JSON schema's snippets and the "New Session Request" quick pick.
import type { SessionRequest } from './schema';

export interface SessionRequestExample {
  /** File stem under examples/, e.g. `payment-link-save` for payment-link-save.session.json. */
  readonly name: string;
  readonly label: string;
  readonly description: string;
  /** The example's heading on the create-session page, when it comes from there (tests compare the two). */
  readonly referenceExample?: string;
  readonly body: SessionRequest;
}

const CUSTOMER_ID = 'cust-e2878b4c-d57e-4a2c-922d-c0313c2800a3';
const SUCCESS_URL = 'https://yourcompany.com/success/example_item=my_item';
const CANCEL_URL = 'https://yourcompany.com/cancel/example_item=my_item';
const FAILURE_URL = 'https://yourcompany.com/failure/example_item=my_item';

export const SESSION_REQUEST_EXAMPLES: readonly SessionRequestExample[] = deepFreeze([
  {
    name: 'pay-payment-link',
    label: 'Pay: payment link',
    description: 'Collect IDR 150,000 for two shirts, shipping and a discount on the Hosted Checkout page.',
    body: {
      reference_id: 'order-1001',
      session_type: 'PAY',
      currency: 'IDR',
      amount: 150000,
      mode: 'PAYMENT_LINK',
      country: 'ID',
      locale: 'en',
      description: 'Order #1001: two batik shirts',
      items: [
        { type: 'PHYSICAL_PRODUCT', name: 'Batik shirt', net_unit_amount: 65000, quantity: 2, category: 'Clothing' },
        { type: 'FEES', name: 'Shipping', net_unit_amount: 30000, quantity: 1 },
        { type: 'DISCOUNT', name: 'Welcome discount', net_unit_amount: -10000, quantity: 1 },
      ],
      success_return_url: 'https://yourcompany.com/success/order-1001',
      cancel_return_url: 'https://yourcompany.com/cancel/order-1001',
    },
  },
  {
    name: 'payment-link-save',
    label: 'Save: payment link',
    description: 'Save a customer\'s payment details on the Hosted Checkout page (API page example).',
    referenceExample: 'PaymentLink_SaveExample',
    body: {
      reference_id: 'Alice',
      customer_id: CUSTOMER_ID,
      session_type: 'SAVE',
      currency: 'IDR',
      amount: 0,
      mode: 'PAYMENT_LINK',
      country: 'ID',
      locale: 'en',
      description: 'Insurance Plan Registration',
      success_return_url: SUCCESS_URL,
      cancel_return_url: CANCEL_URL,
    },
  },
  {
    name: 'component-save',
    label: 'Save: components',
    description: 'Save payment details with Xendit Components on your own page (API page example).',
    referenceExample: 'Component_SaveExample',
    body: {
      reference_id: 'Alice',
      customer_id: CUSTOMER_ID,
      session_type: 'SAVE',
      currency: 'IDR',
      amount: 0,
      mode: 'COMPONENT',
      country: 'ID',
      locale: 'en',
      description: 'Insurance Plan Registration',
      success_return_url: SUCCESS_URL,
      cancel_return_url: CANCEL_URL,
      origins: ['https://yourdomain.com'],
    },
  },
  {
    name: 'cards-session-js-pay',
    label: 'Pay: cards session JS',
    description: 'Take a card payment with the cards-session JavaScript library (API page example).',
    referenceExample: 'CardSessionJS_PayExample',
    body: {
      reference_id: 'Alice',
      customer_id: CUSTOMER_ID,
      session_type: 'PAY',
      currency: 'IDR',
      amount: 0,
      mode: 'CARDS_SESSION_JS',
      country: 'ID',
      channel_properties: { card_on_file_type: 'CUSTOMER_UNSCHEDULED' },
      cards_session_js: { success_return_url: SUCCESS_URL, failure_return_url: FAILURE_URL },
      locale: 'en',
      description: 'Clothes Purchase',
    },
  },
  {
    name: 'cards-session-js-save',
    label: 'Save: cards session JS, recurring',
    description: 'Save a card for recurring payments with the cards-session JavaScript library (API page example).',
    referenceExample: 'CardSessionJS_SaveExample',
    body: {
      reference_id: 'Alice',
      customer_id: CUSTOMER_ID,
      session_type: 'SAVE',
      currency: 'IDR',
      amount: 0,
      mode: 'CARDS_SESSION_JS',
      country: 'ID',
      channel_properties: {
        card_on_file_type: 'RECURRING',
        recurring_configuration: { recurring_frequency: 1, recurring_expiry: '2029-10-10' },
      },
      cards_session_js: { success_return_url: SUCCESS_URL, failure_return_url: FAILURE_URL },
      locale: 'en',
      description: 'Insurance Plan Registration',
    },
  },
  {
    name: 'cards-session-js-pay-and-save',
    label: 'Pay and save: cards session JS',
    description: 'Take a card payment and save the card (allow_save_payment_method FORCED) (API page example).',
    referenceExample: 'CardSessionJS_PayAndSaveExample',
    body: {
      reference_id: 'Alice',
      customer_id: CUSTOMER_ID,
      session_type: 'PAY',
      allow_save_payment_method: 'FORCED',
      currency: 'IDR',
      amount: 0,
      mode: 'CARDS_SESSION_JS',
      country: 'ID',
      channel_properties: { card_on_file_type: 'CUSTOMER_UNSCHEDULED' },
      cards_session_js: { success_return_url: SUCCESS_URL, failure_return_url: FAILURE_URL },
      locale: 'en',
      description: 'Ride book',
    },
  },
]);

/** Where the example files point for their schema, relative to examples/. */
export const EXAMPLE_SCHEMA_REFERENCE = '../schemas/session-request.schema.json';

export function exampleFileName(example: SessionRequestExample): string {
  return `${example.name}.session.json`;
}

/** The file text: 2-space JSON with a trailing newline, `$schema` first when given. */
export function exampleFileText(example: SessionRequestExample, schemaReference?: string): string {
  const content = schemaReference === undefined ? example.body : { $schema: schemaReference, ...example.body };
  return `${JSON.stringify(content, null, 2)}\n`;
}

// The examples feed snippets, files and the quick pick; freezing them keeps one caller from editing another's copy.
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
