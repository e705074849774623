// The values the Sessions API's enums take, what each means, and the limits and formats the model checks.
// Where Xendit's newest documentation (2026) and the older create-session page disagree, the newest wins, and
// the values only the older page lists are kept apart so a rule can say so (see rulesNewestDocs.ts).
import { type Phrase, phrase, say } from './phrase';

/** The public `session_type` enum of the newest docs. AUTHORIZATION is refused (SESSION_TYPE_NOT_SUPPORTED). */
export const SESSION_TYPES = ['PAY', 'SAVE', 'SUBSCRIPTION'] as const;
export type SessionType = (typeof SESSION_TYPES)[number];
/** Session types the API answers SESSION_TYPE_NOT_SUPPORTED to, with what to send instead. */
export const REFUSED_SESSION_TYPES: Readonly<Record<string, Phrase>> = {
  AUTHORIZATION: phrase('manual capture is session_type PAY with capture_method MANUAL'),
};

/** The newest docs' public modes first; then the older page's names, which a rule flags. */
export const MODES = ['PAYMENT_LINK', 'COMPONENTS', 'CARDS_SESSION_JS', 'COMPONENT'] as const;
export type Mode = (typeof MODES)[number];
export const PUBLIC_MODES: readonly Mode[] = ['PAYMENT_LINK', 'COMPONENTS'];

export const ALLOW_SAVE_PAYMENT_METHODS = ['DISABLED', 'OPTIONAL', 'FORCED'] as const;
export type AllowSavePaymentMethod = (typeof ALLOW_SAVE_PAYMENT_METHODS)[number];
export const CURRENCIES = ['IDR', 'PHP', 'VND', 'THB', 'SGD', 'MYR', 'USD'] as const;
export type Currency = (typeof CURRENCIES)[number];
export const CAPTURE_METHODS = ['AUTOMATIC', 'MANUAL'] as const;

/**
 * The session item types: the newest docs keep the older page's six. `DIGITAL_PRODUCT` and `FEE` (no S) are the v3
 * payment requests API's spellings, not the sessions API's; a request that uses them is told the closest one here.
 */
export const ITEM_TYPES = ['DIGITAL_PRODUCTS', 'PHYSICAL_PRODUCT', 'DIGITAL_SERVICE', 'PHYSICAL_SERVICE', 'FEES', 'DISCOUNT'] as const;

export const SESSION_STATUSES = ['ACTIVE', 'COMPLETED', 'EXPIRED', 'CANCELED'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];
export const NOTIFICATION_CHANNELS = ['EMAIL'] as const;
export const CUSTOMER_TYPES = ['INDIVIDUAL'] as const;
export const GENDERS = ['MALE', 'FEMALE', 'OTHER'] as const;
export const SCHEDULE_INTERVALS = ['DAY', 'WEEK', 'MONTH'] as const;
/** A failed cycle is retried after days only: the Subscriptions API's schedule, which a SUBSCRIPTION session makes, lists DAY alone. */
export const RETRY_INTERVALS = ['DAY'] as const;
export const FAILED_CYCLE_ACTIONS = ['RESUME', 'STOP'] as const;
/** Values seen in the docs' examples and Xendit's card docs; offered for completion, not enforced (the docs list none). */
export const CARD_ON_FILE_TYPES = ['CUSTOMER_UNSCHEDULED', 'MERCHANT_UNSCHEDULED', 'RECURRING'] as const;

/**
 * Metadata limits. The request schema says 50 keys, keys up to 40 characters, values up to 500; the error docs
 * (INVALID_METADATA) say 20 keys and string values up to 80 characters. The model enforces the first, and a rule
 * warns past the second, since the sources conflict.
 */
export const METADATA_LIMITS = { maxKeys: 50, maxKeyLength: 40, maxValueLength: 500 } as const;
export const METADATA_ERROR_DOC_LIMITS = { maxKeys: 20, maxValueLength: 80 } as const;
export const CUSTOMER_EMAIL_MAX = 50;
/** The latest day of the month a subscription's anchor_date may fall on. */
export const ANCHOR_DAY_MAX = 28;

/** A return URL must be absolute; the API also wants https, which a rule checks so it can offer a fix. */
export const ABSOLUTE_URL_PATTERN = /^https?:\/\/\S+$/;
export const CUSTOMER_ID_PATTERN = /^cust-[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/** A CORS origin: scheme and host (and port), nothing after it but an optional slash. */
export const ORIGIN_PATTERN = /^https?:\/\/[^\s/?#]+\/?$/;
export const LOCALE_PATTERN = /^[a-z]{2}$/;
/** E.164: a plus, a country code and subscriber number, 15 digits at most. */
export const E164_PATTERN = /^\+[1-9]\d{1,14}$/;

/** What a value of each format must look like; validate.ts and the JSON schema's pattern messages both say it. */
/** What a field's format must be, as phrases (the editor says them in its language); FORMAT_MESSAGES is their English. */
export const FORMAT_PHRASES = {
  httpUrl: phrase('must be a full URL starting with https:// or http://'),
  returnUrl: phrase('must be a full URL starting with https://'),
  origin: phrase('must be an origin: scheme and host with an optional port and no path, e.g. {0}', 'https://yourdomain.com'),
  customerId: phrase('must be cust- followed by a UUID (41 characters), e.g. {0}', 'cust-b98d6f63-d240-44ec-9bd5-aa42954c4f48'),
  locale: phrase('must be an ISO 639-1 two-letter language code in lower case, e.g. en'),
  dateTime: phrase('must be an ISO 8601 date-time with a time zone, e.g. {0}', '2030-12-31T23:59:59Z'),
  date: phrase('must be a date written YYYY-MM-DD, e.g. {0}', '2029-10-10'),
} as const;
export const FORMAT_MESSAGES = Object.fromEntries(Object.entries(FORMAT_PHRASES).map(([name, said]) => [name, say(said)])) as Record<
  keyof typeof FORMAT_PHRASES,
  string
>;

/** Said in the hover text of every field whose rules the newest docs changed. */
export const CHANGED_2026 = '_Changed in the 2026 API reference:_';

export const SESSION_TYPE_DESCRIPTIONS: Record<SessionType, string> = {
  PAY: 'Collect a one-time payment (`amount` above 0). For manual capture add `capture_method: MANUAL`.',
  SAVE: 'Save the customer\'s payment details for future payments. `amount` must be `0` and a customer is required.',
  SUBSCRIPTION: 'Start a recurring plan described by `subscription` (`amount` above 0 is charged each cycle; no `items`).',
};
export const MODE_DESCRIPTIONS: Record<Mode, string> = {
  PAYMENT_LINK: 'Redirect the customer to the Xendit Hosted Checkout page at `payment_link_url`.',
  COMPONENTS: 'Collect payment details on your own page with the Xendit Components SDK; needs `components_configuration.origins`.',
  CARDS_SESSION_JS:
    'Older: collect card details with the cards-session JavaScript library; needs `cards_session_js` and a customer. Not in the newest public enum (the error docs still describe it).',
  COMPONENT: 'Older page\'s name for `COMPONENTS` (with a top-level `origins`). Not in the newest docs: use `COMPONENTS` and `components_configuration.origins`.',
};
export const ALLOW_SAVE_PAYMENT_METHOD_DESCRIPTIONS: Record<AllowSavePaymentMethod, string> = {
  DISABLED: 'Do not save the payment details.',
  OPTIONAL: 'Let the customer choose to save the payment details (needs a customer).',
  FORCED: 'Always save the payment details (needs a customer). The only value `CARDS_SESSION_JS` mode accepts.',
};
export const CAPTURE_METHOD_DESCRIPTIONS: Record<(typeof CAPTURE_METHODS)[number], string> = {
  AUTOMATIC: 'Capture the payment automatically.',
  MANUAL: 'Authorize now and capture later with the Payment Capture API.',
};
export const SESSION_STATUS_DESCRIPTIONS: Record<SessionStatus, string> = {
  ACTIVE: 'Created and waiting for the customer.',
  COMPLETED: 'The customer paid or saved their payment details.',
  EXPIRED: 'Passed `expires_at` before completion (final).',
  CANCELED: 'Canceled through the cancel endpoint (final).',
};
export const ITEM_TYPE_DESCRIPTIONS: Record<(typeof ITEM_TYPES)[number], string> = {
  DIGITAL_PRODUCTS: 'A digital product (with the S: `DIGITAL_PRODUCT` is the payment requests API\'s spelling).',
  PHYSICAL_PRODUCT: 'A physical product.',
  DIGITAL_SERVICE: 'A digital service.',
  PHYSICAL_SERVICE: 'A physical service, e.g. shipping.',
  FEES: 'A fee (with the S: `FEE` is the payment requests API\'s spelling).',
  DISCOUNT: 'A discount, with a negative `net_unit_amount`.',
};
