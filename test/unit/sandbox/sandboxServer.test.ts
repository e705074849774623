// The sandbox's Sessions API on 127.0.0.1: create, authentication, get and cancel, its log, and request size.
import * as assert from 'node:assert/strict';
import { SESSION_REQUEST_EXAMPLES } from '../../../src/sessions/examples';
import { resolvePlaceholders } from '../../../src/sessions/resolveRequest';
import { Session } from '../../../src/sessions/schema';
import { sandboxTestKey } from '../../../src/sandbox/sandboxServer';
import { fakeKey } from '../../helpers/fakeKeys';
import { customerId, minimalPay, minimalSubscription } from '../../helpers/sessionRequests';
import { assertApiError, open, START, withSandbox, type Opened } from './sandboxHarness';

describe('sandbox: the Sessions API on 127.0.0.1', () => {
  let t: Opened;
  const key = sandboxTestKey();
  before(async () => {
    t = await open();
  });
  after(() => t.close());

  it('listens on 127.0.0.1 on a free port', () => {
    assert.match(t.sandbox.baseUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.ok(t.sandbox.port > 0);
  });

  describe('POST /sessions', () => {
    // The docs' own examples go through the sandbox in the corpus test (test/unit/realWorld.test.ts).
    // Sent as the extension and the CLI send them: their placeholders (fresh reference ids, dates) resolved.
    const examples = SESSION_REQUEST_EXAMPLES.map((e) => ({
      name: `examples/${e.name}`,
      body: resolvePlaceholders(e.body, { now: START, env: () => undefined, dotenv: () => undefined }).value,
    }));

    for (const example of examples) {
      it(`creates a complete session from ${example.name}`, async () => {
        const res = await t.http.call('POST', '/sessions', { key, body: example.body });
        assert.equal(res.status, 201, res.text);
        const s = res.json;
        assert.match(s.payment_session_id, /^ps-[0-9a-f]{24}$/);
        assert.equal(s.payment_session_id.length, 27);
        assert.equal(s.status, 'ACTIVE');
        assert.equal(s.created, s.updated);
        assert.equal(Date.parse(s.created), START.getTime());
        const request = example.body as Record<string, unknown>;
        if (request.expires_at === undefined) assert.equal(Date.parse(s.expires_at) - START.getTime(), 30 * 60_000);
        for (const field of ['reference_id', 'session_type', 'currency', 'amount', 'country', 'mode', 'description', 'success_return_url', 'cancel_return_url', 'items', 'metadata', 'customer_id']) {
          if (request[field] !== undefined) assert.deepEqual(s[field], request[field], field);
        }
        assert.match(s.business_id, /^[0-9a-f]{24}$/);
        assert.equal(s.payment_link_url, `${t.sandbox.baseUrl}/checkout/${s.payment_session_id}`);
        assert.equal(res.headers['request-id'] !== undefined, true);
        assert.equal(Session.safeParse(s).success, true, 'the response fits the response model');
      });
    }

    it('creates a new session from a response body sent back as a request: what the API sets is not echoed', async () => {
      const first = await t.http.call('POST', '/sessions', { key, body: minimalPay });
      assert.equal(first.status, 201, first.text);
      const old = first.json;
      // A saved answer reused as a request (Open in editor, saved as *.session.json), with a new reference id and a
      // wrongly typed field the API alone sets.
      const body = { ...old, reference_id: `${old.reference_id}-again`, payment_token_id: 5, payment_request_id: 'pr-not-mine' };
      const res = await t.http.call('POST', '/sessions', { key, body });
      assert.equal(res.status, 201, res.text);
      const s = res.json;
      assert.match(s.payment_session_id, /^ps-[0-9a-f]{24}$/);
      assert.notEqual(s.payment_session_id, old.payment_session_id);
      assert.equal(s.payment_link_url, `${t.sandbox.baseUrl}/checkout/${s.payment_session_id}`);
      assert.equal(s.status, 'ACTIVE');
      assert.equal(s.payment_token_id, undefined);
      assert.equal(s.payment_request_id, undefined);
      assert.equal(Session.safeParse(s).success, true, 'the response fits the response model');
      const got = await t.http.call('GET', `/sessions/${s.payment_session_id}`, { key });
      assert.equal(got.status, 200, got.text);
      assert.equal(got.json.reference_id, body.reference_id);
      // Its events can be built: expiring it works and the old session is untouched.
      const expired = t.sandbox.trigger(s.payment_session_id, 'expire');
      assert.equal(expired.ok && expired.event, 'payment_session.expired');
      assert.equal((await t.http.call('GET', `/sessions/${old.payment_session_id}`, { key })).json.status, 'ACTIVE');
    });

    it('gives each key the same business_id every time, and different keys different ones', async () => {
      const other = sandboxTestKey();
      const a1 = await t.http.call('POST', '/sessions', { key, body: minimalPay });
      const a2 = await t.http.call('POST', '/sessions', { key, body: minimalPay });
      const b = await t.http.call('POST', '/sessions', { key: other, body: minimalPay });
      assert.equal(a1.json.business_id, a2.json.business_id);
      assert.notEqual(a1.json.business_id, b.json.business_id);
    });

    it('answers 400 API_VALIDATION_ERROR with the path and message of each problem', async () => {
      const { reference_id: _dropped, ...noReference } = minimalPay;
      const res = await t.http.call('POST', '/sessions', { key, body: { ...noReference, items: [{ net_unit_amount: 10000, quantity: 1 }] } });
      assertApiError(res, 400, 'API_VALIDATION_ERROR');
      // JSON pointers into the request, as the live API writes them.
      const paths = (res.json.errors as { path: string; message: string }[]).map((e) => e.path).sort();
      assert.deepEqual(paths, ['/body/items/0/category', '/body/items/0/name', '/body/items/0/reference_id', '/body/items/0/type', '/body/reference_id']);
      for (const e of res.json.errors) assert.ok(e.message.length > 10, e.message);
    });

    it("uses a rule's own error code when every error has it (MISSING_CUSTOMER)", async () => {
      const res = await t.http.call('POST', '/sessions', { key, body: { ...minimalPay, session_type: 'SAVE', amount: 0 } });
      assertApiError(res, 400, 'MISSING_CUSTOMER');
      assert.equal(res.json.errors.length, 1);
      assert.equal(res.json.message, res.json.errors[0].message);
    });

    it('uses the field code for one bad field (INVALID_CURRENCY) and API_VALIDATION_ERROR for a mix', async () => {
      const currency = await t.http.call('POST', '/sessions', { key, body: { ...minimalPay, currency: 'EUR' } });
      assertApiError(currency, 400, 'INVALID_CURRENCY');
      assert.equal(currency.json.errors[0].path, '/body/currency');
      const mixed = await t.http.call('POST', '/sessions', { key, body: { ...minimalPay, currency: 'EUR', country: 'FR' } });
      assertApiError(mixed, 400, 'API_VALIDATION_ERROR');
      assert.deepEqual(mixed.json.errors.map((e: { path: string }) => e.path).sort(), ['/body/country', '/body/currency']);
    });

    it('accepts a request with warnings only (an empty items list on a SAVE session)', async () => {
      const res = await t.http.call('POST', '/sessions', { key, body: { ...minimalPay, session_type: 'SAVE', amount: 0, customer_id: customerId, items: [] } });
      assert.equal(res.status, 201, res.text);
    });

    it('answers what the newest docs say the API answers, with their codes and /body paths', async () => {
      const item = { reference_id: 'sku-1', type: 'PHYSICAL_PRODUCT', name: 'Shirt', category: 'CLOTHES', net_unit_amount: 50000, quantity: 1 };
      const cases: [Record<string, unknown>, string, string][] = [
        [{ ...minimalPay, amount: 0 }, 'INVALID_AMOUNT', '/body/amount'],
        [{ ...minimalPay, session_type: 'AUTHORIZATION' }, 'SESSION_TYPE_NOT_SUPPORTED', '/body/session_type'],
        [{ ...minimalSubscription, items: [item] }, 'ITEMS_NOT_SUPPORTED', '/body/items'],
        [{ ...minimalPay, items: [{ ...item, reference_id: undefined }] }, 'API_VALIDATION_ERROR', '/body/items/0/reference_id'],
        [{ ...minimalPay, customer: { type: 'BUSINESS', reference_id: 'c-1', individual_detail: { given_names: 'A' } } }, 'API_VALIDATION_ERROR', '/body/customer/type'],
        [{ ...minimalPay, customer: { type: 'INDIVIDUAL', reference_id: 'c-1' } }, 'API_VALIDATION_ERROR', '/body/customer/individual_detail'],
        [{ ...minimalPay, internal_metadata: { a: 'b' } }, 'API_VALIDATION_ERROR', '/body/internal_metadata'],
        [{ ...minimalPay, mode: 'COMPONENTS' }, 'API_VALIDATION_ERROR', '/body/mode'],
        [{ ...minimalSubscription, capture_method: 'MANUAL' }, 'DISALLOWED_CAPTURE_METHOD', '/body/capture_method'],
        [
          { ...minimalSubscription, subscription: { schedule: { ...minimalSubscription.subscription.schedule, failed_cycle_action: 'STOP' } } },
          'API_VALIDATION_ERROR',
          '/body/subscription/schedule/failed_cycle_action',
        ],
        // The older page's mode name is not in the newest public enum.
        [{ ...minimalPay, mode: 'COMPONENT', origins: ['https://shop.example'] }, 'MODE_NOT_SUPPORTED', '/body/mode'],
        // The Subscriptions API retries after days only.
        [
          { ...minimalSubscription, subscription: { schedule: { ...minimalSubscription.subscription.schedule, retry_interval: 'WEEK' } } },
          'API_VALIDATION_ERROR',
          '/body/subscription/schedule/retry_interval',
        ],
      ];
      for (const [body, code, path] of cases) {
        const res = await t.http.call('POST', '/sessions', { key, body });
        assertApiError(res, 400, code);
        assert.deepEqual(res.json.errors.map((e: { path: string }) => e.path), [path], JSON.stringify(body));
      }
    });

    it('shapes its answer like the 2026 live responses: absent keys left out, never null, allowed channels echoed only when sent', async () => {
      const plain = (await t.http.call('POST', '/sessions', { key, body: minimalPay })).json as Record<string, unknown>;
      assert.deepEqual(Object.entries(plain).filter(([, value]) => value === null), []);
      for (const absent of ['items', 'metadata', 'allowed_payment_channels', 'payment_token_id', 'payment_request_id', 'customer_id', 'channel_properties']) {
        assert.equal(absent in plain, false, absent);
      }
      const withChannels = (await t.http.call('POST', '/sessions', { key, body: { ...minimalPay, allowed_payment_channels: ['QRIS', 'OVO'], items: null, metadata: null } })).json;
      assert.deepEqual(withChannels.allowed_payment_channels, ['QRIS', 'OVO']);
      assert.equal('items' in withChannels || 'metadata' in withChannels, false, 'a null the request sent is not echoed as null');
      const subscription = (await t.http.call('POST', '/sessions', { key, body: minimalSubscription })).json;
      assert.match(subscription.recurring_plan_id, /^repl_[0-9a-f-]{36}$/);
      assert.deepEqual(subscription.subscription, minimalSubscription.subscription);
    });

    it('echoes only the fields the API defines, and reads allowed_payment_channels only at the top level', async () => {
      const typo = await t.http.call('POST', '/sessions', { key, body: { ...minimalPay, custmer_id: customerId, shipping_note: 'leave at door' } });
      assert.equal(typo.status, 201, typo.text);
      assert.equal('custmer_id' in typo.json || 'shipping_note' in typo.json, false, 'a key the API does not define is not echoed');
      assert.equal(typo.json.reference_id, minimalPay.reference_id);
      // The older page's place for the list: the newest docs give payment_link_configuration primary_payment_channels
      // alone, so the list there restricts nothing. A primary channel outside it is no error, and the answer does
      // not claim the list took effect.
      const nested = { ...minimalPay, payment_link_configuration: { allowed_payment_channels: ['OVO'], primary_payment_channels: ['DANA'] } };
      const res = await t.http.call('POST', '/sessions', { key, body: nested });
      assert.equal(res.status, 201, res.text);
      assert.equal('allowed_payment_channels' in res.json, false);
      assert.deepEqual(res.json.payment_link_configuration, nested.payment_link_configuration);
      const topLevel = await t.http.call('POST', '/sessions', { key, body: { ...minimalPay, allowed_payment_channels: ['OVO'], payment_link_configuration: { primary_payment_channels: ['DANA'] } } });
      assertApiError(topLevel, 400, 'INVALID_PRIMARY_PAYMENT_CHANNEL');
    });

    it('refuses an expires_at less than 10 minutes ahead of its clock', async () => {
      const res = await t.http.call('POST', '/sessions', { key, body: { ...minimalPay, expires_at: new Date(START.getTime() + 5 * 60_000).toISOString() } });
      assertApiError(res, 400, 'INVALID_EXPIRY_DATE');
      assert.equal(res.json.errors[0].path, '/body/expires_at');
    });

    it('refuses a payment channel it does not know with INVALID_PAYMENT_CHANNEL, as the API does', async () => {
      const res = await t.http.call('POST', '/sessions', { key, body: { ...minimalPay, allowed_payment_channels: ['QRIS', 'NOT_A_CHANNEL'] } });
      assertApiError(res, 400, 'INVALID_PAYMENT_CHANNEL');
      assert.equal(res.json.errors[0].path, '/body/allowed_payment_channels/1');
    });

    it('answers malformed JSON and a body that is not an object with 400 and a clear message', async () => {
      const broken = await t.http.call('POST', '/sessions', { key, rawBody: '{"reference_id": "x",', headers: { 'content-type': 'application/json' } });
      assertApiError(broken, 400, 'API_VALIDATION_ERROR');
      assert.match(broken.json.message, /not valid JSON/);
      const array = await t.http.call('POST', '/sessions', { key, body: [minimalPay] });
      assertApiError(array, 400, 'API_VALIDATION_ERROR');
      assert.equal(array.json.errors[0].path, '/body', 'a problem with the whole body points at the body');
    });
  });

  describe('authentication', () => {
    for (const [name, authorization] of [
      ['no Authorization header', undefined],
      ['a Bearer token', `Bearer ${Buffer.from(`${sandboxTestKey()}:`).toString('base64')}`],
      ['Basic with something that is not Base64', 'Basic !!!not-base64!!!'],
      ['Basic with an empty user name', `Basic ${Buffer.from(':').toString('base64')}`],
    ] as const) {
      it(`answers 401 INVALID_API_KEY for ${name}`, async () => {
        const res = await t.http.call('POST', '/sessions', { body: minimalPay, ...(authorization ? { authorization } : {}) });
        assertApiError(res, 401, 'INVALID_API_KEY');
      });
    }

    it('refuses a live key with 401 and says the sandbox is test-only', async () => {
      const res = await t.http.call('POST', '/sessions', { key: fakeKey('live'), body: minimalPay });
      assertApiError(res, 401, 'INVALID_API_KEY');
      assert.match(res.json.message, /test-only/);
    });

    it('refuses a public key with 401: it cannot create sessions', async () => {
      const res = await t.http.call('POST', '/sessions', { key: fakeKey('public'), body: minimalPay });
      assertApiError(res, 401, 'INVALID_API_KEY');
      assert.match(res.json.message, /[Pp]ublic key/);
    });

    it("scopes sessions to the key that created them: another key cannot read or cancel one", async () => {
      const created = await t.http.call('POST', '/sessions', { key, body: minimalPay });
      const id = created.json.payment_session_id;
      const other = sandboxTestKey();
      assertApiError(await t.http.call('GET', `/sessions/${id}`, { key: other }), 404, 'NOT_FOUND');
      assertApiError(await t.http.call('POST', `/sessions/${id}/cancel`, { key: other }), 404, 'NOT_FOUND');
      assert.equal((await t.http.call('GET', `/sessions/${id}`, { key })).json.status, 'ACTIVE');
    });
  });

  describe('GET /sessions/:id and POST /sessions/:id/cancel', () => {
    it('returns the session, 404 NOT_FOUND for an unknown or malformed id', async () => {
      const created = await t.http.call('POST', '/sessions', { key, body: minimalPay });
      const got = await t.http.call('GET', `/sessions/${created.json.payment_session_id}`, { key });
      assert.equal(got.status, 200);
      assert.deepEqual(got.json, created.json);
      assertApiError(await t.http.call('GET', '/sessions/ps-000000000000000000000000', { key }), 404, 'NOT_FOUND');
      assertApiError(await t.http.call('GET', '/sessions/%E0%A4%A', { key }), 404, 'NOT_FOUND');
    });

    it('cancels an ACTIVE session, then answers 422 INVALID_SESSION_STATUS to a second cancel', async () => {
      const created = await t.http.call('POST', '/sessions', { key, body: minimalPay });
      const id = created.json.payment_session_id;
      const canceled = await t.http.call('POST', `/sessions/${id}/cancel`, { key });
      assert.equal(canceled.status, 200, canceled.text);
      assert.equal(canceled.json.status, 'CANCELED');
      const again = await t.http.call('POST', `/sessions/${id}/cancel`, { key });
      assertApiError(again, 422, 'INVALID_SESSION_STATUS');
      assert.equal(again.json.message, 'Session status is CANCELED, expecting ACTIVE');
      assert.equal((await t.http.call('GET', `/sessions/${id}`, { key })).json.status, 'CANCELED');
    });

    it('answers a route the API does not have with 404 NOT_FOUND', async () => {
      assertApiError(await t.http.call('GET', '/sessions', { key }), 404, 'NOT_FOUND');
      assertApiError(await t.http.call('GET', '/v2/invoices', { key }), 404, 'NOT_FOUND');
    });
  });

  // A describe of its own runs after the others, so the log has every call above in it.
  describe('its log', () => {
    it('never has the key in it', () => {
      assert.ok(t.logs.length > 10, t.logs.join('\n'));
    const joined = t.logs.join('\n');
    assert.equal(joined.includes(key), false);
      assert.equal(joined.includes(Buffer.from(`${key}:`).toString('base64')), false);
    });
  });
});

describe('sandbox: request size', () => {
  it('answers a body over the cap with 413 and a clear message, then keeps serving', async () => {
    await withSandbox({ maxRequestBytes: 4096 }, async (t) => {
      const { key } = t;
      const big = { ...minimalPay, description: 'x'.repeat(900), items: Array.from({ length: 80 }, (_, i) => ({ reference_id: `sku-${i}`, type: 'PHYSICAL_PRODUCT', category: 'c', name: `item ${i}`, net_unit_amount: 250, quantity: 1 })) };
      const res = await t.http.call('POST', '/sessions', { key, body: big });
      assertApiError(res, 413, 'API_VALIDATION_ERROR');
      assert.match(res.json.message, /larger than the sandbox accepts \(4 KB\)/);
      assert.equal((await t.http.call('POST', '/sessions', { key, body: minimalPay })).status, 201);
    });
  });
});
