import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Agent } from 'undici';
import { SessionsClient, type SessionsResult } from '../../../src/sessions/client';
import { SESSION_REQUEST_EXAMPLES } from '../../../src/sessions/examples';
import { USER_AGENT } from '../../../src/sessions/version';
import { sandboxTestKey, startSandbox, type SandboxHandle } from '../../../src/sandbox/sandboxServer';
import { fakeKey } from '../../helpers/fakeKeys';
import { startFaultServer, type FaultServer } from '../../helpers/faultServer';
import { repoRoot } from '../../helpers/repoRoot';
import { minimalPay } from '../../helpers/sessionRequests';

/** Narrows a result to one kind, failing with what it was instead. */
function expectKind<K extends SessionsResult['kind']>(result: SessionsResult, kind: K): Extract<SessionsResult, { kind: K }> {
  assert.equal(result.kind, kind, `expected ${kind}, got ${JSON.stringify(result, null, 2).slice(0, 1500)}`);
  return result as Extract<SessionsResult, { kind: K }>;
}

describe('SessionsClient against the sandbox', () => {
  let sandbox: SandboxHandle;
  let client: SessionsClient;
  const key = sandboxTestKey();
  before(async () => {
    sandbox = await startSandbox();
    client = new SessionsClient({ baseUrl: `${sandbox.baseUrl}/`, secretKey: key });
  });
  after(async () => {
    await client.close();
    await sandbox.close();
  });

  it('exposes the base URL without a trailing slash', () => assert.equal(client.baseUrl, sandbox.baseUrl));

  it('creates a session: status, request id, the body read by the response model, timings, and the request as sent', async () => {
    const body = SESSION_REQUEST_EXAMPLES.find((e) => e.name === 'pay-payment-link')!.body;
    const result = expectKind(await client.createSession(body), 'session');
    assert.equal(result.response.status, 201);
    assert.equal(result.response.statusText, 'Created');
    assert.match(result.response.contentType ?? '', /^application\/json/);
    assert.match(result.response.requestId ?? '', /^[0-9a-f]{24}$/);
    assert.deepEqual(result.response.headers, [['request-id', result.response.requestId]]);
    assert.equal(result.response.rateLimit, undefined);
    assert.match(result.session.payment_session_id, /^ps-[0-9a-f]{24}$/);
    assert.equal(result.session.status, 'ACTIVE');
    assert.equal(result.session.amount, body.amount);
    assert.deepEqual(result.session.items, body.items);
    assert.deepEqual(result.body, result.session, 'the parsed session keeps every field of the body');
    assert.ok(result.timings.ttfbMs !== undefined && result.timings.ttfbMs >= 0 && result.timings.ttfbMs <= result.timings.totalMs);

    assert.equal(result.request.operation, 'create');
    assert.equal(result.request.method, 'POST');
    assert.equal(result.request.url, `${sandbox.baseUrl}/sessions`);
    assert.equal(result.request.body, JSON.stringify(body));
    assert.ok(!Number.isNaN(Date.parse(result.request.sentAt)));
    assert.deepEqual(
      Object.fromEntries(result.request.headers),
      { authorization: 'Basic [redacted]', accept: 'application/json', 'user-agent': USER_AGENT, 'content-type': 'application/json' },
    );
  });

  it('gets a session, cancels it, and is refused a second cancel with 422 INVALID_SESSION_STATUS', async () => {
    const created = expectKind(await client.createSession(minimalPay), 'session');
    const id = created.session.payment_session_id;
    const got = expectKind(await client.getSession(id), 'session');
    assert.equal(got.response.status, 200);
    assert.deepEqual(got.session, created.session);
    assert.equal(got.request.operation, 'get');
    assert.equal(got.request.method, 'GET');
    assert.equal(got.request.body, undefined);

    const canceled = expectKind(await client.cancelSession(id), 'session');
    assert.equal(canceled.response.status, 200);
    assert.equal(canceled.session.status, 'CANCELED');
    assert.equal(canceled.request.url, `${sandbox.baseUrl}/sessions/${id}/cancel`);

    const again = expectKind(await client.cancelSession(id), 'apiError');
    assert.equal(again.response.status, 422);
    assert.equal(again.error.errorCode, 'INVALID_SESSION_STATUS');
    assert.match(again.error.message, /CANCELED/);
    assert.deepEqual(again.error.errors, []);
  });

  it('returns the API error for an invalid request, with each entry’s path and message', async () => {
    const result = expectKind(await client.createSession({ ...minimalPay, items: [{ name: '', net_unit_amount: 1, quantity: 1 }], currency: 'EUR' }), 'apiError');
    assert.equal(result.response.status, 400);
    assert.equal(result.error.errorCode, 'API_VALIDATION_ERROR');
    assert.deepEqual(result.error.errors.map((e) => e.path).sort(), [
      '/body/currency',
      '/body/items/0/category',
      '/body/items/0/name',
      '/body/items/0/reference_id',
      '/body/items/0/type',
    ]);
    for (const e of result.error.errors) assert.ok(e.message.length > 10);
    assert.deepEqual((result.body as { error_code: string }).error_code, 'API_VALIDATION_ERROR');
  });

  it('returns 404 NOT_FOUND for an unknown session, with the id encoded in the path', async () => {
    const result = expectKind(await client.getSession('ps-000000000000000000000000/../x'), 'apiError');
    assert.equal(result.response.status, 404);
    assert.equal(result.error.errorCode, 'NOT_FOUND');
    assert.equal(result.request.url, `${sandbox.baseUrl}/sessions/ps-000000000000000000000000%2F..%2Fx`);
  });

  it('logs one line per request and one per answer', async () => {
    const lines: string[] = [];
    const logging = new SessionsClient({ baseUrl: sandbox.baseUrl, secretKey: key, log: (level, line) => lines.push(`${level} ${line}`) });
    try {
      const created = expectKind(await logging.createSession(minimalPay), 'session');
      await logging.getSession('ps-000000000000000000000000');
      assert.equal(lines.length, 4, lines.join('\n'));
      assert.match(lines[0], new RegExp(`^info → POST ${sandbox.baseUrl}/sessions \\(${JSON.stringify(minimalPay).length} bytes\\)$`));
      assert.match(lines[1], new RegExp(`^info ← 201 Created in \\d+ ms: session ${created.session.payment_session_id} ACTIVE$`));
      assert.match(lines[2], /^info → GET .*\/sessions\/ps-0{24}$/);
      assert.match(lines[3], /^warn ← 404 Not Found in \d+ ms: NOT_FOUND: /);
    } finally {
      await logging.close();
    }
  });

  it('returns 401 INVALID_API_KEY for a live key: the sandbox is test-only', async () => {
    const live = new SessionsClient({ baseUrl: sandbox.baseUrl, secretKey: fakeKey('live') });
    try {
      const result = expectKind(await live.createSession(minimalPay), 'apiError');
      assert.equal(result.response.status, 401);
      assert.equal(result.error.errorCode, 'INVALID_API_KEY');
      assert.match(result.error.message, /test-only/);
    } finally {
      await live.close();
    }
  });
});

describe('SessionsClient against a rate-limited sandbox', () => {
  it('returns 429 RATE_LIMIT_EXCEEDED with the Rate-Limit-* headers read into numbers', async () => {
    const sandbox = await startSandbox({ rateLimit: { perMinute: 2 } });
    const client = new SessionsClient({ baseUrl: sandbox.baseUrl, secretKey: sandboxTestKey() });
    try {
      const first = expectKind(await client.createSession(minimalPay), 'session');
      assert.deepEqual({ ...first.response.rateLimit, resetSeconds: undefined }, { limit: 2, remaining: 1, resetSeconds: undefined });
      expectKind(await client.createSession(minimalPay), 'session');
      const over = expectKind(await client.createSession(minimalPay), 'apiError');
      assert.equal(over.response.status, 429);
      assert.equal(over.error.errorCode, 'RATE_LIMIT_EXCEEDED');
      assert.equal(over.response.rateLimit?.limit, 2);
      assert.equal(over.response.rateLimit?.remaining, 0);
      assert.ok((over.response.rateLimit?.resetSeconds ?? -1) > 0);
      assert.deepEqual(over.response.headers.map(([k]) => k).sort(), ['rate-limit-limit', 'rate-limit-remaining', 'rate-limit-reset', 'request-id']);
    } finally {
      await client.close();
      await sandbox.close();
    }
  });
});

describe('SessionsClient: what it sends', () => {
  let server: FaultServer;
  const key = fakeKey('test');
  before(async () => {
    server = await startFaultServer('session');
  });
  after(() => server.close());

  it('sends Basic auth of "key:", JSON headers and a User-Agent with the extension and its version', async () => {
    const client = new SessionsClient({ baseUrl: server.baseUrl, secretKey: key });
    try {
      await client.createSession(minimalPay);
      const sent = server.requests.at(-1)!;
      assert.equal(sent.method, 'POST');
      assert.equal(sent.url, '/sessions');
      assert.equal(sent.headers.authorization, `Basic ${Buffer.from(`${key}:`).toString('base64')}`);
      assert.equal(sent.headers['content-type'], 'application/json');
      assert.equal(sent.headers.accept, 'application/json');
      const { name, version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };
      assert.equal(sent.headers['user-agent'], `${name}/${version}`);
      assert.deepEqual(JSON.parse(sent.body), minimalPay);
      assert.equal(sent.headers['for-user-id'], undefined);
      assert.equal(sent.headers['with-split-rule'], undefined);
    } finally {
      await client.close();
    }
  });

  it('sends for-user-id on every call and with-split-rule on create only; GET and cancel carry no body', async () => {
    const client = new SessionsClient({ baseUrl: server.baseUrl, secretKey: key, forUserId: '5f9a3b2c1d0e', withSplitRule: 'splitru_123' });
    try {
      const create = expectKind(await client.createSession(minimalPay), 'session');
      await client.getSession('ps-1');
      await client.cancelSession('ps-1');
      const [c, g, x] = server.requests.slice(-3);
      assert.deepEqual([c.headers['for-user-id'], g.headers['for-user-id'], x.headers['for-user-id']], ['5f9a3b2c1d0e', '5f9a3b2c1d0e', '5f9a3b2c1d0e']);
      assert.deepEqual([c.headers['with-split-rule'], g.headers['with-split-rule'], x.headers['with-split-rule']], ['splitru_123', undefined, undefined]);
      assert.deepEqual([g.method, g.url, g.body, g.headers['content-type']], ['GET', '/sessions/ps-1', '', undefined]);
      assert.deepEqual([x.method, x.url, x.body], ['POST', '/sessions/ps-1/cancel', '']);
      assert.deepEqual(
        create.request.headers.filter(([k]) => k === 'for-user-id' || k === 'with-split-rule'),
        [
          ['for-user-id', '5f9a3b2c1d0e'],
          ['with-split-rule', 'splitru_123'],
        ],
      );
    } finally {
      await client.close();
    }
  });

  it('keeps connections alive across calls, and leaves a shared dispatcher open on close', async () => {
    const agent = new Agent({ keepAliveTimeout: 5_000 });
    const client = new SessionsClient({ baseUrl: server.baseUrl, secretKey: key, dispatcher: agent });
    const before = server.requests.length;
    const connectionsBefore = server.connections;
    for (let i = 0; i < 5; i++) expectKind(await client.getSession('ps-1'), 'session');
    // undici opens a second socket for the second request while the first settles, then reuses both.
    assert.ok(server.connections - connectionsBefore <= 2, `${server.connections - connectionsBefore} connections for 5 calls`);
    await client.close();
    expectKind(await new SessionsClient({ baseUrl: server.baseUrl, secretKey: key, dispatcher: agent }).getSession('ps-1'), 'session');
    assert.equal(server.requests.length - before, 6);
    assert.equal(agent.closed, false);
    await agent.close();
  });
});
