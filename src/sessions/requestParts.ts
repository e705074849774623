// The nested objects of a create-session request, as the newest docs (2026) describe them: items, customer,
// channel properties, the configurations of each mode, and the subscription. schema.ts composes the request.
import * as z from 'zod/mini';
import { PAYMENT_CHANNELS } from './channels';
import { phrase } from './phrase';
import { described, enumDoc, looseObject, refused, strictObject } from './schemaKit';
import {
  ABSOLUTE_URL_PATTERN,
  CARD_ON_FILE_TYPES,
  CHANGED_2026,
  CURRENCIES,
  CUSTOMER_EMAIL_MAX,
  CUSTOMER_TYPES,
  FAILED_CYCLE_ACTIONS,
  FORMAT_MESSAGES,
  GENDERS,
  ITEM_TYPE_DESCRIPTIONS,
  ITEM_TYPES,
  METADATA_ERROR_DOC_LIMITS,
  METADATA_LIMITS,
  ORIGIN_PATTERN,
  RETRY_INTERVALS,
  SCHEDULE_INTERVALS,
} from './vocabulary';

const metadataText =
  `Key-value entries for your own data: at most ${METADATA_LIMITS.maxKeys} keys, key names up to ${METADATA_LIMITS.maxKeyLength} characters, ` +
  `string values up to ${METADATA_LIMITS.maxValueLength} characters. Xendit stores it and does not use it for processing. ${CHANGED_2026} ` +
  `the error docs say ${METADATA_ERROR_DOC_LIMITS.maxKeys} keys and values up to ${METADATA_ERROR_DOC_LIMITS.maxValueLength} characters; past those you get a warning.`;

/** `null` and absent mean the same to the API; JSON schema's `maxProperties` says in the editor what the refine says here. */
export const Metadata = described(
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

export const httpUrl = (markdown: string) => described(z.string().check(z.regex(ABSOLUTE_URL_PATTERN, { error: FORMAT_MESSAGES.httpUrl })), markdown);

export const returnUrl = (markdown: string) =>
  described(
    z.string().check(z.regex(ABSOLUTE_URL_PATTERN, { error: FORMAT_MESSAGES.returnUrl })),
    `${markdown} Must be HTTPS, e.g. \`https://yourcompany.com/example_item=my_example_item\`.`,
  );

export const Origin = z.string().check(z.regex(ORIGIN_PATTERN, { error: FORMAT_MESSAGES.origin }));
const text255 = (markdown: string) => described(z.string().check(z.maxLength(255)), markdown);

export const Item = described(
  strictObject({
    reference_id: described(
      z.string().check(z.minLength(1), z.maxLength(255)),
      `Your identifier for the item, 1 to 255 characters. ${CHANGED_2026} required.`,
    ),
    type: described(
      z.enum(ITEM_TYPES),
      `Type of item. ${CHANGED_2026} required; one of the six values the older page lists (\`DIGITAL_PRODUCTS\` and \`FEES\` with the S).`,
      enumDoc(ITEM_TYPES, ITEM_TYPE_DESCRIPTIONS),
    ),
    name: described(z.string().check(z.minLength(1), z.maxLength(255)), 'Name of the item, 1 to 255 characters.'),
    net_unit_amount: described(z.number(), 'Net amount charged per unit. Must be negative when `type` is `DISCOUNT`.'),
    quantity: described(z.number().check(z.int(), z.minimum(1)), 'Number of units of this item in the basket, a whole number of at least 1.'),
    category: text255(`Category of the item, up to 255 characters. ${CHANGED_2026} required.`),
    currency: z.optional(
      described(z.enum(CURRENCIES), `The item's currency, the session's \`currency\`. ${CHANGED_2026} sent by every official example, though the item schema does not list it.`),
    ),
    url: z.optional(httpUrl('URL of the item, HTTPS or HTTP.')),
    image_url: z.optional(httpUrl('URL of an image of the item, HTTPS or HTTP.')),
    subcategory: z.optional(text255('Sub-category of the item, up to 255 characters.')),
    description: z.optional(text255('Description of the item, up to 255 characters.')),
    metadata: z.optional(Metadata),
  }),
  `An item shown on the Hosted Checkout page. ${CHANGED_2026} \`reference_id\`, \`type\` and \`category\` are required.`,
);

const RecurringConfiguration = described(
  looseObject({
    recurring_frequency: z.optional(
      described(z.number().check(z.int(), z.minimum(1)), 'How often the card is charged, a whole number of at least 1 (the docs\' example uses `1`).'),
    ),
    recurring_expiry: z.optional(described(z.iso.date({ error: FORMAT_MESSAGES.date }), 'The last date of the recurring plan, written `YYYY-MM-DD`.')),
  }),
  'The recurring plan, required when `card_on_file_type` is `RECURRING`.',
);

const cardOnFileType = described(
  z.string().check(z.minLength(1)),
  'How the saved card will be used: `CUSTOMER_UNSCHEDULED`, `MERCHANT_UNSCHEDULED` or `RECURRING` (which needs a `recurring_configuration`).',
  { examples: [...CARD_ON_FILE_TYPES] },
);

// Open objects: channel properties differ by channel and grow with the API, so unknown keys pass.
export const ChannelProperties = described(
  looseObject({
    card_on_file_type: z.optional(cardOnFileType),
    recurring_configuration: z.optional(RecurringConfiguration),
    cards: z.optional(
      described(
        looseObject({
          card_on_file_type: z.optional(cardOnFileType),
          recurring_configuration: z.optional(RecurringConfiguration),
          card_details: refused(
            phrase('card_details is not allowed in channel_properties.cards (the API answers API_VALIDATION_ERROR): card details are collected by Xendit, never sent here. Remove it.'),
          ),
        }),
        'Card-specific properties. `recurring_configuration` may sit here or directly under `channel_properties`.',
      ),
    ),
  }),
  'Channel-specific settings, e.g. `card_on_file_type` and `recurring_configuration` for cards.',
);

/** A channel code: the known ones complete in the editor; an unknown one gets a warning from a rule, not an error. */
export const paymentChannelList = (markdown: string) =>
  described(z.array(z.union([z.enum(PAYMENT_CHANNELS), z.string().check(z.minLength(1))])), markdown, { examples: [['CARDS', 'BRI_DIRECT_DEBIT', 'DANA']] });

export const PaymentLinkConfiguration = described(
  strictObject({
    primary_payment_channels: z.optional(
      paymentChannelList('Payment channels shown at the top of the Hosted Checkout page, in this order. Each must also be in `allowed_payment_channels`.'),
    ),
    allowed_payment_channels: z.optional(
      paymentChannelList(`Older page's place for the list. ${CHANGED_2026} \`allowed_payment_channels\` is a top-level field; a quick fix moves it.`),
    ),
  }),
  `Settings for the Xendit Hosted Checkout page. ${CHANGED_2026} it holds only \`primary_payment_channels\`.`,
);

export const CardsSessionJs = described(
  strictObject({
    success_return_url: returnUrl('Where the customer goes after the card details were collected.'),
    failure_return_url: returnUrl('Where the customer goes when collecting the card details failed.'),
  }),
  'Return URLs for the older `CARDS_SESSION_JS` mode, which requires this object.',
);

export const ComponentsConfiguration = described(
  strictObject({
    origins: described(z.array(Origin), 'HTTPS origins of the pages that embed the components, checked for CORS, e.g. `["https://yourcompany.com"]`.'),
    return_url: z.optional(
      described(
        z.nullable(returnUrl('Where the customer goes after a payment that leaves your page (a hard redirect channel).')),
        'Where the customer goes after a payment that leaves your page (a hard redirect channel); HTTPS. `null` or absent: the default Xendit page.',
      ),
    ),
  }),
  `Settings for \`COMPONENTS\` mode, which requires it. ${CHANGED_2026} replaces the older page's top-level \`origins\`.`,
);

const IndividualDetail = described(
  strictObject({
    given_names: described(z.string().check(z.minLength(1)), 'Given names of the customer. Required.'),
    surname: z.optional(described(z.string(), 'Surname of the customer.')),
    nationality: z.optional(described(z.string(), 'ISO 3166-1 alpha-2 country code of the customer\'s nationality.')),
    place_of_birth: z.optional(described(z.string(), 'City or other place of birth.')),
    date_of_birth: z.optional(described(z.iso.date({ error: FORMAT_MESSAGES.date }), 'Date of birth, written `YYYY-MM-DD`.')),
    gender: z.optional(described(z.enum(GENDERS), 'Gender of the customer.')),
  }),
  `Details of the customer. ${CHANGED_2026} required, with \`given_names\`.`,
);

export const Customer = described(
  strictObject({
    type: described(z.enum(CUSTOMER_TYPES), `\`INDIVIDUAL\`. ${CHANGED_2026} required, and \`BUSINESS\` is refused.`),
    reference_id: described(z.string().check(z.minLength(1)), `Your unique identifier for this customer. ${CHANGED_2026} required.`),
    email: z.optional(described(z.string().check(z.maxLength(CUSTOMER_EMAIL_MAX)), `The customer's email address, up to ${CUSTOMER_EMAIL_MAX} characters.`)),
    mobile_number: z.optional(described(z.string(), 'The customer\'s mobile number in E.164 format, e.g. `+628123456789`.')),
    individual_detail: IndividualDetail,
  }),
  `A new customer for Xendit to create with the session (instead of \`customer_id\`). ${CHANGED_2026} \`type\`, \`reference_id\` and \`individual_detail\` are required.`,
);

const positiveInt = (markdown: string) => described(z.number().check(z.int(), z.minimum(1)), markdown);

const Schedule = described(
  strictObject({
    anchor_date: described(
      z.iso.datetime({ offset: true, error: FORMAT_MESSAGES.dateTime }),
      'When the plan starts, an ISO 8601 date-time; its day of the month is at most 28. Not before the session\'s `expires_at`.',
    ),
    interval: described(z.enum(SCHEDULE_INTERVALS), 'The unit of the billing cycle.'),
    interval_count: positiveInt('How many `interval`s make one cycle, at least 1.'),
    total_recurrence: z.optional(positiveInt('How many cycles in total, at least 1.')),
    retry_interval: z.optional(described(z.enum(RETRY_INTERVALS), 'The unit of the wait before retrying a failed payment: `DAY`, the only one the Subscriptions API takes.')),
    retry_interval_count: z.optional(positiveInt('How many `retry_interval`s to wait, at least 1.')),
    total_retry: z.optional(positiveInt('How many retries of a failed payment, at least 1.')),
    failed_attempt_notifications: z.optional(described(z.array(z.number().check(z.int(), z.minimum(1))), 'Which failed attempts notify the customer, e.g. `[1, 2, 3]`.')),
    failed_cycle_action: refused(
      phrase('failed_cycle_action belongs on subscription, not subscription.schedule (the API answers API_VALIDATION_ERROR). Move it up one level.'),
    ),
  }),
  'The billing schedule: `anchor_date`, `interval` and `interval_count` are required.',
);

export const Subscription = described(
  strictObject({
    schedule: Schedule,
    payment_link_for_failed_attempt: z.optional(described(z.boolean(), 'Whether a failed attempt sends the customer a payment link.')),
    failed_cycle_action: z.optional(described(z.enum(FAILED_CYCLE_ACTIONS), 'What happens after a cycle fails all retries: `RESUME` or `STOP` the plan.')),
    immediate_payment: z.optional(
      described(z.boolean(), 'Charge the first cycle now. Used by the subscription guide and its live response, though absent from the OpenAPI schema.'),
    ),
  }),
  `The recurring plan of a \`SUBSCRIPTION\` session, which requires it. ${CHANGED_2026} new.`,
);
