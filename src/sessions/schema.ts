// The zod model of a create-session request, the session the API answers with, and its error body, as Xendit's
// newest documentation (2026) describes them. The JSON schema the editor uses is generated from this model (see
// jsonSchema.ts), so its texts live here and in requestParts.ts.
import { en } from 'zod/locales';
import * as z from 'zod/mini';
import { COUNTRIES } from './channels';
import { phrase } from './phrase';
import {
  CardsSessionJs,
  ChannelProperties,
  ComponentsConfiguration,
  Customer,
  Item,
  Metadata,
  Origin,
  PaymentLinkConfiguration,
  paymentChannelList,
  returnUrl,
  Subscription,
} from './requestParts';
import { described, enumDoc, looseObject, refused, strictObject } from './schemaKit';
import {
  ALLOW_SAVE_PAYMENT_METHOD_DESCRIPTIONS,
  ALLOW_SAVE_PAYMENT_METHODS,
  CAPTURE_METHOD_DESCRIPTIONS,
  CAPTURE_METHODS,
  CHANGED_2026,
  CURRENCIES,
  CUSTOMER_ID_PATTERN,
  FORMAT_MESSAGES,
  LOCALE_PATTERN,
  MODE_DESCRIPTIONS,
  MODES,
  NOTIFICATION_CHANNELS,
  SESSION_STATUS_DESCRIPTIONS,
  SESSION_STATUSES,
  SESSION_TYPE_DESCRIPTIONS,
  SESSION_TYPES,
} from './vocabulary';

export { COUNTRIES, PAYMENT_CHANNELS } from './channels';
export type { Country, PaymentChannel } from './channels';
export * from './vocabulary';

// zod/mini carries no message texts (full zod sets English ones on first use), and client.ts quotes them in
// "does not look like a session: ..." reasons. Set them only when unset: zod keeps its config on globalThis,
// which the extension host shares with other extensions.
if (!z.config().localeError) z.config(en());

// Unknown keys are declared strict here, but validate.ts reports them as warnings, not errors, and the JSON
// schema leaves them open: a misspelt "ammount" deserves a flag, yet the reference may lag behind the API, and
// a newer field must not block a request the API would take.
export const SessionRequest = described(
  strictObject({
    $schema: z.optional(described(z.string(), 'The JSON schema this file follows, for editor support. The playground removes it before sending.')),
    reference_id: described(z.string().check(z.minLength(1), z.maxLength(64)), 'A reference that identifies the session in your system, 1 to 64 characters.'),
    customer_id: z.optional(
      described(
        z.string().check(z.regex(CUSTOMER_ID_PATTERN, { error: FORMAT_MESSAGES.customerId }), z.length(41)),
        'A Xendit customer ID: `cust-` followed by a UUID, 41 characters, e.g. `cust-b98d6f63-d240-44ec-9bd5-aa42954c4f48`. An unknown id gets 404 `DATA_NOT_FOUND`.',
      ),
    ),
    customer: z.optional(Customer),
    session_type: described(
      z.enum(SESSION_TYPES),
      `What the session is for: \`PAY\` once, \`SAVE\` payment details, or start a \`SUBSCRIPTION\`. ${CHANGED_2026} \`SUBSCRIPTION\` is new, and \`AUTHORIZATION\` is refused (\`SESSION_TYPE_NOT_SUPPORTED\`): use \`PAY\` with \`capture_method: MANUAL\`.`,
      enumDoc(SESSION_TYPES, SESSION_TYPE_DESCRIPTIONS),
    ),
    allow_save_payment_method: z.optional(
      described(
        z.enum(ALLOW_SAVE_PAYMENT_METHODS),
        'Whether a `PAY` session also saves the payment details for future payments (`OPTIONAL` and `FORCED` need a customer). Leave it out to not save them.',
        enumDoc(ALLOW_SAVE_PAYMENT_METHODS, ALLOW_SAVE_PAYMENT_METHOD_DESCRIPTIONS),
      ),
    ),
    currency: described(z.enum(CURRENCIES), 'ISO 4217 three-letter currency code of the payment. `IDR` and `VND` amounts take no decimals, the others at most two.'),
    amount: described(
      z.number().check(z.minimum(0)),
      `The amount to collect from the customer. \`0\` for a \`SAVE\` session. ${CHANGED_2026} above \`0\` for \`PAY\` and \`SUBSCRIPTION\` (\`INVALID_AMOUNT\`).`,
      { examples: [10000] },
    ),
    mode: described(
      z.enum(MODES),
      `How your frontend integrates the session. ${CHANGED_2026} the public values are \`PAYMENT_LINK\` and \`COMPONENTS\`; \`COMPONENT\` and \`CARDS_SESSION_JS\` are the older page's and get a warning.`,
      enumDoc(MODES, MODE_DESCRIPTIONS),
    ),
    capture_method: z.optional(
      described(
        z.enum(CAPTURE_METHODS),
        `How the payment is captured. ${CHANGED_2026} not allowed for \`SAVE\` or \`SUBSCRIPTION\` sessions (\`DISALLOWED_CAPTURE_METHOD\`).`,
        enumDoc(CAPTURE_METHODS, CAPTURE_METHOD_DESCRIPTIONS),
      ),
    ),
    country: described(z.enum(COUNTRIES), 'ISO 3166-1 alpha-2 two-letter code of the country of the transaction.'),
    channel_properties: z.optional(ChannelProperties),
    allowed_payment_channels: z.optional(
      paymentChannelList(
        `Payment channels the customer may choose from. Empty or absent means every channel of the account. ${CHANGED_2026} a top-level field (the older page put it in \`payment_link_configuration\`); an unknown or inactive channel gets \`INVALID_PAYMENT_CHANNEL\`.`,
      ),
    ),
    payment_link_configuration: z.optional(PaymentLinkConfiguration),
    expires_at: z.optional(
      described(
        z.iso.datetime({ offset: true, error: FORMAT_MESSAGES.dateTime }),
        'When the session expires, as an ISO 8601 date-time, e.g. `2030-12-31T23:59:59Z`. At least 10 minutes ahead; by default 30 minutes after creation.',
      ),
    ),
    locale: z.optional(
      described(z.string().check(z.regex(LOCALE_PATTERN, { error: FORMAT_MESSAGES.locale })), 'ISO 639-1 two-letter language code of the Hosted Checkout page.', {
        default: 'en',
        examples: ['en'],
      }),
    ),
    metadata: z.optional(Metadata),
    description: z.optional(
      described(z.string().check(z.minLength(1), z.maxLength(1000)), 'A description of the session shown on the Hosted Checkout page, 1 to 1000 characters.'),
    ),
    items: z.optional(
      described(
        z.nullable(z.array(Item)),
        `The items of the purchase, shown on the Hosted Checkout page. Only for \`PAY\` sessions (\`ITEMS_NOT_SUPPORTED\`); an empty list elsewhere gets a warning.`,
      ),
    ),
    success_return_url: z.optional(returnUrl('Where the customer goes after completing the session.')),
    cancel_return_url: z.optional(returnUrl('Where the customer goes after stopping the payment or when the session expired.')),
    origins: z.optional(
      described(
        z.nullable(z.array(Origin)),
        `The older page's origins for \`COMPONENT\` mode. ${CHANGED_2026} they go in \`components_configuration.origins\`; a quick fix moves them.`,
        { examples: [['https://yourcompany.com']] },
      ),
    ),
    cards_session_js: z.optional(CardsSessionJs),
    components_configuration: z.optional(ComponentsConfiguration),
    subscription: z.optional(Subscription),
    notification_channels: z.optional(
      described(z.array(z.enum(NOTIFICATION_CHANNELS)), `How Xendit notifies the customer about the session, e.g. \`["EMAIL"]\`. ${CHANGED_2026} new.`),
    ),
    internal_metadata: refused(phrase("internal_metadata is not allowed (the API answers API_VALIDATION_ERROR): it is Xendit's own. Put your data in metadata instead.")),
  }),
  'A request to `POST /sessions` (create a Xendit payment session), as the 2026 API reference describes it.',
);
export type SessionRequest = z.infer<typeof SessionRequest>;

// The answer to every send is parsed by Session, so its fields share a few schema instances. zod gives each
// instance its own parse closures: fewer instances run hotter code, about a third less time per answer when
// sends come a few milliseconds apart (measured against the sandbox).
const Text = z.string();
const OptionalText = z.optional(Text);
const NullableText = z.optional(z.nullable(Text));
const NullableTextList = z.optional(z.nullable(z.array(Text)));
/**
 * Any JSON object, whatever its keys. For parsed JSON it accepts what `z.record(z.string(), z.unknown())` does
 * (objects, not arrays), in half the time: the compiled object parser copies the keys without checking each
 * one as a string.
 */
const AnyObject = looseObject({});
const NullableObject = z.optional(z.nullable(AnyObject));

// The response is read leniently: the API adds fields over time, and a new field must not turn a
// created session into an "unexpected response". Only the fields the playground relies on are checked.
// Both shapes the docs show are read: the OpenAPI examples' (absent fields as null) and the 2026 live
// responses' (absent fields left out, arrays never null).
export const Session = looseObject({
  payment_session_id: Text,
  created: Text,
  updated: Text,
  reference_id: Text,
  customer_id: NullableText,
  session_type: Text,
  allow_save_payment_method: NullableText,
  currency: Text,
  amount: z.number(),
  country: Text,
  mode: Text,
  capture_method: NullableText,
  channel_properties: NullableObject,
  allowed_payment_channels: NullableTextList,
  expires_at: OptionalText,
  locale: NullableText,
  description: NullableText,
  success_return_url: NullableText,
  cancel_return_url: NullableText,
  items: z.optional(z.nullable(z.array(AnyObject))),
  metadata: NullableObject,
  status: described(z.enum(SESSION_STATUSES), 'The status of the session.', enumDoc(SESSION_STATUSES, SESSION_STATUS_DESCRIPTIONS)),
  payment_link_url: NullableText,
  payment_token_id: NullableText,
  payment_id: NullableText,
  payment_request_id: NullableText,
  business_id: OptionalText,
  components_sdk_key: NullableText,
  origins: NullableTextList,
  recurring_plan_id: NullableText,
});
export type Session = z.infer<typeof Session>;

/** The API's error body; `errors` entries are strings or objects that often carry `path` and `message`. */
export const ApiError = looseObject({
  error_code: z.string(),
  message: z.string(),
  errors: z.optional(z.array(z.union([z.string(), looseObject({})]))),
});
export type ApiError = z.infer<typeof ApiError>;
