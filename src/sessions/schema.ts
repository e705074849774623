// The zod model of a create-session request, the session the API answers with, and its error body.
// The JSON schema the editor uses is generated from this model (see jsonSchema.ts), so its texts live here.
import { en } from 'zod/locales';
import * as z from 'zod/mini';
import { ZodMiniObject } from 'zod/mini';
import { $constructor, $ZodObjectJIT } from 'zod/v4/core';
import { COUNTRIES, PAYMENT_CHANNELS } from './channels';

export { COUNTRIES, PAYMENT_CHANNELS } from './channels';
export type { Country, PaymentChannel } from './channels';

// zod/mini carries no message texts (full zod sets English ones on first use), and client.ts quotes them in
// "does not look like a session: ..." reasons. Set them only when unset: zod keeps its config on globalThis,
// which the extension host shares with other extensions.
if (!z.config().localeError) z.config(en());

export const SESSION_TYPES = ['SAVE', 'PAY', 'AUTHORIZATION', 'SUBSCRIPTION'] as const;
export type SessionType = (typeof SESSION_TYPES)[number];
export const MODES = ['PAYMENT_LINK', 'COMPONENT', 'CARDS_SESSION_JS', 'COMPONENTS'] as const;
export type Mode = (typeof MODES)[number];
/** Values newer API versions accept that the create-session page does not list yet. */
export const NEWER_SESSION_TYPES: readonly SessionType[] = ['SUBSCRIPTION'];
export const NEWER_MODES: readonly Mode[] = ['COMPONENTS'];
export const ALLOW_SAVE_PAYMENT_METHODS = ['DISABLED', 'OPTIONAL', 'FORCED'] as const;
export type AllowSavePaymentMethod = (typeof ALLOW_SAVE_PAYMENT_METHODS)[number];
export const CURRENCIES = ['IDR', 'PHP', 'VND', 'THB', 'SGD', 'MYR', 'USD'] as const;
export type Currency = (typeof CURRENCIES)[number];
export const CAPTURE_METHODS = ['AUTOMATIC', 'MANUAL'] as const;
export const ITEM_TYPES = ['DIGITAL_PRODUCTS', 'PHYSICAL_PRODUCT', 'DIGITAL_SERVICE', 'PHYSICAL_SERVICE', 'FEES', 'DISCOUNT'] as const;
export const SESSION_STATUSES = ['ACTIVE', 'COMPLETED', 'EXPIRED', 'CANCELED'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];
export const NOTIFICATION_CHANNELS = ['EMAIL'] as const;
export const CUSTOMER_TYPES = ['INDIVIDUAL', 'BUSINESS'] as const;
/** Values seen in the page's examples and Xendit's card docs; offered for completion, not enforced (the page lists none). */
export const CARD_ON_FILE_TYPES = ['CUSTOMER_UNSCHEDULED', 'MERCHANT_UNSCHEDULED', 'RECURRING'] as const;

/** Metadata limits from the page: used by the model and quoted in messages. */
export const METADATA_LIMITS = { maxKeys: 50, maxKeyLength: 40, maxValueLength: 500 } as const;

/** A return URL must be absolute; the API also wants https, which a rule checks so it can offer a fix. */
export const ABSOLUTE_URL_PATTERN = /^https?:\/\/\S+$/;
export const CUSTOMER_ID_PATTERN = /^cust-[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/** A CORS origin: scheme and host (and port), nothing after it but an optional slash. */
export const ORIGIN_PATTERN = /^https?:\/\/[^\s/?#]+\/?$/;
export const LOCALE_PATTERN = /^[a-z]{2}$/;

/** What a value of each format must look like; validate.ts and the JSON schema's pattern messages both say it. */
export const FORMAT_MESSAGES = {
  httpUrl: 'must be a full URL starting with https:// or http://',
  returnUrl: 'must be a full URL starting with https://',
  origin: 'must be an origin: scheme and host with an optional port and no path, e.g. https://yourdomain.com',
  customerId: 'must be cust- followed by a UUID (41 characters), e.g. cust-b98d6f63-d240-44ec-9bd5-aa42954c4f48',
  locale: 'must be an ISO 639-1 two-letter language code in lower case, e.g. en',
  dateTime: 'must be an ISO 8601 date-time with a time zone, e.g. 2030-12-31T23:59:59Z',
  date: 'must be a date written YYYY-MM-DD, e.g. 2029-10-10',
} as const;

/** The few markdown forms the texts here use (code, links, emphasis), read as plain text. */
function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 ($2)')
    .replace(/`/g, '')
    .replace(/\b_([^_]+)_\b/g, '$1');
}

/**
 * Gives `schema` its hover text for the editor: markdown for VS Code, the same words as plain text for other JSON
 * tools. Registered on the schema itself, not added as a `z.meta()` check: zod runs checks on every parse, and
 * those no-op checks alone made checking a request with thousands of items take twice as long.
 */
function described<T extends z.ZodMiniType>(schema: T, markdown: string, extra: Record<string, unknown> = {}): T {
  z.globalRegistry.add(schema, { description: plainText(markdown), markdownDescription: markdown, ...extra });
  return schema;
}

/** Per-value hover text for an enum, in the enum's order (what VS Code's completion list shows). */
function enumDoc<T extends string>(values: readonly T[], texts: Record<T, string>): Record<string, unknown> {
  const markdown = values.map((value) => texts[value]);
  return { markdownEnumDescriptions: markdown, enumDescriptions: markdown.map(plainText) };
}

const newer = '_Newer API versions; not on the create-session page yet._';

export const SESSION_TYPE_DESCRIPTIONS: Record<SessionType, string> = {
  SAVE: 'Save the customer\'s payment details for future payments. `amount` must be `0` and a customer is required.',
  PAY: 'Collect a one-time payment from the customer.',
  AUTHORIZATION: 'Authorize a card payment now and capture it later.',
  SUBSCRIPTION: `Start a subscription described by \`subscription\`. ${newer}`,
};
export const MODE_DESCRIPTIONS: Record<Mode, string> = {
  PAYMENT_LINK: 'Redirect the customer to the Xendit Hosted Checkout page at `payment_link_url`.',
  COMPONENT: 'Collect payment details on your own page with Xendit Components; list your page in `origins`.',
  CARDS_SESSION_JS: 'Collect card details with the cards-session JavaScript library; needs `cards_session_js` and a customer.',
  COMPONENTS: `Xendit Components as newer API versions name it, configured in \`components_configuration\`. ${newer}`,
};
export const ALLOW_SAVE_PAYMENT_METHOD_DESCRIPTIONS: Record<AllowSavePaymentMethod, string> = {
  DISABLED: 'Do not save the payment details.',
  OPTIONAL: 'Let the customer choose to save the payment details (needs a customer).',
  FORCED: 'Always save the payment details (needs a customer). The only value `CARDS_SESSION_JS` mode accepts.',
};
const CAPTURE_METHOD_DESCRIPTIONS: Record<(typeof CAPTURE_METHODS)[number], string> = {
  AUTOMATIC: 'Capture the payment automatically.',
  MANUAL: 'Capture the payment yourself later.',
};
const SESSION_STATUS_DESCRIPTIONS: Record<SessionStatus, string> = {
  ACTIVE: 'Created and waiting for the customer.',
  COMPLETED: 'The customer paid or saved their payment details.',
  EXPIRED: 'Passed `expires_at` before completion (final).',
  CANCELED: 'Canceled through the cancel endpoint (final).',
};

const metadataText =
  `Key-value entries for your own data: at most ${METADATA_LIMITS.maxKeys} keys, key names up to ${METADATA_LIMITS.maxKeyLength} characters, ` +
  `string values up to ${METADATA_LIMITS.maxValueLength} characters. Xendit stores it and does not use it for processing.`;

// zod/mini checks an object's keys in a loop, where full zod compiles a parser for each object shape, and the
// compiled one checks a request with thousands of items twice as fast (the editor does it on every keystroke).
// So the model's objects are mini objects with full zod's object parser, composed the way full zod composes its own.
const CompiledObject = $constructor<ZodMiniObject>('XspCompiledMiniObject', (inst, def) => {
  $ZodObjectJIT.init(inst, def);
  ZodMiniObject.init(inst, def);
});

/** `z.strictObject` with the compiled parser. */
function strictObject<T extends z.core.$ZodLooseShape>(shape: T): ZodMiniObject<z.util.Writeable<T>, z.core.$strict> {
  return new CompiledObject({ type: 'object', shape, catchall: z.never() }) as ZodMiniObject<z.util.Writeable<T>, z.core.$strict>;
}

/** `z.looseObject` with the compiled parser. */
function looseObject<T extends z.core.$ZodLooseShape>(shape: T): ZodMiniObject<z.util.Writeable<T>, z.core.$loose> {
  return new CompiledObject({ type: 'object', shape, catchall: z.unknown() }) as ZodMiniObject<z.util.Writeable<T>, z.core.$loose>;
}

/** `null` and absent mean the same to the API; JSON schema's `maxProperties` says in the editor what the refine says here. */
const Metadata = described(
  z.nullable(
    z
      .record(z.string().check(z.maxLength(METADATA_LIMITS.maxKeyLength)), z.string().check(z.maxLength(METADATA_LIMITS.maxValueLength)))
      .check(
        z.refine((entries) => Object.keys(entries).length <= METADATA_LIMITS.maxKeys, {
          error: `can have at most ${METADATA_LIMITS.maxKeys} keys`,
        }),
      ),
  ),
  metadataText,
  { maxProperties: METADATA_LIMITS.maxKeys, examples: [{ my_custom_id: 'merchant-123', my_custom_order_id: 'order-123' }] },
);

const httpUrl = (markdown: string) => described(z.string().check(z.regex(ABSOLUTE_URL_PATTERN, { error: FORMAT_MESSAGES.httpUrl })), markdown);

const returnUrl = (markdown: string) =>
  described(
    z.string().check(z.regex(ABSOLUTE_URL_PATTERN, { error: FORMAT_MESSAGES.returnUrl })),
    `${markdown} Must be HTTPS, e.g. \`https://yourcompany.com/example_item=my_example_item\`.`,
  );

const Origin = z.string().check(z.regex(ORIGIN_PATTERN, { error: FORMAT_MESSAGES.origin }));

const Item = described(
  strictObject({
    type: z.optional(described(z.enum(ITEM_TYPES), 'Type of item. A `DISCOUNT` item must have a negative `net_unit_amount`.')),
    name: described(z.string().check(z.minLength(1), z.maxLength(255)), 'Name of the item, 1 to 255 characters.'),
    net_unit_amount: described(z.number(), 'Net amount charged per unit. Must be negative when `type` is `DISCOUNT`.'),
    quantity: described(z.number().check(z.int(), z.minimum(1)), 'Number of units of this item in the basket, a whole number of at least 1.'),
    url: z.optional(httpUrl('URL of the item, HTTPS or HTTP.')),
    image_url: z.optional(httpUrl('URL of an image of the item, HTTPS or HTTP.')),
    category: z.optional(described(z.string().check(z.maxLength(255)), 'Category of the item, up to 255 characters.')),
    subcategory: z.optional(described(z.string().check(z.maxLength(255)), 'Sub-category of the item, up to 255 characters.')),
    description: z.optional(described(z.string().check(z.maxLength(255)), 'Description of the item, up to 255 characters.')),
    metadata: z.optional(Metadata),
  }),
  'An item shown on the Hosted Checkout page.',
);

const RecurringConfiguration = described(
  looseObject({
    recurring_frequency: z.optional(
      described(z.number().check(z.int(), z.minimum(1)), 'How often the card is charged, a whole number of at least 1 (the page\'s example uses `1`).'),
    ),
    recurring_expiry: z.optional(described(z.iso.date({ error: FORMAT_MESSAGES.date }), 'The last date of the recurring plan, written `YYYY-MM-DD`.')),
  }),
  'The recurring plan; required when `card_on_file_type` is `RECURRING`.',
);

const cardOnFileType = described(
  z.string().check(z.minLength(1)),
  'How the saved card will be used: `CUSTOMER_UNSCHEDULED`, `MERCHANT_UNSCHEDULED` or `RECURRING` (which needs a `recurring_configuration`).',
  { examples: [...CARD_ON_FILE_TYPES] },
);

// Open objects: channel properties differ by channel and grow with the API, so unknown keys pass.
const ChannelProperties = described(
  looseObject({
    card_on_file_type: z.optional(cardOnFileType),
    recurring_configuration: z.optional(RecurringConfiguration),
    cards: z.optional(
      described(
        looseObject({
          card_on_file_type: z.optional(cardOnFileType),
          recurring_configuration: z.optional(RecurringConfiguration),
        }),
        'Card-specific properties. `recurring_configuration` may sit here or directly under `channel_properties`.',
      ),
    ),
  }),
  'Channel-specific settings, e.g. `card_on_file_type` and `recurring_configuration` for cards.',
);

const paymentChannelList = (markdown: string) =>
  described(z.array(z.enum(PAYMENT_CHANNELS)), markdown, { examples: [['CARDS', 'BRI_DIRECT_DEBIT', 'DANA']] });

const PaymentLinkConfiguration = described(
  strictObject({
    primary_payment_channels: z.optional(
      paymentChannelList(
        'Payment channels shown at the top of the Hosted Checkout page, in this order. Each must also be in `allowed_payment_channels` when that list is given. Empty means no preference.',
      ),
    ),
    allowed_payment_channels: z.optional(
      paymentChannelList('Payment channels the customer may choose from on the Hosted Checkout page. Empty or absent means all channels of the account.'),
    ),
  }),
  'Settings for the Xendit Hosted Checkout page.',
);

const CardsSessionJs = described(
  strictObject({
    success_return_url: returnUrl('Where the customer goes after the card details were collected.'),
    failure_return_url: returnUrl('Where the customer goes when collecting the card details failed.'),
  }),
  'Return URLs for `CARDS_SESSION_JS` mode, which requires this object.',
);

const ComponentsConfiguration = described(
  strictObject({
    origins: z.optional(described(z.array(Origin), 'Origins of the pages that embed the components, checked for CORS.')),
    return_url: z.optional(returnUrl('Where the customer goes after an action that leaves your page.')),
  }),
  `Settings for \`COMPONENTS\` mode. ${newer}`,
);

// Permissive on purpose: the page only links to the customer API, and newer versions add fields.
const Customer = described(
  looseObject({
    type: z.optional(described(z.enum(CUSTOMER_TYPES), '`INDIVIDUAL` for a person (described in `individual_detail`) or `BUSINESS`.')),
    reference_id: z.optional(described(z.string().check(z.minLength(1)), 'Your own identifier for this customer.')),
    email: z.optional(described(z.string(), 'The customer\'s email address.')),
    mobile_number: z.optional(described(z.string(), 'The customer\'s mobile number in E.164 format, e.g. `+628123456789`.')),
    individual_detail: z.optional(
      described(
        looseObject({
          given_names: z.optional(described(z.string(), 'Given names of the customer.')),
          surname: z.optional(described(z.string(), 'Surname of the customer.')),
        }),
        'Details of a customer of type `INDIVIDUAL`.',
      ),
    ),
  }),
  'A new customer for Xendit to create with the session (instead of `customer_id`): `type`, `reference_id`, `email`, `mobile_number`, `individual_detail`. See [create customer](https://xendit-docs.document360.io/apidocs/create-customer-request).',
);

// Unknown keys are declared strict here, but validate.ts reports them as warnings, not errors: a
// misspelt "ammount" deserves a flag (and the editor's schema says "not allowed"), yet the page may lag
// behind the API, and a newer field must not block a request the API would take.
export const SessionRequest = described(
  strictObject({
    $schema: z.optional(described(z.string(), 'The JSON schema this file follows, for editor support. The playground removes it before sending.')),
    reference_id: described(z.string().check(z.minLength(1), z.maxLength(64)), 'A reference that identifies the session in your system, 1 to 64 characters.'),
    customer_id: z.optional(
      described(
        z.string().check(z.regex(CUSTOMER_ID_PATTERN, { error: FORMAT_MESSAGES.customerId }), z.length(41)),
        'A Xendit customer ID: `cust-` followed by a UUID, 41 characters, e.g. `cust-b98d6f63-d240-44ec-9bd5-aa42954c4f48`.',
      ),
    ),
    customer: z.optional(Customer),
    session_type: described(
      z.enum(SESSION_TYPES),
      'What the session is for: `SAVE` payment details, `PAY` once, or `AUTHORIZATION` of a card payment captured later.',
      enumDoc(SESSION_TYPES, SESSION_TYPE_DESCRIPTIONS),
    ),
    allow_save_payment_method: z.optional(
      described(
        z.enum(ALLOW_SAVE_PAYMENT_METHODS),
        'Whether a `PAY` session also saves the payment details for future payments. Leave it out to not save them. `CARDS_SESSION_JS` mode accepts only `FORCED`.',
        enumDoc(ALLOW_SAVE_PAYMENT_METHODS, ALLOW_SAVE_PAYMENT_METHOD_DESCRIPTIONS),
      ),
    ),
    currency: described(z.enum(CURRENCIES), 'ISO 4217 three-letter currency code of the payment. `IDR` and `VND` amounts take no decimals.'),
    amount: described(z.number().check(z.minimum(0)), 'The amount to collect from the customer, `0` or more. Must be `0` for a `SAVE` session.', {
      examples: [10000],
    }),
    mode: described(z.enum(MODES), 'How your frontend integrates the session.', enumDoc(MODES, MODE_DESCRIPTIONS)),
    capture_method: z.optional(
      described(z.enum(CAPTURE_METHODS), 'How the payment is captured. Not allowed for `SAVE` sessions.', enumDoc(CAPTURE_METHODS, CAPTURE_METHOD_DESCRIPTIONS)),
    ),
    country: described(z.enum(COUNTRIES), 'ISO 3166-1 alpha-2 two-letter code of the country of the transaction.'),
    channel_properties: z.optional(ChannelProperties),
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
    items: z.optional(described(z.nullable(z.array(Item)), 'The items of the purchase, shown on the Hosted Checkout page. Only for `PAY` sessions.')),
    success_return_url: z.optional(returnUrl('Where the customer goes after completing the session.')),
    cancel_return_url: z.optional(returnUrl('Where the customer goes after stopping the payment or when the session expired.')),
    origins: z.optional(
      described(z.nullable(z.array(Origin)), 'Origins of the pages that use the session in `COMPONENT` mode, checked for CORS.', {
        examples: [['https://yourcompany.com']],
      }),
    ),
    cards_session_js: z.optional(CardsSessionJs),
    components_configuration: z.optional(ComponentsConfiguration),
    subscription: z.optional(
      described(looseObject({}), `The subscription to start when \`session_type\` is \`SUBSCRIPTION\`; passed through unchecked. ${newer}`),
    ),
    notification_channels: z.optional(
      described(z.array(z.enum(NOTIFICATION_CHANNELS)), `How Xendit notifies the customer about the session, e.g. \`["EMAIL"]\`. ${newer}`),
    ),
  }),
  'A request to `POST /sessions` (create a Xendit payment session).',
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
});
export type Session = z.infer<typeof Session>;

/** The API's error body; `errors` entries are strings or objects that often carry `path` and `message`. */
export const ApiError = looseObject({
  error_code: z.string(),
  message: z.string(),
  errors: z.optional(z.array(z.union([z.string(), looseObject({})]))),
});
export type ApiError = z.infer<typeof ApiError>;
