import * as assert from 'node:assert/strict';
import type { Problem } from '../../../src/sessions/problem';
import { closest, validateSessionRequest } from '../../../src/sessions/validate';
import { minimalPay as pay, testNow as now } from '../../helpers/sessionRequests';
import { englishOnly } from '../../helpers/inEnglish';
const item = { reference_id: 'sku-1', type: 'PHYSICAL_PRODUCT', name: 'Shirt', category: 'CLOTHES', net_unit_amount: 5000, quantity: 2 };

function problemsOf(value: unknown, options = {}): Problem[] {
  return validateSessionRequest(value, { now, ...options }).problems;
}

function only(value: unknown): Problem {
  const problems = problemsOf(value);
  assert.equal(problems.length, 1, JSON.stringify(problems, null, 2));
  return problems[0] as Problem;
}

describe('validateSessionRequest', () => {
  it('accepts a valid request and returns it typed, with no problems', () => {
    const result = validateSessionRequest({ ...pay, items: [item] }, { now });
    assert.deepEqual(result, { ok: true, request: { ...pay, items: [item] }, problems: [] });
  });

  it('says a request is a JSON object when given an array, a string or null', () => {
    for (const [value, kind] of [
      [[], 'an array'],
      ['{}', 'a string'],
      [null, 'null'],
    ] as const) {
      const result = validateSessionRequest(value, { now });
      assert.equal(result.ok, false);
      assert.equal(result.request, undefined);
      assert.equal(result.problems.length, 1);
      assert.deepEqual(result.problems[0]?.path, []);
      assert.match(result.problems[0]?.message ?? '', new RegExp(`A session request is a JSON object .* but this is ${kind}\\.`));
    }
  });

  it('names a missing field, what it is for and what to add', () => {
    const { reference_id: _removed, ...request } = pay;
    const problem = only(request);
    assert.deepEqual(problem.path, ['reference_id']);
    assert.equal(
      problem.message,
      'reference_id is required (a reference that identifies the session in your system, 1 to 64 characters). Add it: a string (in double quotes).',
    );
    assert.equal(problem.source, 'schema');
    assert.equal(problem.code, 'API_VALIDATION_ERROR');
  });

  it('lists the allowed values of a missing enum field', () => {
    const { currency: _removed, ...request } = pay;
    assert.match(only(request).message, /^currency is required \(ISO 4217 .*\)\. Add it: one of IDR, PHP, VND, THB, SGD, MYR or USD\.$/);
  });

  it('maps fields to the API\'s error codes', () => {
    const cases: [Record<string, unknown>, string, (string | number)[]][] = [
      [{ currency: 'EUR' }, 'INVALID_CURRENCY', ['currency']],
      [{ country: 'US' }, 'INVALID_COUNTRY', ['country']],
      [{ customer_id: 'cust-123' }, 'INVALID_CUSTOMER_ID', ['customer_id']],
      [{ amount: -1 }, 'INVALID_AMOUNT', ['amount']],
      [{ expires_at: 'tomorrow' }, 'INVALID_EXPIRY_DATE', ['expires_at']],
      [{ success_return_url: 'yourcompany.com/ok' }, 'INVALID_URL', ['success_return_url']],
      [{ items: [{ ...item, image_url: 'img.png' }] }, 'INVALID_URL', ['items', 0, 'image_url']],
      [{ metadata: { key: 1 } }, 'INVALID_METADATA', ['metadata', 'key']],
      [{ items: [{ ...item, metadata: { key: 'v'.repeat(501) } }] }, 'INVALID_ITEM_METADATA', ['items', 0, 'metadata', 'key']],
      [{ allowed_payment_channels: [''] }, 'INVALID_PAYMENT_CHANNEL', ['allowed_payment_channels', 0]],
      [{ mode: 'IFRAME' }, 'MODE_NOT_SUPPORTED', ['mode']],
      [{ session_type: 'AUTHORIZATION' }, 'SESSION_TYPE_NOT_SUPPORTED', ['session_type']],
      [{ components_configuration: { origins: ['shop.example'] } }, 'API_VALIDATION_ERROR', ['components_configuration', 'origins', 0]],
      [{ internal_metadata: { a: 'b' } }, 'API_VALIDATION_ERROR', ['internal_metadata']],
    ];
    for (const [patch, code, path] of cases) {
      const problem = only({ ...pay, ...patch });
      assert.deepEqual([problem.code, problem.path], [code, path], JSON.stringify(patch));
      assert.equal(problem.severity, 'error');
    }
  });

  it('says what was expected and what was found', () => {
    assert.equal(
      only({ ...pay, currency: 'EUR' }).message,
      'currency must be one of IDR, PHP, VND, THB, SGD, MYR or USD; it is "EUR".',
    );
    assert.equal(only({ ...pay, reference_id: 'r'.repeat(65) }).message, 'reference_id must be at most 64 characters long; it has 65. Shorten it.');
    assert.equal(only({ ...pay, amount: -1 }).message, 'amount must be at least 0; it is -1.');
    assert.equal(only({ ...pay, items: [{ ...item, quantity: 1.5 }] }).message, 'items[0].quantity must be a whole number; it is 1.5.');
    assert.equal(
      only({ ...pay, customer_id: 'cust-123' }).message,
      'customer_id must be cust- followed by a UUID (41 characters), e.g. cust-b98d6f63-d240-44ec-9bd5-aa42954c4f48; it is "cust-123".',
    );
    assert.equal(
      only({ ...pay, metadata: { ['k'.repeat(41)]: 'v' } }).message,
      `metadata key "${'k'.repeat(41)}" is 41 characters long, but keys may have at most 40 characters. Shorten the key.`,
    );
    const tooMany = Object.fromEntries(Array.from({ length: 51 }, (_, index) => [`key${index}`, 'v']));
    assert.equal(only({ ...pay, metadata: tooMany }).message, 'metadata can have at most 50 keys; it has 51. Remove the extra entries.');
    assert.equal(
      only({ ...pay, session_type: 'AUTHORIZATION' }).message,
      'session_type AUTHORIZATION is not supported (the API answers SESSION_TYPE_NOT_SUPPORTED): manual capture is session_type PAY with capture_method MANUAL.',
    );
    assert.equal(
      only({ ...pay, internal_metadata: {} }).message,
      'internal_metadata is not allowed (the API answers API_VALIDATION_ERROR): it is Xendit\'s own. Put your data in metadata instead.',
    );
  });

  it('offers a fix only when the intended value is certain', () => {
    assert.deepEqual(englishOnly(only({ ...pay, currency: 'idr' }).fix), { title: 'Use "IDR"', kind: 'set', path: ['currency'], value: 'IDR' });
    assert.deepEqual(englishOnly(only({ ...pay, mode: 'payment-link' }).fix), { title: 'Use "PAYMENT_LINK"', kind: 'set', path: ['mode'], value: 'PAYMENT_LINK' });
    assert.deepEqual(englishOnly(only({ ...pay, amount: '10000' }).fix), { title: 'Use the number 10000', kind: 'unquote', path: ['amount'] });
    assert.deepEqual(englishOnly(only({ ...pay, reference_id: 12 }).fix), { title: 'Put it in double quotes', kind: 'quote', path: ['reference_id'] });
    // A string JavaScript reads as a number but JSON does not write as one gets no guess.
    assert.equal(only({ ...pay, amount: '0x10' }).fix, undefined);
    assert.equal(only({ ...pay, amount: '1e999' }).fix, undefined);
    assert.equal(only({ ...pay, currency: 'EUR' }).fix, undefined);
    assert.equal(only({ ...pay, amount: 'ten' }).fix, undefined);
    assert.deepEqual(englishOnly(only({ ...pay, session_type: 'AUTHORIZATION' }).fix), {
      title: 'Use session_type PAY with capture_method MANUAL',
      kind: 'edits',
      path: ['session_type'],
      edits: [
        { kind: 'set', path: ['session_type'], value: 'PAY' },
        { kind: 'set', path: ['capture_method'], value: 'MANUAL' },
      ],
    });
    assert.deepEqual(englishOnly(only({ ...pay, internal_metadata: {} }).fix), { title: 'Remove internal_metadata', kind: 'remove', path: ['internal_metadata'] });
  });

  it('reports one problem per field even when zod finds two', () => {
    assert.equal(problemsOf({ ...pay, customer_id: 'cust-1' }).length, 1);
  });

  it('warns about unknown keys, suggesting the field they misspell, without failing the request', () => {
    const { amount, ...withoutAmount } = pay;
    const result = validateSessionRequest({ ...withoutAmount, ammount: amount, items: [{ ...item, sku: 'A-1' }] }, { now });
    const unknown = result.problems.filter((problem) => problem.severity === 'warning');
    assert.deepEqual(
      unknown.map((problem) => [problem.path, problem.message]),
      [
        [['items', 0, 'sku'], '"sku" in items[0] is not in the API reference. The API may ignore or refuse it: check it is meant for the API.'],
        [['ammount'], '"ammount" in the request is not in the API reference. Did you mean "amount"?'],
      ],
    );
    assert.equal(result.ok, false, 'amount is still missing');

    const typoOnly = validateSessionRequest({ ...pay, descripton: 'x' }, { now });
    assert.equal(typoOnly.ok, true);
    assert.deepEqual(typoOnly.request, { ...pay, descripton: 'x' });
    assert.match(typoOnly.problems[0]?.message ?? '', /Did you mean "description"\?/);
  });

  it('lets unknown keys through where the API is open (channel_properties), and warns about them elsewhere', () => {
    assert.deepEqual(problemsOf({ ...pay, channel_properties: { mid_label: 'X', cards: { cvn_required: true } } }), []);
    const customer = { type: 'INDIVIDUAL', reference_id: 'c-1', individual_detail: { given_names: 'Ani' }, phone: '1' };
    const warned = problemsOf({ ...pay, customer, subscription_plan: 'gold' });
    assert.deepEqual(
      warned.map((problem) => [problem.severity, problem.path.join('.')]),
      [
        ['warning', 'customer.phone'],
        ['warning', 'subscription_plan'],
      ],
    );
  });

  it('runs the rules on a partly valid request, so every problem shows at once', () => {
    const problems = problemsOf({ ...pay, session_type: 'SAVE', amount: 5, currency: 'EUR' });
    assert.deepEqual(
      problems.map((problem) => problem.source),
      ['schema', 'rule:customer-required', 'rule:save-amount-zero'],
    );
  });

  it('skips a rule only where the model found a problem in what the rule reads', () => {
    const brokenAmount = problemsOf({ ...pay, session_type: 'SAVE', amount: '5' });
    assert.deepEqual(brokenAmount.map((problem) => problem.source), ['schema', 'rule:customer-required']);

    const badUrl = problemsOf({ ...pay, amount: 1, items: [{ ...item, url: 'nope' }] });
    assert.deepEqual(badUrl.map((problem) => problem.source), ['schema', 'rule:items-total-matches-amount']);

    const missingQuantity = problemsOf({ ...pay, amount: 1, items: [{ ...item, quantity: undefined, net_unit_amount: 5 }] });
    assert.deepEqual(missingQuantity.map((problem) => problem.source), ['schema']);

    const badCustomer = problemsOf({ ...pay, session_type: 'SAVE', amount: 0, customer: { type: 'ROBOT', reference_id: 'c', individual_detail: { given_names: 'A' } } });
    assert.deepEqual(badCustomer.map((problem) => problem.source), ['schema'], 'a customer is there, even if broken');
  });

  it('returns the request when only rules fail, so callers can still show it; ok says whether to send', () => {
    const result = validateSessionRequest({ ...pay, session_type: 'SAVE' }, { now });
    assert.equal(result.ok, false);
    assert.equal(result.request?.session_type, 'SAVE');
    assert.equal(validateSessionRequest({ ...pay, currency: 'EUR' }, { now }).request, undefined);
  });

  it('is ok with warnings only', () => {
    const result = validateSessionRequest({ ...pay, amount: 0, session_type: 'SAVE', customer_id: 'cust-e2878b4c-d57e-4a2c-922d-c0313c2800a3', items: [] }, { now });
    assert.equal(result.ok, true);
    assert.deepEqual(result.problems.map((problem) => problem.severity), ['warning']);
  });

  it('compares expires_at with the injected time, and with the clock by default', () => {
    const request = { ...pay, expires_at: '2030-01-01T01:00:00Z' };
    assert.equal(validateSessionRequest(request, { now }).ok, true);
    assert.equal(validateSessionRequest(request).ok, Date.now() < Date.parse('2030-01-01T01:00:00Z'));
  });

  it('skipSchemaCovered leaves out what the JSON schema reports, keeps the rest, and keeps ok honest', () => {
    const request = { ...pay, session_type: 'SAVE', amount: 5, currency: 'EUR', typo: 1, success_return_url: 'http://shop.example/ok' };
    const all = validateSessionRequest(request, { now });
    const sources = all.problems.map((problem) => problem.source);
    assert.deepEqual(sources, ['schema', 'schema', 'rule:customer-required', 'rule:save-amount-zero', 'rule:https-return-urls']);
    // The JSON schema leaves objects open, so the unknown key ("typo") is the extension's to report.
    const skipped = validateSessionRequest(request, { now, skipSchemaCovered: true });
    assert.deepEqual(
      skipped.problems.map((problem) => [problem.source, problem.path.join('.')]),
      [
        ['schema', 'typo'],
        ['rule:customer-required', 'session_type'],
      ],
    );
    assert.equal(skipped.ok, false);
    assert.equal(validateSessionRequest({ ...pay, currency: 'EUR' }, { now, skipSchemaCovered: true }).ok, false);
  });
});

describe('closest', () => {
  it('suggests a near spelling and nothing for a distant word', () => {
    assert.equal(closest('ammount', ['amount', 'country']), 'amount');
    assert.equal(closest('CURENCY', ['currency']), 'currency');
    assert.equal(closest('zzz', ['amount', 'country']), undefined);
    assert.equal(closest('mod', ['mode']), 'mode');
  });
});
