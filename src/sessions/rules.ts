// The cross-field rules the Sessions API enforces beyond single-field types and limits, as pure functions
// from a request to problems. One rule per rule in the API notes, each named so tests and messages can cite it.
import { channelCountry, type Country } from './channels';
import { takesNoDecimals } from './currency';
import { describeValue, formatPath, valueAt } from './jsonPath';
import type { Fix, JsonPath, Problem, Severity } from './problem';
import type { SessionRequest } from './schema';

export interface RuleContext {
  /** The time `expires_at` is compared with; injected so tests and previews are repeatable. */
  readonly now: Date;
}

/**
 * A path pattern a rule reads; `*` stands for any array index. A rule is skipped when the model found a
 * problem at one of these paths or an ancestor of one, so it only ever sees values of the declared type.
 * A pattern names exactly what the rule looks at: `customer` means "is there a customer", and a problem
 * inside the customer object does not stop the rule.
 */
export type ReadPattern = readonly (string | '*')[];

export interface Rule {
  readonly name: string;
  /** What the rule checks, in one line (for docs and test names). */
  readonly summary: string;
  readonly reads: readonly ReadPattern[];
  /** Where the editor underlines the problem: the value at `path`, or its property name (for "remove this key"). */
  readonly anchor: 'value' | 'key';
  /** True when the generated JSON schema states the rule too, so the editor can avoid reporting it twice. */
  readonly coveredByJsonSchema: boolean;
  check(request: SessionRequest, context: RuleContext): Problem[];
}

const MIN_EXPIRY_MINUTES = 10;
/** Every URL the customer is sent back to; the API takes only HTTPS for these. */
export const RETURN_URL_PATHS: readonly (readonly string[])[] = [
  ['success_return_url'],
  ['cancel_return_url'],
  ['cards_session_js', 'success_return_url'],
  ['cards_session_js', 'failure_return_url'],
  ['components_configuration', 'return_url'],
];
const COUNTRY_ADJECTIVES: Record<Country, string> = {
  ID: 'an Indonesian',
  PH: 'a Philippine',
  VN: 'a Vietnamese',
  TH: 'a Thai',
  SG: 'a Singaporean',
  MY: 'a Malaysian',
};

/** A stand-in customer the user edits: enough for the API to create a test customer. */
export function customerStub(request: Pick<SessionRequest, 'reference_id'>): Record<string, unknown> {
  return {
    type: 'INDIVIDUAL',
    reference_id: `customer-${request.reference_id ?? '1'}`,
    email: 'customer@example.com',
    individual_detail: { given_names: 'Test', surname: 'Customer' },
  };
}

/** Builds one problem of the rule being checked; rules get it so none can misname its source. */
export type ProblemMaker = (severity: Severity, code: string, path: JsonPath, message: string, fix?: Fix) => Problem;

interface RuleSpec extends Omit<Rule, 'check'> {
  check(request: SessionRequest, context: RuleContext, problem: ProblemMaker): Problem[];
}

function defineRule(spec: RuleSpec): Rule {
  const problem: ProblemMaker = (severity, code, path, message, fix) => ({
    severity,
    path,
    message,
    code,
    source: `rule:${spec.name}`,
    ...(fix ? { fix } : {}),
  });
  return { ...spec, check: (request, context) => spec.check(request, context, problem) };
}

function itemsOf(request: SessionRequest): NonNullable<SessionRequest['items']> {
  return Array.isArray(request.items) ? request.items : [];
}

/** Rounded to cents so binary fractions (0.1 + 0.2) do not count as a difference. */
function cents(amount: number): number {
  return Math.round(amount * 100);
}

const customerRequired = defineRule({
  name: 'customer-required',
  summary: 'SAVE sessions, CARDS_SESSION_JS mode and allow_save_payment_method FORCED/OPTIONAL need customer_id or customer',
  reads: [['session_type'], ['mode'], ['allow_save_payment_method'], ['customer'], ['customer_id']],
  anchor: 'value',
  coveredByJsonSchema: false,
  check(request, _context, problem) {
    if (request.customer_id !== undefined || request.customer !== undefined) return [];
    let path: JsonPath;
    let reason: string;
    if (request.session_type === 'SAVE') {
      path = ['session_type'];
      reason = 'a SAVE session stores payment details for a customer';
    } else if (request.mode === 'CARDS_SESSION_JS') {
      path = ['mode'];
      reason = 'CARDS_SESSION_JS mode collects card details for a customer';
    } else if (request.allow_save_payment_method === 'FORCED' || request.allow_save_payment_method === 'OPTIONAL') {
      path = ['allow_save_payment_method'];
      reason = `allow_save_payment_method ${request.allow_save_payment_method} saves payment details for a customer`;
    } else {
      return [];
    }
    return [
      problem(
        'error',
        'MISSING_CUSTOMER',
        path,
        `A customer is required because ${reason}. Add "customer_id" (an existing Xendit customer, cust-...) or a "customer" object for Xendit to create.`,
        { title: 'Add a test customer (edit its details)', kind: 'set', path: ['customer'], value: customerStub(request) },
      ),
    ];
  },
});

const saveAmountZero = defineRule({
  name: 'save-amount-zero',
  summary: 'a SAVE session has amount 0',
  reads: [['session_type'], ['amount']],
  anchor: 'value',
  coveredByJsonSchema: true,
  check(request, _context, problem) {
    if (request.session_type !== 'SAVE' || request.amount === 0) return [];
    return [
      problem(
        'error',
        'INVALID_AMOUNT',
        ['amount'],
        `amount must be 0 when session_type is SAVE (a SAVE session only stores payment details); it is ${request.amount}. Set amount to 0.`,
        { title: 'Set amount to 0', kind: 'set', path: ['amount'], value: 0 },
      ),
    ];
  },
});

const payAmountPositive = defineRule({
  name: 'pay-amount-positive',
  summary: 'a PAY session with amount 0 is flagged (the live API wants more than 0)',
  reads: [['session_type'], ['amount']],
  anchor: 'value',
  coveredByJsonSchema: false,
  check(request, _context, problem) {
    if (request.session_type !== 'PAY' || request.amount !== 0) return [];
    return [
      problem(
        'warning',
        'INVALID_AMOUNT',
        ['amount'],
        'amount is 0 in a PAY session. The API page\'s card examples send 0, but the live API expects an amount above 0 for PAY: set the amount to collect.',
      ),
    ];
  },
});

const captureMethodNotForSave = defineRule({
  name: 'capture-method-not-for-save',
  summary: 'capture_method is not sent with a SAVE session',
  reads: [['session_type'], ['capture_method']],
  anchor: 'key',
  coveredByJsonSchema: false,
  check(request, _context, problem) {
    if (request.session_type !== 'SAVE' || request.capture_method === undefined) return [];
    return [
      problem(
        'error',
        'DISALLOWED_CAPTURE_METHOD',
        ['capture_method'],
        'capture_method is not allowed when session_type is SAVE: a SAVE session takes no payment to capture. Remove capture_method.',
        { title: 'Remove capture_method', kind: 'remove', path: ['capture_method'] },
      ),
    ];
  },
});

const itemsOnlyForPay = defineRule({
  name: 'items-only-for-pay',
  summary: 'items are only sent with a PAY session',
  reads: [['session_type'], ['items']],
  anchor: 'key',
  coveredByJsonSchema: false,
  check(request, _context, problem) {
    if (request.session_type === 'PAY' || request.items === undefined || request.items === null) return [];
    return [
      problem(
        'error',
        'ITEMS_NOT_SUPPORTED',
        ['items'],
        `items are only allowed when session_type is PAY, and it is ${request.session_type}. Remove items (or set session_type to PAY).`,
        { title: 'Remove items', kind: 'remove', path: ['items'] },
      ),
    ];
  },
});

const cardsSessionJsConfigRequired = defineRule({
  name: 'cards-session-js-config-required',
  summary: 'CARDS_SESSION_JS mode needs a cards_session_js object',
  reads: [['mode'], ['cards_session_js']],
  anchor: 'value',
  coveredByJsonSchema: false,
  check(request, _context, problem) {
    if (request.mode !== 'CARDS_SESSION_JS' || request.cards_session_js !== undefined) return [];
    return [
      problem(
        'error',
        'API_VALIDATION_ERROR',
        ['mode'],
        'mode CARDS_SESSION_JS needs a "cards_session_js" object with success_return_url and failure_return_url (where the customer goes after entering card details). Add cards_session_js.',
        {
          title: 'Add cards_session_js with return URLs to edit',
          kind: 'set',
          path: ['cards_session_js'],
          value: { success_return_url: 'https://yourcompany.com/success', failure_return_url: 'https://yourcompany.com/failure' },
        },
      ),
    ];
  },
});

const cardsSessionJsSaveForced = defineRule({
  name: 'cards-session-js-save-forced',
  summary: 'in CARDS_SESSION_JS mode, allow_save_payment_method is FORCED if sent',
  reads: [['mode'], ['allow_save_payment_method']],
  anchor: 'value',
  coveredByJsonSchema: false,
  check(request, _context, problem) {
    const value = request.allow_save_payment_method;
    if (request.mode !== 'CARDS_SESSION_JS' || value === undefined || value === 'FORCED') return [];
    return [
      problem(
        'error',
        'API_VALIDATION_ERROR',
        ['allow_save_payment_method'],
        `allow_save_payment_method must be FORCED in CARDS_SESSION_JS mode; it is ${value}. Set it to FORCED, or remove it so the card is not saved.`,
        { title: 'Set allow_save_payment_method to FORCED', kind: 'set', path: ['allow_save_payment_method'], value: 'FORCED' },
      ),
    ];
  },
});

const recurringConfigurationRequired = defineRule({
  name: 'recurring-configuration-required',
  summary: 'card_on_file_type RECURRING needs a recurring_configuration',
  reads: [
    ['channel_properties', 'card_on_file_type'],
    ['channel_properties', 'recurring_configuration'],
    ['channel_properties', 'cards', 'card_on_file_type'],
    ['channel_properties', 'cards', 'recurring_configuration'],
  ],
  anchor: 'value',
  coveredByJsonSchema: false,
  check(request, _context, problem) {
    const properties = request.channel_properties;
    if (!properties) return [];
    // The page's examples put these straight under channel_properties; the API notes put them under `cards`.
    const path: JsonPath | undefined =
      properties.card_on_file_type === 'RECURRING'
        ? ['channel_properties', 'card_on_file_type']
        : properties.cards?.card_on_file_type === 'RECURRING'
          ? ['channel_properties', 'cards', 'card_on_file_type']
          : undefined;
    if (!path || properties.recurring_configuration !== undefined || properties.cards?.recurring_configuration !== undefined) return [];
    return [
      problem(
        'error',
        'API_VALIDATION_ERROR',
        path,
        'card_on_file_type RECURRING needs a recurring_configuration describing the plan, under channel_properties (or channel_properties.cards), e.g. { "recurring_frequency": 1, "recurring_expiry": "2029-10-10" }. Add it.',
      ),
    ];
  },
});

const primaryChannelsInAllowed = defineRule({
  name: 'primary-channels-in-allowed',
  summary: 'primary_payment_channels is a subset of allowed_payment_channels',
  reads: [
    ['payment_link_configuration', 'primary_payment_channels', '*'],
    ['payment_link_configuration', 'allowed_payment_channels', '*'],
  ],
  anchor: 'value',
  coveredByJsonSchema: false,
  check(request, _context, problem) {
    const allowed = request.payment_link_configuration?.allowed_payment_channels ?? [];
    const primary = request.payment_link_configuration?.primary_payment_channels ?? [];
    // An empty or absent allowed list means every channel of the account is allowed.
    if (allowed.length === 0) return [];
    const allowedSet = new Set<string>(allowed);
    return primary.flatMap((channel, index) =>
      allowedSet.has(channel)
        ? []
        : [
            problem(
              'error',
              'INVALID_PRIMARY_PAYMENT_CHANNEL',
              ['payment_link_configuration', 'primary_payment_channels', index],
              `${channel} is a primary payment channel but is not in allowed_payment_channels; a channel shown first must also be allowed. Add ${channel} to allowed_payment_channels or remove it from primary_payment_channels.`,
            ),
          ],
    );
  },
});

const wholeAmountCurrency = defineRule({
  name: 'whole-amount-currency',
  summary: 'IDR and VND amounts (amount and items\' net_unit_amount) have no decimals',
  reads: [['currency'], ['amount'], ['items', '*', 'net_unit_amount']],
  anchor: 'value',
  coveredByJsonSchema: false,
  check(request, _context, problem) {
    if (!takesNoDecimals(request.currency)) return [];
    const amounts: { path: JsonPath; value: number | undefined }[] = [
      { path: ['amount'], value: request.amount },
      ...itemsOf(request).map((item, index) => ({ path: ['items', index, 'net_unit_amount'], value: item.net_unit_amount })),
    ];
    return amounts.flatMap(({ path, value }) => {
      if (typeof value !== 'number' || Number.isInteger(value)) return [];
      const rounded = Math.round(value);
      return [
        problem(
          'error',
          'INVALID_AMOUNT',
          path,
          `${formatPath(path)} is ${value}, but ${request.currency} amounts are whole numbers. Round it to ${rounded}.`,
          { title: `Round to ${rounded}`, kind: 'set', path, value: rounded },
        ),
      ];
    });
  },
});

const expiryInFuture = defineRule({
  name: 'expiry-in-future',
  summary: 'expires_at is in the future (an error when past, a warning under 10 minutes ahead)',
  reads: [['expires_at']],
  anchor: 'value',
  coveredByJsonSchema: false,
  check(request, { now }, problem) {
    if (request.expires_at === undefined) return [];
    const minutesAhead = (Date.parse(request.expires_at) - now.getTime()) / 60_000;
    if (Number.isNaN(minutesAhead) || minutesAhead >= MIN_EXPIRY_MINUTES) return [];
    const removeFix: Fix = {
      title: 'Remove expires_at (the session then expires 30 minutes after creation)',
      kind: 'remove',
      path: ['expires_at'],
    };
    if (minutesAhead <= 0) {
      return [
        problem(
          'error',
          'INVALID_EXPIRY_DATE',
          ['expires_at'],
          `expires_at ${request.expires_at} is in the past. Set a time at least ${MIN_EXPIRY_MINUTES} minutes from now, or remove expires_at to get the default of 30 minutes.`,
          removeFix,
        ),
      ];
    }
    return [
      problem(
        'warning',
        'INVALID_EXPIRY_DATE',
        ['expires_at'],
        `expires_at is only ${Math.floor(minutesAhead)} minutes from now; the API rejects an expiry less than ${MIN_EXPIRY_MINUTES} minutes ahead. Set a later time, or remove expires_at to get the default of 30 minutes.`,
        removeFix,
      ),
    ];
  },
});

const channelCountryMatches = defineRule({
  name: 'channel-country',
  summary: 'a payment channel that only exists in one country matches `country`',
  reads: [
    ['country'],
    ['payment_link_configuration', 'primary_payment_channels', '*'],
    ['payment_link_configuration', 'allowed_payment_channels', '*'],
  ],
  anchor: 'value',
  coveredByJsonSchema: false,
  check(request, _context, problem) {
    const configuration = request.payment_link_configuration;
    if (!configuration) return [];
    const lists = [
      { key: 'allowed_payment_channels', channels: configuration.allowed_payment_channels ?? [] },
      { key: 'primary_payment_channels', channels: configuration.primary_payment_channels ?? [] },
    ];
    return lists.flatMap(({ key, channels }) =>
      channels.flatMap((channel, index) => {
        const country = channelCountry(channel);
        if (country === undefined || country === request.country) return [];
        return [
          problem(
            'error',
            'INVALID_PAYMENT_CHANNEL',
            ['payment_link_configuration', key, index],
            `${channel} is ${COUNTRY_ADJECTIVES[country]} channel (${country}), but country is ${request.country}. Remove ${channel} from ${key}, or set country to ${country}.`,
          ),
        ];
      }),
    );
  },
});

const itemsTotalMatchesAmount = defineRule({
  name: 'items-total-matches-amount',
  summary: 'in a PAY session, the items add up to amount',
  reads: [['session_type'], ['amount'], ['items', '*', 'net_unit_amount'], ['items', '*', 'quantity']],
  anchor: 'value',
  coveredByJsonSchema: false,
  check(request, _context, problem) {
    const items = itemsOf(request);
    if (request.session_type !== 'PAY' || items.length === 0 || typeof request.amount !== 'number') return [];
    const totalCents = items.reduce((sum, item) => sum + cents(item.net_unit_amount * item.quantity), 0);
    if (totalCents === cents(request.amount)) return [];
    const total = totalCents / 100;
    return [
      problem(
        'warning',
        'INVALID_AMOUNT',
        ['amount'],
        `The items add up to ${total} (net_unit_amount x quantity), but amount is ${request.amount}. The checkout page shows both, so make them agree: change amount or the items.`,
        { title: `Set amount to the items' total, ${total}`, kind: 'set', path: ['amount'], value: total },
      ),
    ];
  },
});

const httpsReturnUrls = defineRule({
  name: 'https-return-urls',
  summary: 'return URLs (success, cancel, cards_session_js, components) use https',
  reads: RETURN_URL_PATHS,
  anchor: 'value',
  coveredByJsonSchema: true,
  check(request, _context, problem) {
    return RETURN_URL_PATHS.flatMap((path) => {
      const url = valueAt(request, path);
      if (typeof url !== 'string' || !/^http:\/\//i.test(url)) return [];
      const secure = `https://${url.slice('http://'.length)}`;
      return [
        problem(
          'error',
          'INVALID_URL',
          path,
          `${formatPath(path)} must use HTTPS; it is ${describeValue(url)}. Change http:// to https://.`,
          { title: 'Use https://', kind: 'set', path, value: secure },
        ),
      ];
    });
  },
});

const discountNegative = defineRule({
  name: 'discount-negative',
  summary: 'a DISCOUNT item has a negative net_unit_amount',
  reads: [['items', '*', 'type'], ['items', '*', 'net_unit_amount']],
  anchor: 'value',
  coveredByJsonSchema: true,
  check(request, _context, problem) {
    return itemsOf(request).flatMap((item, index) => {
      if (item.type !== 'DISCOUNT' || item.net_unit_amount < 0) return [];
      const path: JsonPath = ['items', index, 'net_unit_amount'];
      const amount = item.net_unit_amount;
      return [
        problem(
          'error',
          'API_VALIDATION_ERROR',
          path,
          `${formatPath(path)} must be negative for a DISCOUNT item (the discount is taken off the total); it is ${amount}.${amount > 0 ? ` Set it to ${-amount}.` : ''}`,
          amount > 0 ? { title: `Set to ${-amount}`, kind: 'set', path, value: -amount } : undefined,
        ),
      ];
    });
  },
});

/** Every cross-field rule, in the order their problems are reported. */
export const RULES: readonly Rule[] = [
  customerRequired,
  saveAmountZero,
  payAmountPositive,
  captureMethodNotForSave,
  itemsOnlyForPay,
  cardsSessionJsConfigRequired,
  cardsSessionJsSaveForced,
  recurringConfigurationRequired,
  primaryChannelsInAllowed,
  wholeAmountCurrency,
  expiryInFuture,
  channelCountryMatches,
  itemsTotalMatchesAmount,
  httpsReturnUrls,
  discountNegative,
];

/** Runs every rule on a request that passed the model; validate.ts runs them selectively on partly valid ones. */
export function checkRules(request: SessionRequest, context: RuleContext): Problem[] {
  return RULES.flatMap((rule) => rule.check(request, context));
}
