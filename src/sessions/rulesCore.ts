// The cross-field rules the older create-session page and the newest docs share about customers, card modes,
// channels, expiry and URLs, updated where the 2026 docs changed them. One rule per rule in the API notes,
// each named so tests and messages can cite it.
import { channelCountry, type Country } from './channels';
import { pathPhrase, valueAt, valuePhrase } from './jsonPath';
import { type Phrase, phrase } from './phrase';
import { type Fix, type JsonPath, titled } from './problem';
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
/** "X is {an Indonesian} channel": the whole sentence per country, so each language says it its own way. */
const COUNTRY_CHANNEL: Record<Country, (channel: string) => Phrase> = {
  ID: (channel) => phrase('{0} is an Indonesian channel', channel),
  PH: (channel) => phrase('{0} is a Philippine channel', channel),
  VN: (channel) => phrase('{0} is a Vietnamese channel', channel),
  TH: (channel) => phrase('{0} is a Thai channel', channel),
  SG: (channel) => phrase('{0} is a Singaporean channel', channel),
  MY: (channel) => phrase('{0} is a Malaysian channel', channel),
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
    let reason: Phrase;
    if (request.session_type === 'SAVE') {
      path = ['session_type'];
      reason = phrase('a SAVE session stores payment details for a customer');
    } else if (request.mode === 'CARDS_SESSION_JS') {
      path = ['mode'];
      reason = phrase('CARDS_SESSION_JS mode collects card details for a customer');
    } else if (request.allow_save_payment_method === 'FORCED' || request.allow_save_payment_method === 'OPTIONAL') {
      path = ['allow_save_payment_method'];
      reason = phrase('allow_save_payment_method {0} saves payment details for a customer', request.allow_save_payment_method);
    } else {
      return [];
    }
    return [
      problem(
        'error',
        'MISSING_CUSTOMER',
        path,
        phrase('A customer is required because {0}. Add "customer_id" (an existing Xendit customer, cust-...) or a "customer" object for Xendit to create.', reason),
        { ...titled(phrase('Add a test customer (edit its details)')), kind: 'set', path: ['customer'], value: customerStub(request) },
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
        phrase('mode CARDS_SESSION_JS needs a "cards_session_js" object with success_return_url and failure_return_url (where the customer goes after entering card details). Add cards_session_js.'),
        {
          ...titled(phrase('Add cards_session_js with return URLs to edit')),
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
        phrase('allow_save_payment_method must be FORCED in CARDS_SESSION_JS mode; it is {0}. Set it to FORCED, or remove it so the card is not saved.', value),
        { ...titled(phrase('Set allow_save_payment_method to FORCED')), kind: 'set', path: ['allow_save_payment_method'], value: 'FORCED' },
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
        phrase(
          'card_on_file_type {0} needs a recurring_configuration describing the plan, under channel_properties (or channel_properties.cards), e.g. {1}. Add it.',
          String(valueAt(request, path)),
          '{ "recurring_frequency": 1, "recurring_expiry": "2029-10-10" }',
        ),
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
              phrase(
                '{0} is a primary payment channel but is not in allowed_payment_channels; a channel shown first must also be allowed. Add {0} to allowed_payment_channels or remove it from primary_payment_channels.',
                channel,
              ),
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
      ...titled(phrase('Remove expires_at (the session then expires 30 minutes after creation)')),
      kind: 'remove',
      path: ['expires_at'],
    };
    if (minutesAhead <= 0) {
      return [
        problem(
          'error',
          'INVALID_EXPIRY_DATE',
          ['expires_at'],
          phrase(
            'expires_at {0} is in the past. Set a time at least {1} minutes from now, or remove expires_at to get the default of 30 minutes.',
            request.expires_at,
            MIN_EXPIRY_MINUTES,
          ),
          removeFix,
        ),
      ];
    }
    return [
      problem(
        'warning',
        'INVALID_EXPIRY_DATE',
        ['expires_at'],
        phrase(
          'expires_at is only {0} minutes from now; the API rejects an expiry less than {1} minutes ahead. Set a later time, or remove expires_at to get the default of 30 minutes.',
          Math.floor(minutesAhead),
          MIN_EXPIRY_MINUTES,
        ),
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
            phrase(
              '{0} ({1}), but country is {2}. Remove {3} from {4}, or set country to {1}.',
              COUNTRY_CHANNEL[country](channel),
              country,
              String(request.country),
              channel,
              pathPhrase(listPath),
            ),
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
          phrase('{0} must use HTTPS; it is {1}. Change http:// to https://.', pathPhrase(path), valuePhrase(url)),
          { ...titled(phrase('Use https://')), kind: 'set', path, value: secure },
        ),
      ];
    });
  },
});
