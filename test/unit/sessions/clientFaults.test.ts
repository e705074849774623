import * as assert from 'node:assert/strict';
import { Agent } from 'undici';
import { classifyNetworkError, SessionsClient, type SessionsClientOptions, type SessionsResult } from '../../../src/sessions/client';
import { fakeKey } from '../../helpers/fakeKeys';
import { closedPort, startFaultServer, type Fault, type FaultServer } from '../../helpers/faultServer';
import { minimalPay } from '../../helpers/sessionRequests';

function expectKind<K extends SessionsResult['kind']>(result: SessionsResult, kind: K): Extract<SessionsResult, { kind: K }> {
  assert.equal(result.kind, kind, `expected ${kind}, got ${JSON.stringify(result, null, 2).slice(0, 1500)}`);
  return result as Extract<SessionsResult, { kind: K }>;
}

describe('SessionsClient against a misbehaving server', () => {
  let server: FaultServer;
  const clients: SessionsClient[] = [];
  const key = fakeKey('test');
  before(async () => {
    server = await startFaultServer();
  });
  after(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await server.close();
  });

  function clientFor(options: Partial<SessionsClientOptions> = {}): SessionsClient {
    const client = new SessionsClient({ baseUrl: server.baseUrl, secretKey: key, ...options });
    clients.push(client);
    return client;
  }

  /** POSTs once with the server in `fault`, and checks that the server saw exactly one POST for it. */
  async function createWith(fault: Fault, options: Partial<SessionsClientOptions> = {}, signal?: AbortSignal): Promise<SessionsResult> {
    server.fault = fault;
    const before = server.count('POST', '/sessions');
    const client = clientFor(options);
    const result = await client.createSession(minimalPay, signal);
    await client.close();
    assert.equal(server.count('POST', '/sessions') - before, 1, 'the POST was sent exactly once');
    return result;
  }

  it('connection refused: kind refused, saying nothing listens there', async () => {
    const client = new SessionsClient({ baseUrl: `http://127.0.0.1:${await closedPort()}`, secretKey: key });
    clients.push(client);
    const result = expectKind(await client.createSession(minimalPay), 'networkError');
    assert.equal(result.error.kind, 'refused');
    assert.match(result.error.message, /refused the connection: nothing is listening there\. Check the base URL/);
    assert.equal(result.timings.ttfbMs, undefined);
    assert.equal(result.request.method, 'POST');
  });

  it('reset mid-body: kind reset, says the POST may have arrived, no second POST', async () => {
    const result = expectKind(await createWith('resetMidBody'), 'networkError');
    assert.equal(result.error.kind, 'reset');
    assert.match(result.error.message, /closed in the middle of the answer/);
    assert.match(result.error.message, /may have reached Xendit.*never retried automatically/);
    assert.ok(result.timings.ttfbMs !== undefined, 'the headers had arrived');
  });

  it('no headers in time: kind timeout after the headers timeout, no second POST', async () => {
    const result = expectKind(await createWith('silent', { timeouts: { headersMs: 150 } }), 'networkError');
    assert.equal(result.error.kind, 'timeout');
    assert.match(result.error.message, /did not start answering within 0\.2 s/);
    assert.match(result.error.message, /may have reached Xendit/);
  });

  it('a slow drip past the body timeout: kind timeout, naming the pause', async () => {
    // undici checks body timeouts on a coarse clock (about a second), so the drip pauses well past it.
    server.dripEveryMs = 1_500;
    const result = expectKind(await createWith('slowDrip', { timeouts: { bodyMs: 100 } }), 'networkError');
    assert.equal(result.error.kind, 'timeout');
    assert.match(result.error.message, /started answering, then sent nothing for over 0\.1 s/);
  });

  it('a drip that never ends within the total timeout: kind timeout, naming the total', async () => {
    server.dripEveryMs = 20;
    const result = expectKind(await createWith('slowDrip', { timeouts: { totalMs: 400 } }), 'networkError');
    assert.equal(result.error.kind, 'timeout');
    assert.match(result.error.message, /started answering but did not finish within 0\.4 s/);
  });

  it("a proxy's HTML 502: unexpectedResponse with status, content type and the first bytes", async () => {
    const result = expectKind(await createWith('html502'), 'unexpectedResponse');
    assert.equal(result.response.status, 502);
    assert.equal(result.response.statusText, 'Bad Gateway');
    assert.equal(result.response.contentType, 'text/html');
    assert.match(result.firstBytes, /^<html><head><title>502 Bad Gateway<\/title>/);
    assert.match(result.reason, /answered 502 with "text\/html" instead of JSON \(often a proxy or load balancer error page\)/);
    assert.equal(result.body, undefined);
  });

  it('truncated JSON: unexpectedResponse saying so', async () => {
    const result = expectKind(await createWith('truncatedJson'), 'unexpectedResponse');
    assert.equal(result.response.status, 200);
    assert.match(result.reason, /JSON body is truncated or malformed \(60 characters received\)/);
    assert.equal(result.firstBytes.length, 60);
  });

  it('JSON that is not a session: unexpectedResponse naming what is off, with the body', async () => {
    const result = expectKind(await createWith('offModel'), 'unexpectedResponse');
    assert.match(result.reason, /does not look like a session: payment_session_id: /);
    assert.deepEqual(result.body, { id: 'inv-1', kind: 'invoice' });
  });

  it('429 with Rate-Limit-Reset: apiError RATE_LIMIT_EXCEEDED with the limits as numbers, no retry', async () => {
    const result = expectKind(await createWith('rateLimited'), 'apiError');
    assert.equal(result.response.status, 429);
    assert.equal(result.error.errorCode, 'RATE_LIMIT_EXCEEDED');
    assert.deepEqual(result.response.rateLimit, { limit: 60, remaining: 0, resetSeconds: 12.5 });
    assert.deepEqual(
      result.response.headers.filter(([k]) => k.startsWith('rate-limit-')),
      [
        ['rate-limit-limit', '60'],
        ['rate-limit-remaining', '0'],
        ['rate-limit-reset', '12.5'],
      ],
    );
  });

  it('a body over the default 10 MB cap: cut off with a clear reason and the first bytes', async () => {
    const result = expectKind(await createWith('oversize'), 'unexpectedResponse');
    assert.equal(result.response.status, 200);
    assert.match(result.reason, /larger than 10 MB, so it was cut off/);
    assert.equal(result.firstBytes.length, 2048);
    assert.ok(result.firstBytes.startsWith('{"payment_session_id":"xxxx'));
  });

  it('a body over a configured cap', async () => {
    const result = expectKind(await createWith('oversize', { maxBodyBytes: 64 * 1024 }), 'unexpectedResponse');
    assert.match(result.reason, /larger than 64 KB/);
  });

  it("the caller's abort while waiting: kind aborted, the POST sent once", async () => {
    server.fault = 'silent';
    const before = server.count('POST', '/sessions');
    const client = clientFor();
    const controller = new AbortController();
    const pending = client.createSession(minimalPay, controller.signal);
    await server.nextRequest();
    controller.abort();
    const result = expectKind(await pending, 'networkError');
    assert.equal(result.error.kind, 'aborted');
    assert.match(result.error.message, /cancelled before .* answered\. The request may have reached Xendit/);
    assert.equal(server.count('POST', '/sessions') - before, 1);
  });

  it('an abort before sending sends nothing', async () => {
    server.fault = 'session';
    const before = server.requests.length;
    const result = expectKind(await clientFor().createSession(minimalPay, AbortSignal.abort()), 'networkError');
    assert.equal(result.error.kind, 'aborted');
    assert.equal(server.requests.length, before);
  });

  it('https to a plain-HTTP port: kind tls, suggesting the scheme', async () => {
    const result = expectKind(await clientFor({ baseUrl: server.baseUrl.replace('http:', 'https:') }).getSession('ps-1'), 'networkError');
    assert.equal(result.error.kind, 'tls');
    assert.match(result.error.message, /TLS\) connection to 127\.0\.0\.1:\d+ failed \(ERR_SSL_WRONG_VERSION_NUMBER\)\. Check that the base URL's scheme/);
  });

  it('a host name that does not resolve: kind dns', async () => {
    // The resolver is replaced, so nothing leaves the machine.
    const agent = new Agent({
      connect: { lookup: (hostname: string, _options: unknown, callback: (err: Error) => void) => callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' })) },
    } as ConstructorParameters<typeof Agent>[0]);
    try {
      const result = expectKind(await clientFor({ baseUrl: 'http://api.sandbox.invalid', dispatcher: agent }).getSession('ps-1'), 'networkError');
      assert.equal(result.error.kind, 'dns');
      assert.match(result.error.message, /api\.sandbox\.invalid could not be resolved\. Check the base URL/);
    } finally {
      await agent.close();
    }
  });

  it('a base URL that is not a URL: kind other, with what undici said', async () => {
    const result = expectKind(await clientFor({ baseUrl: 'not a url' }).getSession('ps-1'), 'networkError');
    assert.equal(result.error.kind, 'other');
    assert.match(result.error.message, /^The request to not a url\/sessions\/ps-1 failed: /);
  });
});

describe('classifyNetworkError', () => {
  const ctx = { callerAborted: false, method: 'GET', host: 'api.xendit.co' };
  const err = (code: string) => Object.assign(new Error(code), { code });

  for (const [code, kind] of [
    ['ENOTFOUND', 'dns'],
    ['EAI_AGAIN', 'dns'],
    ['CERT_HAS_EXPIRED', 'tls'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'tls'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'tls'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls'],
    ['ECONNREFUSED', 'refused'],
    ['ECONNRESET', 'reset'],
    ['UND_ERR_SOCKET', 'reset'],
    ['UND_ERR_CONNECT_TIMEOUT', 'timeout'],
    ['UND_ERR_HEADERS_TIMEOUT', 'timeout'],
    ['UND_ERR_BODY_TIMEOUT', 'timeout'],
  ] as const) {
    it(`${code} is ${kind}`, () => assert.equal(classifyNetworkError(err(code), ctx).kind, kind));
  }

  it('finds the code along the cause chain, as undici wraps it', () => {
    const wrapped = Object.assign(new TypeError('fetch failed'), { cause: err('ECONNREFUSED') });
    assert.equal(classifyNetworkError(wrapped, ctx).kind, 'refused');
  });

  it("calls it aborted when the caller's signal fired, whatever the error", () => {
    assert.equal(classifyNetworkError(err('ECONNRESET'), { ...ctx, callerAborted: true }).kind, 'aborted');
  });

  it('adds the "may have reached Xendit" note to a POST only', () => {
    assert.doesNotMatch(classifyNetworkError(err('ECONNRESET'), ctx).message, /may have reached/);
    assert.match(classifyNetworkError(err('ECONNRESET'), { ...ctx, method: 'POST' }).message, /may have reached Xendit/);
  });

  it('names the configured timeout in seconds', () => {
    assert.match(classifyNetworkError(err('UND_ERR_HEADERS_TIMEOUT'), { ...ctx, timeouts: { headersMs: 12_000 } }).message, /within 12 s/);
    assert.match(classifyNetworkError(err('UND_ERR_CONNECT_TIMEOUT'), ctx).message, /connect to api\.xendit\.co within 10 s/);
  });

  it('keeps an unknown failure as other, with its message', () => {
    const result = classifyNetworkError(new Error('something odd.'), ctx);
    assert.deepEqual({ kind: result.kind, message: result.message }, { kind: 'other', message: 'The request to api.xendit.co failed: something odd.' });
  });
});
