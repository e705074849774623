import * as assert from 'node:assert/strict';
import { SESSION_REQUEST_EXAMPLES } from '../../../src/sessions/examples';
import { resolvePlaceholders } from '../../../src/sessions/resolveRequest';
import { Session } from '../../../src/sessions/schema';
import { sandboxTestKey, startSandbox, type SandboxOptions } from '../../../src/sandbox/sandboxServer';
import { fakeKey } from '../../helpers/fakeKeys';
import { HttpCaller, type CallResult } from '../../helpers/httpCall';
import { customerId, minimalPay, minimalSubscription } from '../../helpers/sessionRequests';
import { startWebhookReceiver, type WebhookReceiver } from '../../helpers/webhookReceiver';

const START = new Date('2030-01-01T00:00:00Z');

/** A sandbox on a free port with a clock the test moves, and a caller for it. */
async function open(options: SandboxOptions = {}) {
  let now = START.getTime();
  const logs: string[] = [];
  const sandbox = await startSandbox({ now: () => new Date(now), log: (line) => logs.push(line), ...options });
  const http = new HttpCaller(sandbox.baseUrl);
  return {
    sandbox,
    http,
    logs,
    advanceMinutes(minutes: number) {
      now += minutes * 60_000;
    },
    async close() {
      await http.close();
      await sandbox.close();
    },
  };
}

type Opened = Awaited<ReturnType<typeof open>>;

/**
 * Runs `test` against a sandbox of its own and closes everything after. With `webhooks`, a receiver is started
 * and wired in, answering the given statuses first.
 */
async function withSandbox(
  options: SandboxOptions & { webhooks?: number[] },
  test: (t: Opened & { hooks: WebhookReceiver; key: string }) => Promise<void>,
): Promise<void> {
  const { webhooks, ...sandboxOptions } = options;
  const hooks = await startWebhookReceiver();
  hooks.failFirst(webhooks ?? []);
  const t = await open(webhooks ? { webhookUrl: hooks.url, ...sandboxOptions } : sandboxOptions);
  try {
    await test({ ...t, hooks, key: sandboxTestKey() });
  } finally {
    await t.close();
    await hooks.close();
  }
}

function assertApiError(res: CallResult, status: number, errorCode: string): void {
  assert.equal(res.status, status, res.text);
  assert.match(String(res.headers['content-type']), /^application\/json/);
  assert.equal(res.json.error_code, errorCode, res.text);
  assert.equal(typeof res.json.message, 'string');
  assert.ok(res.json.message.length > 10, res.json.message);
}

/** The checkout form's action, resolved against the page's URL as a browser would. */
function formAction(pageUrl: string, html: string, action: 'pay' | 'cancel'): string {
  const match = new RegExp(`<form method="post" action="([^"]*/${action})"`).exec(html);
  assert.ok(match, `the checkout page has no ${action} form`);
  return new URL(match[1], pageUrl).href;
}

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
      assert.match(subscription.recurring_plan_id, /^repl-/);
      assert.deepEqual(subscription.subscription, minimalSubscription.subscription);
    });

    it('refuses an expires_at less than 10 minutes ahead of its clock', async () => {
      const res = await t.http.call('POST', '/sessions', { key, body: { ...minimalPay, expires_at: new Date(START.getTime() + 5 * 60_000).toISOString() } });
      assertApiError(res, 400, 'INVALID_EXPIRY_DATE');
      assert.equal(res.json.errors[0].path, '/body/expires_at');
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
      assert.match(again.json.message, /CANCELED/);
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

describe('sandbox: the hosted checkout page', () => {
  let t: Opened;
  let hooks: WebhookReceiver;
  const key = sandboxTestKey();
  before(async () => {
    hooks = await startWebhookReceiver();
    t = await open({ webhookUrl: hooks.url, callbackToken: 'token-for-tests' });
  });
  after(async () => {
    await t.close();
    await hooks.close();
  });

  it('shows the amount, currency, description and items; paying completes a PAY session and links back', async () => {
    const body = { ...SESSION_REQUEST_EXAMPLES.find((e) => e.name === 'pay-payment-link')!.body, reference_id: 'order-pay-1' };
    const created = (await t.http.call('POST', '/sessions', { key, body })).json;
    const page = await t.http.call('GET', created.payment_link_url);
    assert.equal(page.status, 200);
    assert.match(String(page.headers['content-type']), /^text\/html/);
    assert.match(String(page.headers['content-security-policy']), /default-src 'none'/);
    assert.ok(page.text.includes('IDR 150,000'), 'amount and currency');
    assert.ok(page.text.includes(body.description!), 'description');
    for (const item of body.items!) assert.ok(page.text.includes(item.name), item.name);
    assert.equal(/<script/i.test(page.text), false, 'the page needs no script');

    const paid = await t.http.call('POST', formAction(created.payment_link_url, page.text, 'pay'), { rawBody: '', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(paid.status, 303);
    const after = await t.http.call('GET', new URL(String(paid.headers.location), formAction(created.payment_link_url, page.text, 'pay')).href);
    assert.match(after.text, /COMPLETED/);
    assert.ok(after.text.includes(`href="${body.success_return_url}"`), 'links to success_return_url');

    const got = (await t.http.call('GET', `/sessions/${created.payment_session_id}`, { key })).json;
    assert.equal(got.status, 'COMPLETED');
    assert.match(got.payment_request_id, /^pr-/);
    assert.equal('payment_token_id' in got, false, 'no token: the key is left out, as the live API does');
    assert.ok(Date.parse(got.updated) >= Date.parse(got.created));

    const hook = await hooks.delivered('payment_session.completed');
    assert.equal(hook.headers['x-callback-token'], 'token-for-tests');
    assert.equal(hook.headers['content-type'], 'application/json');
    assert.deepEqual(Object.keys(hook.body).sort(), ['business_id', 'created', 'data', 'event']);
    assert.equal(hook.body.business_id, created.business_id);
    assert.equal(hook.body.data.payment_session_id, created.payment_session_id);
    assert.equal(hook.body.data.status, 'COMPLETED');
  });

  it('gives a SAVE session a payment_token_id when completed', async () => {
    const body = SESSION_REQUEST_EXAMPLES.find((e) => e.name === 'payment-link-save')!.body;
    const created = (await t.http.call('POST', '/sessions', { key, body })).json;
    const page = await t.http.call('GET', created.payment_link_url);
    assert.match(page.text, /Save payment details/);
    await t.http.call('POST', formAction(created.payment_link_url, page.text, 'pay'), { rawBody: '' });
    const got = (await t.http.call('GET', `/sessions/${created.payment_session_id}`, { key })).json;
    assert.equal(got.status, 'COMPLETED');
    assert.match(got.payment_token_id, /^ptkn-/);
    assert.equal('payment_request_id' in got, false);
  });

  it("lets the customer cancel, then links to cancel_return_url; a paid or cancelled session has no buttons", async () => {
    const created = (await t.http.call('POST', '/sessions', { key, body: { ...minimalPay, cancel_return_url: 'https://shop.example/cancelled' } })).json;
    const page = await t.http.call('GET', created.payment_link_url);
    await t.http.call('POST', formAction(created.payment_link_url, page.text, 'cancel'), { rawBody: '' });
    assert.equal((await t.http.call('GET', `/sessions/${created.payment_session_id}`, { key })).json.status, 'CANCELED');
    const after = await t.http.call('GET', created.payment_link_url);
    assert.match(after.text, /cancelled/);
    assert.ok(after.text.includes('href="https://shop.example/cancelled"'));
    assert.equal(after.text.includes('<form'), false);
    // Paying a cancelled session changes nothing.
    await t.http.call('POST', `${created.payment_link_url}/pay`, { rawBody: '' });
    assert.equal((await t.http.call('GET', `/sessions/${created.payment_session_id}`, { key })).json.status, 'CANCELED');
  });

  it('escapes every value from the request', async () => {
    const evil = '<script>alert(1)</script>"\'&';
    const created = (await t.http.call('POST', '/sessions', { key, body: { ...minimalPay, reference_id: 'evil<b>', description: evil, items: [{ reference_id: 'e-1', type: 'PHYSICAL_PRODUCT', category: 'c', name: evil, net_unit_amount: 10000, quantity: 1 }] } })).json;
    const page = await t.http.call('GET', created.payment_link_url);
    assert.equal(page.status, 200);
    assert.equal(page.text.includes('<script>'), false);
    assert.equal(page.text.includes('evil<b>'), false);
    assert.ok(page.text.includes('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;'));
  });

  it('answers an unknown session with a 404 page', async () => {
    const res = await t.http.call('GET', '/checkout/ps-000000000000000000000000');
    assert.equal(res.status, 404);
    assert.match(String(res.headers['content-type']), /^text\/html/);
  });
});

describe('sandbox: expiry', () => {
  it('expires a session when expires_at passes: GET shows EXPIRED, cancel is refused, the webhook fires', async () => {
    await withSandbox({ webhooks: [], callbackToken: 'expiry-token' }, async (t) => {
      const { key, hooks } = t;
      const created = (await t.http.call('POST', '/sessions', { key, body: minimalPay })).json;
      t.advanceMinutes(29);
      assert.equal((await t.http.call('GET', `/sessions/${created.payment_session_id}`, { key })).json.status, 'ACTIVE');
      t.advanceMinutes(2);
      const got = (await t.http.call('GET', `/sessions/${created.payment_session_id}`, { key })).json;
      assert.equal(got.status, 'EXPIRED');
      assertApiError(await t.http.call('POST', `/sessions/${created.payment_session_id}/cancel`, { key }), 422, 'INVALID_SESSION_STATUS');
      const page = await t.http.call('GET', created.payment_link_url);
      assert.match(page.text, /expired/);
      const hook = await hooks.delivered('payment_session.expired');
      assert.equal(hook.headers['x-callback-token'], 'expiry-token');
      assert.equal(hook.body.data.status, 'EXPIRED');
      assert.equal(hook.body.data.payment_session_id, created.payment_session_id);
    });
  });

  it('expires sessions on its own timer, without any request', async () => {
    await withSandbox({ webhooks: [], expiryCheckMs: 20 }, async (t) => {
      const { key, hooks } = t;
      const created = (await t.http.call('POST', '/sessions', { key, body: { ...minimalPay, expires_at: '2030-01-01T00:15:00Z' } })).json;
      t.advanceMinutes(16);
      const hook = await hooks.delivered('payment_session.expired');
      assert.equal(hook.body.data.payment_session_id, created.payment_session_id);
    });
  });
});

describe('sandbox: webhook delivery', () => {
  it('retries a failed delivery with back-off and logs each attempt', async () => {
    await withSandbox({ webhooks: [500, 503], callbackToken: 'retry-token', webhookRetryDelaysMs: [5, 5, 5, 5, 5, 5] }, async (t) => {
      const { key, hooks } = t;
      const created = (await t.http.call('POST', '/sessions', { key, body: minimalPay })).json;
      const page = await t.http.call('GET', created.payment_link_url);
      await t.http.call('POST', formAction(created.payment_link_url, page.text, 'pay'), { rawBody: '' });
      await hooks.delivered('payment_session.completed');
      await t.sandbox.webhooksSettled();
      assert.deepEqual(
        hooks.deliveries.map((d) => d.answered),
        [500, 503, 200],
      );
      for (const d of hooks.deliveries) assert.equal(d.headers['x-callback-token'], 'retry-token');
      const lines = t.logs.filter((l) => l.startsWith('webhook payment_session.completed'));
      assert.equal(lines.length, 3, lines.join('\n'));
      assert.match(lines[0], /HTTP 500 \(attempt 1 of 7\)/);
      assert.match(lines[2], /delivered \(attempt 3/);
    });
  });

  it('gives up after the last attempt, and says so', async () => {
    await withSandbox({ webhooks: [500, 500], webhookRetryDelaysMs: [1] }, async (t) => {
      const { key, hooks } = t;
      const created = (await t.http.call('POST', '/sessions', { key, body: minimalPay })).json;
      await t.http.call('POST', `${created.payment_link_url}/pay`, { rawBody: '' });
      await t.sandbox.webhooksSettled();
      assert.equal(hooks.deliveries.length, 2);
      assert.ok(t.logs.some((l) => /gave up after 2 attempts/.test(l)), t.logs.join('\n'));
    });
  });
});

describe('sandbox: test-mode rate limiting', () => {
  it('is off unless asked for', async () => {
    await withSandbox({}, async (t) => {
      const { key } = t;
      const res = await t.http.call('GET', '/sessions/ps-000000000000000000000000', { key });
      assert.equal(res.headers['rate-limit-limit'], undefined);
    });
  });

  it('counts requests per endpoint and key, answers 429 RATE_LIMIT_EXCEEDED with Rate-Limit-* headers, and resets after a minute', async () => {
    await withSandbox({ rateLimit: { perMinute: 3 } }, async (t) => {
      const { key } = t;
      const created: CallResult[] = [];
      for (let i = 0; i < 3; i++) created.push(await t.http.call('POST', '/sessions', { key, body: minimalPay }));
      assert.deepEqual(
        created.map((r) => [r.status, r.headers['rate-limit-remaining']]),
        [
          [201, '2'],
          [201, '1'],
          [201, '0'],
        ],
      );
      const over = await t.http.call('POST', '/sessions', { key, body: minimalPay });
      assertApiError(over, 429, 'RATE_LIMIT_EXCEEDED');
      assert.equal(over.headers['rate-limit-limit'], '3');
      assert.equal(over.headers['rate-limit-remaining'], '0');
      assert.equal(Number(over.headers['rate-limit-reset']), 60);
      // Another endpoint and another key have their own windows.
      assert.equal((await t.http.call('GET', `/sessions/${created[0].json.payment_session_id}`, { key })).status, 200);
      assert.equal((await t.http.call('POST', '/sessions', { key: sandboxTestKey(), body: minimalPay })).status, 201);
      t.advanceMinutes(0.5);
      assert.equal(Number((await t.http.call('POST', '/sessions', { key, body: minimalPay })).headers['rate-limit-reset']), 30);
      t.advanceMinutes(0.5);
      assert.equal((await t.http.call('POST', '/sessions', { key, body: minimalPay })).status, 201);
    });
  });

  it('uses 60 a minute when asked with rateLimit: true', async () => {
    await withSandbox({ rateLimit: true }, async (t) => {
      const res = await t.http.call('GET', '/sessions/ps-000000000000000000000000', { key: t.key });
      assert.equal(res.headers['rate-limit-limit'], '60');
      assert.equal(res.headers['rate-limit-remaining'], '59');
    });
  });
});

describe('sandboxTestKey', () => {
  it('makes a fresh test key each time', () => {
    const a = sandboxTestKey();
    assert.match(a, /^xnd_development_[A-Za-z0-9]{32}$/);
    assert.notEqual(a, sandboxTestKey());
  });

  it('is accepted by the sandbox, with a customer_id from the examples', async () => {
    await withSandbox({}, async (t) => {
      const res = await t.http.call('POST', '/sessions', { key: t.key, body: { ...minimalPay, session_type: 'SAVE', amount: 0, customer_id: customerId } });
      assert.equal(res.status, 201, res.text);
      assert.equal(res.json.customer_id, customerId);
    });
  });
});

