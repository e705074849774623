// Rules the newest docs (2026) add about subscriptions, items, customers and metadata, and where the sources
// conflict (metadata limits): those are warnings, since the API may take either reading.
import { pathPhrase } from './jsonPath';
import { phrase } from './phrase';
import { type JsonPath, type Problem, titled } from './problem';
import { defineRule, itemsOf, type ProblemMaker } from './ruleKit';
import { ANCHOR_DAY_MAX, E164_PATTERN, METADATA_ERROR_DOC_LIMITS, METADATA_LIMITS } from './vocabulary';

/** The session's own expiry when it has none: the API's default, 30 minutes after creation. */
const DEFAULT_EXPIRY_MS = 30 * 60_000;

/** A first billing date the user edits: the 1st of the month after next, which no expiry can pass. */
function anchorStub(now: Date): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 2, 1)).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export const subscriptionRequired = defineRule({
  name: 'subscription-required',
  summary: 'a SUBSCRIPTION session has a subscription object; other sessions have none',
  reads: [['session_type'], ['subscription']],
  anchor: 'value',
  coveredByJsonSchema: false,
  check(request, { now }, problem) {
    if (request.session_type === 'SUBSCRIPTION' && request.subscription === undefined) {
      return [
        problem(
          'error',
          'API_VALIDATION_ERROR',
          ['session_type'],
          phrase('session_type SUBSCRIPTION needs a "subscription" object with its schedule (anchor_date, interval, interval_count). Add it.'),
          {
            ...titled(phrase('Add a monthly subscription schedule (edit it)')),
            kind: 'set',
            path: ['subscription'],
            value: { schedule: { anchor_date: anchorStub(now), interval: 'MONTH', interval_count: 1 } },
          },
        ),
      ];
    }
    if (request.session_type !== 'SUBSCRIPTION' && request.subscription !== undefined) {
      return [
        problem(
          'warning',
          'API_VALIDATION_ERROR',
          ['subscription'],
          phrase(
            'subscription is only documented for session_type SUBSCRIPTION, and it is {0}: the API likely ignores or refuses it. Remove it, or set session_type to SUBSCRIPTION.',
            request.session_type,
          ),
          { ...titled(phrase('Remove subscription')), kind: 'remove', path: ['subscription'] },
        ),
      ];
    }
    return [];
  },
});

export const subscriptionCustomer = defineRule({
  name: 'subscription-customer',
  summary: 'a SUBSCRIPTION session names its customer (every documented example does)',
  reads: [['session_type'], ['customer'], ['customer_id']],
  anchor: 'value',
  coveredByJsonSchema: false,
  check(request, _context, problem) {
    if (request.session_type !== 'SUBSCRIPTION' || request.customer !== undefined || request.customer_id !== undefined) return [];
    return [
      problem(
        'warning',
        'MISSING_CUSTOMER',
        ['session_type'],
        phrase(
          'A SUBSCRIPTION session charges a customer every cycle, and every documented example sends one: add "customer_id" or a "customer" object, or the API likely answers MISSING_CUSTOMER.',
        ),
      ),
    ];
  },
});

export const anchorDate = defineRule({
  name: 'anchor-date',
  summary: 'a subscription\'s anchor_date falls on day 1 to 28, and not before the session expires',
  reads: [['subscription', 'schedule', 'anchor_date'], ['expires_at']],
  anchor: 'value',
  coveredByJsonSchema: false,
  check(request, { now }, problem) {
    const anchor = request.subscription?.schedule.anchor_date;
    if (anchor === undefined) return [];
    const path: JsonPath = ['subscription', 'schedule', 'anchor_date'];
    // The day as written, in the date's own offset: that is the day of the month the plan bills on.
    const day = Number(anchor.slice(8, 10));
    if (day > ANCHOR_DAY_MAX) {
      return [
        problem(
          'error',
          'API_VALIDATION_ERROR',
          path,
          phrase(
            'anchor_date falls on day {0} of the month, but the API allows days 1 to {1} only (so every month has the billing day). Pick a day up to {1}.',
            day,
            ANCHOR_DAY_MAX,
          ),
        ),
      ];
    }
    const expiry = request.expires_at !== undefined ? Date.parse(request.expires_at) : now.getTime() + DEFAULT_EXPIRY_MS;
    if (Number.isNaN(expiry) || Date.parse(anchor) >= expiry) return [];
    return [
      problem(
        'warning',
        'API_VALIDATION_ERROR',
        path,
        phrase(
          'anchor_date {0} is before the session expires ({1}); integrations report the API refuses an anchor_date before expires_at. Set a later anchor_date.',
          anchor,
          request.expires_at ?? phrase('30 minutes after creation'),
        ),
      ),
    ];
  },
});

export const itemAgreement = defineRule({
  name: 'item-agreement',
  summary: 'item currencies that match the session\'s',
  reads: [['currency'], ['items', '*', 'currency']],
  anchor: 'value',
  coveredByJsonSchema: false,
  check(request, _context, problem) {
    return itemsOf(request).flatMap((item, index) =>
      item.currency === undefined || item.currency === request.currency
        ? []
        : [
            problem(
              'warning',
              'INVALID_CURRENCY',
              ['items', index, 'currency'],
              phrase(
                "items[{0}].currency is {1}, but the session's currency is {2}; the documented examples always repeat the session's. Set it to {2}.",
                index,
                item.currency,
                String(request.currency),
              ),
              { ...titled(phrase('Use {0}', String(request.currency))), kind: 'set', path: ['items', index, 'currency'], value: request.currency },
            ),
          ],
    );
  },
});

export const customerMobileNumber = defineRule({
  name: 'customer-mobile-number',
  summary: 'a customer\'s mobile_number is written in E.164',
  reads: [['customer', 'mobile_number']],
  anchor: 'value',
  coveredByJsonSchema: false,
  check(request, _context, problem) {
    const mobile = request.customer?.mobile_number;
    if (mobile === undefined || E164_PATTERN.test(mobile)) return [];
    return [
      problem(
        'warning',
        'API_VALIDATION_ERROR',
        ['customer', 'mobile_number'],
        phrase(
          'customer.mobile_number is "{0}"; the docs want E.164: a plus, the country code and the number without spaces, e.g. +628123456789. The API likely refuses other forms.',
          mobile,
        ),
      ),
    ];
  },
});

function metadataWarnings(metadata: Record<string, string> | null | undefined, path: JsonPath, code: string, problem: ProblemMaker): Problem[] {
  if (!metadata) return [];
  const where = pathPhrase(path);
  const keys = Object.keys(metadata);
  const found: Problem[] = [];
  // Past the request schema's own limits the model reports an error; the warning covers the span between.
  if (keys.length > METADATA_ERROR_DOC_LIMITS.maxKeys && keys.length <= METADATA_LIMITS.maxKeys) {
    const says = phrase(
      '{0} has {1} keys; the error docs ({2}) allow {3} and the request schema allows more, so the sources conflict. Keep to {3} to be safe.',
      where,
      keys.length,
      code,
      METADATA_ERROR_DOC_LIMITS.maxKeys,
    );
    found.push(problem('warning', code, path, says));
  }
  for (const key of keys) {
    const value = metadata[key];
    if (typeof value === 'string' && value.length > METADATA_ERROR_DOC_LIMITS.maxValueLength && value.length <= METADATA_LIMITS.maxValueLength) {
      const says = phrase(
        '{0} has {1} characters; the error docs ({2}) allow {3} and the request schema allows more, so the sources conflict. Shorten it to be safe.',
        pathPhrase([...path, key]),
        value.length,
        code,
        METADATA_ERROR_DOC_LIMITS.maxValueLength,
      );
      found.push(problem('warning', code, [...path, key], says));
    }
  }
  return found;
}

export const metadataErrorDocLimits = defineRule({
  name: 'metadata-error-doc-limits',
  summary: 'metadata keeps to the error docs\' lower limits (20 keys, values of 80 characters), a warning',
  reads: [['metadata'], ['items', '*', 'metadata']],
  anchor: 'value',
  coveredByJsonSchema: false,
  check(request, _context, problem) {
    return [
      ...metadataWarnings(request.metadata, ['metadata'], 'INVALID_METADATA', problem),
      ...itemsOf(request).flatMap((item, index) => metadataWarnings(item.metadata, ['items', index, 'metadata'], 'INVALID_ITEM_METADATA', problem)),
    ];
  },
});
