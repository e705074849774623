// The client's connections through a proxy (undici's ProxyAgent: an HTTPS request goes through a CONNECT tunnel,
// so the proxy sees the host name, never the key), and what to say when the proxy is what failed.
import { STATUS_CODES } from 'node:http';
import { failure, type NetworkFailure } from './networkErrors';
import { phrase } from './phrase';
import type { ProxyChoice } from './proxy';
import { poolClass, proxyAgentClass, type Dispatcher } from './undiciParts';

export interface ConnectionOptions {
  readonly keepAliveTimeout: number;
  readonly connectMs: number;
  readonly headersTimeout: number;
  readonly bodyTimeout: number;
  /** Certificates to trust (replacing Node's own list), for the proxy's TLS and the server's. */
  readonly ca?: readonly string[];
}

export function createProxyDispatcher(proxy: ProxyChoice, o: ConnectionOptions): Dispatcher {
  const ProxyAgent = proxyAgentClass();
  // http.proxyStrictSSL false turns off certificate checks on proxied connections (a proxy that re-signs HTTPS).
  const tlsOptions = { timeout: o.connectMs, ...(o.ca ? { ca: [...o.ca] } : {}), ...(proxy.strictSSL ? {} : { rejectUnauthorized: false }) };
  const Pool = poolClass();
  return new ProxyAgent({
    uri: proxy.url,
    keepAliveTimeout: o.keepAliveTimeout,
    headersTimeout: o.headersTimeout,
    bodyTimeout: o.bodyTimeout,
    proxyTls: tlsOptions,
    requestTls: tlsOptions,
    // The connection to the proxy, which carries each CONNECT: the proxy's answer to it waits no longer than a
    // server's headers would (undici's default is 5 minutes), and a CONNECT the proxy closed or left unanswered
    // ends the request (see TunnelFailed). Other failures (refused, TLS, DNS) pass as they are.
    clientFactory: (origin, options) => {
      const pool = new Pool(origin, { ...options, headersTimeout: o.headersTimeout });
      const connect = pool.connect.bind(pool) as (params: Dispatcher.ConnectOptions) => Promise<Dispatcher.ConnectData>;
      return Object.assign(pool, {
        connect: (params: Dispatcher.ConnectOptions) =>
          connect(params).catch((err: unknown) => {
            throw TUNNEL_FAILURES.has((err as { code?: unknown } | null)?.code as string) ? new TunnelFailed(err) : err;
          }),
      });
    },
  });
}

/** How a CONNECT fails when the proxy closed it without an answer, or never answered it. */
const TUNNEL_FAILURES: ReadonlySet<string> = new Set(['UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ECONNRESET', 'UND_ERR_HEADERS_TIMEOUT']);

/**
 * A CONNECT to the proxy that failed. undici 7 takes a tunnel the proxy closed without answering (a wrong port, an
 * https:// proxy written as http://) for a dropped connection it may open again, and does so at once, without
 * end: tens of thousands of CONNECTs a second, past every timeout and the caller's abort (nodejs/undici#3897,
 * fixed only in undici 8, which needs a newer Node). Thrown instead of undici's error, with it as the cause, it is
 * not one undici retries: the request fails with it.
 */
class TunnelFailed extends Error {
  readonly code = 'XSP_PROXY_TUNNEL_FAILED';
  constructor(cause: unknown) {
    super(`the proxy's tunnel could not be opened: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'TunnelFailed';
  }
}

/** The codes and names along an error's cause chain, and its messages. */
function chainOf(err: unknown): { codes: string[]; messages: string[] } {
  const codes: string[] = [];
  const messages: string[] = [];
  let e: unknown = err;
  for (let depth = 0; e && depth < 5; depth++) {
    const o = e as { code?: unknown; name?: unknown; message?: unknown; cause?: unknown };
    if (typeof o.code === 'string') codes.push(o.code);
    if (typeof o.name === 'string') codes.push(o.name);
    if (typeof o.message === 'string') messages.push(o.message);
    e = o.cause;
  }
  return { codes, messages };
}

/**
 * When the failure is the proxy's (it refused the tunnel, is not listening, cannot be resolved or reached), a
 * message that names the proxy and where it was set; undefined for any other failure. Nothing reached the server
 * in these cases, so a create can be sent again.
 */
export function classifyProxyError(err: unknown, proxy: ProxyChoice, target: string): (NetworkFailure & { readonly kind: 'refused' | 'dns' | 'timeout' }) | undefined {
  const { codes, messages } = chainOf(err);
  const where = phrase('The proxy {0} (set in {1})', proxy.shown, proxy.source);
  const nothingSent = phrase('Nothing reached {0}.', target);
  // undici's ProxyAgent reports a refused tunnel as "Proxy response (407) !== 200 when HTTP Tunneling".
  const refusedWith = messages.map((m) => /Proxy response \((\d{3})\)/.exec(m)?.[1]).find(Boolean);
  if (refusedWith) {
    const status = Number(refusedWith);
    const answered = `${status} ${STATUS_CODES[status] ?? ''}`.trim();
    if (status === 407) {
      return failure(
        'refused',
        phrase('{0} asks for a user name and password ({1}), and did not accept what was sent.', where, answered),
        nothingSent,
        phrase('Put them in {0} as http://user:password@host:port.', proxy.source),
      );
    }
    return failure(
      'refused',
      phrase('{0} refused to connect to {1}: it answered {2}.', where, target, answered),
      nothingSent,
      phrase('Ask whoever runs the proxy to allow {0}, or add the host to NO_PROXY (http.noProxy in VS Code) if it should be reached directly.', target),
    );
  }
  if (codes.includes('ECONNREFUSED')) {
    return failure('refused', phrase('{0} refused the connection: nothing is listening there.', where), nothingSent, phrase('Check {0}, or that the proxy is running.', proxy.source));
  }
  if (codes.some((c) => c === 'ENOTFOUND' || c === 'EAI_AGAIN' || c === 'EAI_NODATA' || c === 'EAI_FAIL')) {
    return failure('dns', phrase('{0} could not be found: its host name does not resolve.', where), nothingSent, phrase('Check {0}, and your network or DNS.', proxy.source));
  }
  if (codes.includes('UND_ERR_CONNECT_TIMEOUT') || codes.includes('ETIMEDOUT')) {
    return failure(
      'timeout',
      phrase('Could not connect to {0} through the proxy {1} (set in {2}) in time. Check your network and {2}.', target, proxy.shown, proxy.source),
    );
  }
  if (codes.includes('XSP_PROXY_TUNNEL_FAILED') && codes.includes('UND_ERR_HEADERS_TIMEOUT')) {
    return failure(
      'timeout',
      phrase('{0} did not answer the request to open a tunnel to {1}.', where, target),
      nothingSent,
      phrase('Check that {0} names an HTTP proxy, and that it is working.', proxy.source),
    );
  }
  if (codes.includes('XSP_PROXY_TUNNEL_FAILED')) {
    return failure(
      'refused',
      phrase('{0} closed the connection when asked to open a tunnel to {1}, without an answer.', where, target),
      nothingSent,
      phrase("Check the proxy's port in {0}, and whether it should start with http:// or https://.", proxy.source),
    );
  }
  return undefined;
}
