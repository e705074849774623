// The cross-field rules the older create-session page and the newest docs share about customers, card modes,
// channels, expiry and URLs, updated where the 2026 docs changed them. One rule per rule in the API notes,
// each named so tests and messages can cite it.
import { channelCountry, type Country } from './channels';
import { describeValue, formatPath, valueAt } from './jsonPath';
import type { Fix, JsonPath } from './problem';
import { customerStub, defineRule } from './ruleKit';

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

export const customerRequired = defineRule({
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

export const cardsSessionJsConfigRequired = defineRule({
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

export const cardsSessionJsSaveForced = defineRule({
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

export const recurringConfigurationRequired = defineRule({
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
    // Only a recurring plan has one: MERCHANT_UNSCHEDULED charges have no schedule (the API notes and cards guides).
    const needsPlan = (type: string | undefined) => type === 'RECURRING';
    const path: JsonPath | undefined = needsPlan(properties.card_on_file_type)
      ? ['channel_properties', 'card_on_file_type']
      : needsPlan(properties.cards?.card_on_file_type)
        ? ['channel_properties', 'cards', 'card_on_file_type']
        : undefined;
    if (!path || properties.recurring_configuration !== undefined || properties.cards?.recurring_configuration !== undefined) return [];
    return [
      problem(
        'error',
        'API_VALIDATION_ERROR',
        path,
        `card_on_file_type ${String(valueAt(request, path))} needs a recurring_configuration describing the plan, under channel_properties (or channel_properties.cards), e.g. { "recurring_frequency": 1, "recurring_expiry": "2029-10-10" }. Add it.`,
      ),
    ];
  },
});

export const primaryChannelsInAllowed = defineRule({
  name: 'primary-channels-in-allowed',
  summary: 'primary_payment_channels is a subset of allowed_payment_channels',
  reads: [
    ['payment_link_configuration', 'primary_payment_channels', '*'],
    ['allowed_payment_channels', '*'],
  ],
  anchor: 'value',
  coveredByJsonSchema: false,
  check(request, _context, problem) {
    // Only the top-level list: the newest docs give payment_link_configuration primary_payment_channels alone, so a
    // list left there from the older page restricts nothing (allowed-channels-at-top-level says so).
    const allowed = request.allowed_payment_channels ?? [];
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

export const expiryInFuture = defineRule({
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

export const channelCountryMatches = defineRule({
  name: 'channel-country',
  summary: 'a payment channel that only exists in one country matches `country`',
  reads: [
    ['country'],
    ['payment_link_configuration', 'primary_payment_channels', '*'],
    ['payment_link_configuration', 'allowed_payment_channels', '*'],
    ['allowed_payment_channels', '*'],
  ],
  anchor: 'value',
  coveredByJsonSchema: false,
  check(request, _context, problem) {
    const lists = [
      { path: ['allowed_payment_channels'], channels: request.allowed_payment_channels ?? [] },
      { path: ['payment_link_configuration', 'allowed_payment_channels'], channels: request.payment_link_configuration?.allowed_payment_channels ?? [] },
      { path: ['payment_link_configuration', 'primary_payment_channels'], channels: request.payment_link_configuration?.primary_payment_channels ?? [] },
    ];
    return lists.flatMap(({ path: listPath, channels }) =>
      channels.flatMap((channel, index) => {
        const country = channelCountry(channel);
        if (country === undefined || country === request.country) return [];
        return [
          problem(
            'error',
            'INVALID_PAYMENT_CHANNEL',
            [...listPath, index],
            `${channel} is ${COUNTRY_ADJECTIVES[country]} channel (${country}), but country is ${request.country}. Remove ${channel} from ${formatPath(listPath)}, or set country to ${country}.`,
          ),
        ];
      }),
    );
  },
});

export const httpsReturnUrls = defineRule({
  name: 'https-return-urls',
  summary: 'return URLs (success, cancel, cards_session_js, components) and components origins use https',
  reads: [...RETURN_URL_PATHS, ['components_configuration', 'origins', '*']],
  anchor: 'value',
  coveredByJsonSchema: true,
  check(request, _context, problem) {
    const origins = request.components_configuration?.origins ?? [];
    const paths: JsonPath[] = [...RETURN_URL_PATHS, ...origins.map((_origin, index) => ['components_configuration', 'origins', index])];
    return paths.flatMap((path) => {
      const url = valueAt(request, path);
      if (typeof url !== 'string' || !/^http:\/\//i.test(url)) return [];
      const secure = `https://${url.slice('http://'.length)}`;
      return [
        problem(
          'error',
          // The error docs name a bad components origin an API_VALIDATION_ERROR, a bad return URL an INVALID_URL.
          path[1] === 'origins' ? 'API_VALIDATION_ERROR' : 'INVALID_URL',
          path,
          `${formatPath(path)} must use HTTPS; it is ${describeValue(url)}. Change http:// to https://.`,
          { title: 'Use https://', kind: 'set', path, value: secure },
        ),
      ];
    });
  },
});
