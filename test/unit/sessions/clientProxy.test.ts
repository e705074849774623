// The client through a real CONNECT proxy on 127.0.0.1 to a TLS server with a certificate made for the test, in
// front of a fault server: the host name (api.xendit.test) resolves nowhere, so only the proxy can reach it.
import * as assert from 'node:assert/strict';
import { chooseProxy, type ProxyChoice } from '../../../src/sessions/proxy';
import { SessionsClient, type SessionsResult } from '../../../src/sessions/client';
import { startConnectProxy, type ConnectProxy } from '../../helpers/connectProxy';
import { fakeKey } from '../../helpers/fakeKeys';
import { closedPort, startFaultServer, type FaultServer } from '../../helpers/faultServer';
import { minimalPay } from '../../helpers/sessionRequests';
import { startTlsFront, type TlsFront } from '../../helpers/tlsFront';

const HOST = 'api.xendit.test';
const BASE_URL = `https://${HOST}`;

function proxyChoice(url: string, source = 'HTTPS_PROXY'): ProxyChoice {
  const decision = chooseProxy(BASE_URL, { env: { [source]: url } });
  assert.ok(decision.ok && decision.proxy, 'a proxy is chosen');
  return decision.proxy;
}

describe('SessionsClient through a CONNECT proxy', () => {
  let api: FaultServer;
  let front: TlsFront;
  const proxies: ConnectProxy[] = [];
  const clients: SessionsClient[] = [];
  const key = fakeKey('test');

  before(async () => {
    api = await startFaultServer('session');
    front = await startTlsFront(Number(new URL(api.baseUrl).port), [HOST]);
  });
  after(async () => {
    // The proxies first: a cancelled send still waits in undici for its tunnel, which holds its client's close.
    await Promise.all(proxies.map((p) => p.close()));
    await Promise.all(clients.map((c) => c.close()));
    await front.close();
    await api.close();
  });

  async function proxy(options: Omit<Parameters<typeof startConnectProxy>[0], 'hosts'> = {}): Promise<ConnectProxy> {
    const p = await startConnectProxy({ hosts: { [HOST]: front.port }, ...options });
    proxies.push(p);
    return p;
  }

  function send(choice: ProxyChoice | undefined, log?: string[], options: { headersMs?: number; signal?: AbortSignal } = {}): Promise<SessionsResult> {
    const timeouts = options.headersMs === undefined ? undefined : { headersMs: options.headersMs };
    const client = new SessionsClient({ baseUrl: BASE_URL, secretKey: key, proxy: choice, ca: [front.ca], timeouts, log: log && ((level, line) => log.push(`${level} ${line}`)) });
    clients.push(client);
    return client.createSession(minimalPay, options.signal);
  }

  /** `pending`, or a failure once `ms` have passed: a send that hangs fails the test instead of stalling it. */
  function within<T>(pending: Promise<T>, ms: number, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms / 1000} s`)), ms)));
    return Promise.race([pending, late]).finally(() => clearTimeout(timer));
  }

  it('reaches the API through the tunnel: the proxy sees the host, never the key', async () => {
    const p = await proxy();
    const log: string[] = [];
    const result = await send(proxyChoice(p.url), log);
    assert.equal(result.kind, 'session', JSON.stringify(result).slice(0, 800));
    assert.deepEqual(p.connects.map((c) => c.target), [`${HOST}:443`]);
    assert.ok(!p.connects.some((c) => c.head.includes(key) || c.head.includes(Buffer.from(`${key}:`).toString('base64'))));
    assert.equal(front.serverNames.at(-1), HOST, 'TLS to the API itself, through the tunnel');
    assert.match(api.requests.at(-1)?.headers.authorization ?? '', /^Basic /, 'the key arrived at the API');
    assert.match(log.join('\n'), new RegExp(`POST ${BASE_URL}/sessions .* via proxy ${p.url.replace(/[.]/g, '\\.')}`));
  });

  it('without the proxy the host is unreachable (the test would pass for nothing otherwise)', async () => {
    const result = await send(undefined);
    assert.equal(result.kind, 'networkError');
  });

  it('sends the credentials in the proxy URL as Proxy-Authorization, and never logs them', async () => {
    // Key-like, but without the Base64 `+` and `/`, which a URL's password would have to escape.
    const password = `pw-${fakeKey('test').slice(-12).replace(/[+/]/g, 'x')}`;
    const p = await proxy({ credentials: `carol:${password}` });
    const log: string[] = [];
    const result = await send(proxyChoice(`http://carol:${encodeURIComponent(password)}@127.0.0.1:${p.port}`), log);
    assert.equal(result.kind, 'session', JSON.stringify(result).slice(0, 800));
    assert.equal(p.connects[0].proxyAuthorization, `Basic ${Buffer.from(`carol:${password}`).toString('base64')}`);
    const shown = JSON.stringify([log, result]);
    assert.ok(!shown.includes(password) && !shown.includes(Buffer.from(`carol:${password}`).toString('base64')), shown.slice(0, 500));
  });

  it('a proxy that refuses the tunnel: a message naming the proxy and where it was set, not the key', async () => {
    const p = await proxy({ refuseWith: 403 });
    // Key-like, but without the Base64 `+` and `/`, which a URL's password would have to escape.
    const password = `pw-${fakeKey('test').slice(-12).replace(/[+/]/g, 'x')}`;
    const log: string[] = [];
    const result = await send(proxyChoice(`http://dave:${password}@127.0.0.1:${p.port}`), log);
    assert.equal(result.kind, 'networkError');
    if (result.kind !== 'networkError') return;
    assert.equal(result.error.kind, 'refused');
    assert.equal(
      result.error.message,
      `The proxy http://127.0.0.1:${p.port} (set in HTTPS_PROXY) refused to connect to ${HOST}: it answered 403 Forbidden. Nothing reached ${HOST}. Ask whoever runs the proxy to allow ${HOST}, or add the host to NO_PROXY (http.noProxy in VS Code) if it should be reached directly.`,
    );
    const shown = JSON.stringify([log, result]);
    assert.ok(!shown.includes(key) && !shown.includes(password), 'neither the key nor the proxy password is shown');
  });

  it('a proxy that wants credentials it did not get: 407, saying where to put them', async () => {
    const p = await proxy({ credentials: 'erin:right-password' });
    const result = await send(proxyChoice(p.url, 'HTTP_PROXY'));
    assert.ok(result.kind === 'networkError');
    assert.match(result.error.message, new RegExp(`^The proxy http://127\\.0\\.0\\.1:${p.port} \\(set in HTTP_PROXY\\) asks for a user name and password \\(407 Proxy Authentication Required\\)`));
    assert.match(result.error.message, /Put them in HTTP_PROXY as http:\/\/user:password@host:port\./);
  });

  it('a user name that is a common word stays readable in the message; the password does not', async () => {
    // Only the password (or a user name given alone, a token then) is the secret: "proxy" as the user name must
    // not turn every "proxy" of the message into [redacted].
    const password = `pw-${fakeKey('test').slice(-12).replace(/[+/]/g, 'x')}`;
    const p = await proxy({ credentials: 'proxy:the-right-one' });
    const result = await send(proxyChoice(`http://proxy:${password}@127.0.0.1:${p.port}`, 'HTTP_PROXY'));
    assert.ok(result.kind === 'networkError');
    assert.match(result.error.message, new RegExp(`^The proxy http://127\\.0\\.0\\.1:${p.port} \\(set in HTTP_PROXY\\) `), result.error.message);
    assert.ok(!JSON.stringify(result).includes(password), 'the proxy password is shown');
  });

  it('a user name given without a password is the credential, and is never shown', async () => {
    const token = `tok${fakeKey('test').slice(-16).replace(/[+/]/g, 'x')}`;
    const decision = chooseProxy(BASE_URL, { env: { HTTPS_PROXY: `http://${token}@127.0.0.1:3128` } });
    assert.ok(decision.ok && decision.proxy);
    assert.ok(decision.proxy.secrets.includes(token));
  });

  it('a proxy that closes the connection on CONNECT: one try, and a message naming the proxy', async () => {
    // undici 7 alone opens tunnel after tunnel without end here, past every timeout.
    const p = await proxy({ unanswered: 'close' });
    const result = await within(send(proxyChoice(p.url), undefined, { headersMs: 30_000 }), 10_000, 'a send through a proxy that closes');
    assert.ok(result.kind === 'networkError');
    assert.equal(result.error.kind, 'refused');
    assert.equal(
      result.error.message,
      `The proxy http://127.0.0.1:${p.port} (set in HTTPS_PROXY) closed the connection when asked to open a tunnel to ${HOST}, without an answer. Nothing reached ${HOST}. Check the proxy's port in HTTPS_PROXY, and whether it should start with http:// or https://.`,
    );
    assert.equal(p.connects.length, 1, `the client asked for ${p.connects.length} tunnels`);
  });

  it('a proxy that never answers the CONNECT: a timeout naming the proxy, after the headers timeout', async () => {
    const p = await proxy({ unanswered: 'silent' });
    const result = await within(send(proxyChoice(p.url), undefined, { headersMs: 300 }), 10_000, 'a send through a silent proxy');
    assert.ok(result.kind === 'networkError');
    assert.equal(result.error.kind, 'timeout');
    assert.match(result.error.message, new RegExp(`^The proxy http://127\\.0\\.0\\.1:${p.port} \\(set in HTTPS_PROXY\\) did not answer the request to open a tunnel to ${HOST}\\.`));
    assert.equal(p.connects.length, 1);
  });

  it('an https proxy whose certificate does not fit: a TLS error, not a tunnel the proxy closed', async () => {
    // The TLS front's certificate names only the API's host, so the handshake with it as a proxy at 127.0.0.1 fails.
    const result = await within(send(proxyChoice(`https://127.0.0.1:${front.port}`)), 10_000, 'a send through a proxy with a wrong certificate');
    assert.ok(result.kind === 'networkError');
    assert.equal(result.error.kind, 'tls', result.error.message);
  });

  it('Cancel while the proxy has not answered the CONNECT ends the send at once', async () => {
    const p = await proxy({ unanswered: 'silent' });
    const cancel = new AbortController();
    const sending = send(proxyChoice(p.url), undefined, { headersMs: 60_000, signal: cancel.signal });
    while (p.connects.length === 0) await new Promise((resolve) => setImmediate(resolve));
    cancel.abort();
    const result = await within(sending, 10_000, 'a cancelled send');
    assert.ok(result.kind === 'networkError');
    assert.equal(result.error.kind, 'aborted');
  });

  it('a proxy that is not running: refused, naming the proxy rather than the API', async () => {
    const port = await closedPort();
    const result = await send(proxyChoice(`http://127.0.0.1:${port}`));
    assert.ok(result.kind === 'networkError');
    assert.equal(result.error.kind, 'refused');
    assert.match(result.error.message, new RegExp(`^The proxy http://127\\.0\\.0\\.1:${port} \\(set in HTTPS_PROXY\\) refused the connection: nothing is listening there\\. Nothing reached ${HOST}\\.`));
  });
});
