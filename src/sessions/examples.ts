// The example requests: the newest docs' use cases (2026 API reference: pay, pay and save, save, manual capture,
// a monthly subscription; on the payment link and with Components), two from the older create-session page, and
// the older card-session library's three. The one source for examples/*.session.json, the JSON schema's
// snippets and the "New Session Request" quick pick. Reference ids and dates are placeholders, resolved at send
// time, so each example can be sent again and again and never goes stale.
import type { SessionRequest } from './schema';

export interface SessionRequestExample {
  /** File stem under examples/, e.g. `payment-link-save` for payment-link-save.session.json. */
  readonly name: string;
  readonly label: string;
  readonly description: string;
  /**
   * The example's heading on the older create-session page, when it comes from there (tests compare the two): unchanged
   * but for a fresh reference id, and a new customer in place of the page's customer_id, which exists in no one's
   * account (Xendit answers 404 DATA_NOT_FOUND to it).
   */
  readonly referenceExample?: string;
  /** The example of the 2026 API reference it follows, when it follows one. */
  readonly docsExample?: string;
  readonly body: SessionRequest;
}

/**
 * A reference id that is new each time the file is sent: `prefix-` and a random UUID, resolved at send time
 * (placeholders.ts). A fixed one collides on the second send (a reused customer reference_id is a 409
 * DUPLICATE_ERROR) and mixes up sessions in the merchant's records.
 */
export function freshReference(prefix: string): string {
  return `${prefix}-{{$randomUUID}}`;
}
const SUCCESS_URL = 'https://yourcompany.com/success/example_item=my_item';
const CANCEL_URL = 'https://yourcompany.com/cancel/example_item=my_item';
const FAILURE_URL = 'https://yourcompany.com/failure/example_item=my_item';
const COMPONENTS_CONFIGURATION = { origins: ['https://yourcompany.com'], return_url: 'https://yourcompany.com/checkout/done' };
/** A new customer as the newest docs describe one, with a reference id of its own on every send. */
function customer(): NonNullable<SessionRequest['customer']> {
  return {
    type: 'INDIVIDUAL',
    reference_id: freshReference('customer'),
    email: 'customer@yourdomain.com',
    mobile_number: '+628123456789',
    individual_detail: { given_names: 'Budi', surname: 'Santoso' },
  };
}
const ORDER_ITEMS: NonNullable<SessionRequest['items']> = [
  { reference_id: 'sku-batik-01', type: 'PHYSICAL_PRODUCT', name: 'Batik shirt', category: 'CLOTHES', net_unit_amount: 65000, quantity: 2, currency: 'IDR' },
  { reference_id: 'shipping-01', type: 'PHYSICAL_SERVICE', name: 'Shipping', category: 'SHIPPING', net_unit_amount: 20000, quantity: 1, currency: 'IDR' },
];

export const SESSION_REQUEST_EXAMPLES: readonly SessionRequestExample[] = deepFreeze([
  {
    name: 'pay-payment-link',
    label: 'Pay: payment link',
    description: 'Collect IDR 150,000 for two shirts and shipping on the Hosted Checkout page.',
    docsExample: 'PaymentLink_OneTimePaymentExample',
    body: {
      reference_id: freshReference('order'),
      session_type: 'PAY',
      currency: 'IDR',
      amount: 150000,
      mode: 'PAYMENT_LINK',
      country: 'ID',
      locale: 'en',
      description: 'Order: two batik shirts',
      items: ORDER_ITEMS,
      success_return_url: SUCCESS_URL,
      cancel_return_url: CANCEL_URL,
    },
  },
  {
    name: 'pay-manual-capture',
    label: 'Pay, capture later: payment link',
    description: 'Authorize IDR 250,000 now and capture it later with the Payment Capture API (capture_method MANUAL).',
    docsExample: 'PaymentLink_ManualCaptureExample',
    body: {
      reference_id: freshReference('order'),
      session_type: 'PAY',
      currency: 'IDR',
      amount: 250000,
      mode: 'PAYMENT_LINK',
      country: 'ID',
      capture_method: 'MANUAL',
      customer: customer(),
      locale: 'en',
      description: 'Hotel booking deposit',
      success_return_url: SUCCESS_URL,
      cancel_return_url: CANCEL_URL,
    },
  },
  {
    name: 'subscription-monthly',
    label: 'Subscription: monthly, payment link',
    description: 'Start a 12-month plan of IDR 99,000 a month, retried daily up to 3 times.',
    docsExample: 'PaymentLink_SubscriptionExample',
    body: {
      reference_id: freshReference('plan'),
      session_type: 'SUBSCRIPTION',
      currency: 'IDR',
      amount: 99000,
      mode: 'PAYMENT_LINK',
      country: 'ID',
      customer: customer(),
      locale: 'en',
      description: 'Monthly premium plan',
      subscription: {
        schedule: {
          // Tomorrow at send time, on a day of the month up to 28 as the API requires.
          anchor_date: '{{$isoTimestamp +1d dayMax28}}',
          interval: 'MONTH',
          interval_count: 1,
          total_recurrence: 12,
          retry_interval: 'DAY',
          retry_interval_count: 1,
          total_retry: 3,
          failed_attempt_notifications: [1, 2, 3],
        },
        failed_cycle_action: 'RESUME',
      },
      success_return_url: SUCCESS_URL,
      cancel_return_url: CANCEL_URL,
    },
  },
  {
    name: 'components-pay',
    label: 'Pay: components',
    description: 'Collect a payment with Xendit Components embedded in your own page.',
    docsExample: 'XenditComponents_OneTimePaymentExample',
    body: {
      reference_id: freshReference('order'),
      session_type: 'PAY',
      currency: 'IDR',
      amount: 150000,
      mode: 'COMPONENTS',
      country: 'ID',
      customer: customer(),
      locale: 'en',
      description: 'Order: two batik shirts',
      items: ORDER_ITEMS,
      components_configuration: COMPONENTS_CONFIGURATION,
    },
  },
  {
    name: 'components-pay-and-save',
    label: 'Pay and save: components',
    description: 'Collect a payment with Components and let the customer save the payment method (allow_save_payment_method OPTIONAL).',
    docsExample: 'XenditComponents_PayandSaveExample',
    body: {
      reference_id: freshReference('order'),
      session_type: 'PAY',
      allow_save_payment_method: 'OPTIONAL',
      currency: 'IDR',
      amount: 150000,
      mode: 'COMPONENTS',
      country: 'ID',
      customer: customer(),
      locale: 'en',
      description: 'Order, with the card saved for next time',
      items: ORDER_ITEMS,
      components_configuration: COMPONENTS_CONFIGURATION,
    },
  },
  {
    name: 'components-save',
    label: 'Save: components',
    description: 'Save a customer\'s payment details with Components on your own page.',
    docsExample: 'XenditComponents_SavePaymentMethodExample',
    body: {
      reference_id: freshReference('registration'),
      session_type: 'SAVE',
      currency: 'IDR',
      amount: 0,
      mode: 'COMPONENTS',
      country: 'ID',
      customer: customer(),
      locale: 'en',
      description: 'Insurance Plan Registration',
      components_configuration: COMPONENTS_CONFIGURATION,
    },
  },
  {
    name: 'payment-link-save',
    label: 'Save: payment link',
    description: 'Save a customer\'s payment details on the Hosted Checkout page (older API page example).',
    referenceExample: 'PaymentLink_SaveExample',
    body: {
      reference_id: freshReference('Alice'),
      customer: customer(),
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
    name: 'cards-session-js-pay',
    label: 'Pay: cards session JS (older mode)',
    description: 'Take a card payment with the cards-session JavaScript library (older API page example, with an amount above 0 as the newest docs require).',
    body: {
      reference_id: freshReference('Alice'),
      customer: customer(),
      session_type: 'PAY',
      currency: 'IDR',
      amount: 10000,
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
    label: 'Save: cards session JS, recurring (older mode)',
    description: 'Save a card for recurring payments with the cards-session JavaScript library (older API page example).',
    referenceExample: 'CardSessionJS_SaveExample',
    body: {
      reference_id: freshReference('Alice'),
      customer: customer(),
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
    label: 'Pay and save: cards session JS (older mode)',
    description: 'Take a card payment and save the card, allow_save_payment_method FORCED (older API page example, with an amount above 0).',
    body: {
      reference_id: freshReference('Alice'),
      customer: customer(),
      session_type: 'PAY',
      allow_save_payment_method: 'FORCED',
      currency: 'IDR',
      amount: 10000,
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
