// What went wrong when no usable answer came: undici's and Node's errors turned into a kind and a message that
// says what happened. The advice that names a setting or a flag is each surface's to add (by kind).
import { errors as undiciErrors } from './undiciParts';

export type NetworkErrorKind = 'timeout' | 'refused' | 'reset' | 'dns' | 'tls' | 'aborted' | 'other';

/** The client's timeouts when the caller sets none (see SessionsClientOptions.timeouts). */
export const DEFAULT_TIMEOUTS = { connectMs: 10_000, headersMs: 30_000, bodyMs: 30_000, totalMs: 60_000 } as const;

export type Timeouts = { readonly [K in keyof typeof DEFAULT_TIMEOUTS]?: number | undefined };

/** Keeps an explicit `undefined` in the caller's timeouts from overriding a default. */
export function definedOnly<T extends object>(value: T | undefined): Partial<T> {
  return value ? (Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>) : {};
}

/** The whole exchange took longer than its total timeout (the client's own timer, in the body phase). */
export class TotalTimeout extends Error {
  override readonly name = 'TotalTimeoutError';
  constructor() {
    super('total timeout');
  }
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

/** The codes and names along an error's cause chain (undici wraps Node's socket errors). */
function codesOf(err: unknown): string[] {
  const codes: string[] = [];
  let e: unknown = err;
  for (let depth = 0; e && depth < 5; depth++) {
    const o = e as { code?: unknown; name?: unknown; cause?: unknown };
    if (typeof o.code === 'string') codes.push(o.code);
    if (typeof o.name === 'string') codes.push(o.name);
    e = o.cause;
  }
  return codes;
}

export interface NetworkErrorContext {
  /** The caller's AbortSignal fired. */
  readonly callerAborted: boolean;
  /** The status line and headers had arrived when it failed (the failure was in the body). */
  readonly headersReceived?: boolean;
  readonly method: string;
  readonly timeouts?: Timeouts;
  readonly host: string;
}

/** Turns whatever undici or Node threw into a kind and a message that says what happened and what to do. */
export function classifyNetworkError(err: unknown, ctx: NetworkErrorContext): { kind: NetworkErrorKind; message: string } {
  const codes = codesOf(err);
  const has = (...c: string[]) => c.some((x) => codes.includes(x));
  const t = { ...DEFAULT_TIMEOUTS, ...definedOnly(ctx.timeouts) };
  const postNote = ctx.method === 'POST' ? ' The request may have reached Xendit: check the dashboard or get the session before sending it again (it is never retried automatically).' : '';
  if (ctx.callerAborted) {
    return { kind: 'aborted', message: `The request was cancelled before ${ctx.host} ${ctx.headersReceived ? 'finished answering' : 'answered'}.${postNote}` };
  }
  if (err instanceof TotalTimeout) {
    return {
      kind: 'timeout',
      message: ctx.headersReceived
        ? `${ctx.host} started answering but did not finish within ${seconds(t.totalMs)}.${postNote}`
        : `${ctx.host} did not answer within ${seconds(t.totalMs)}.${postNote}`,
    };
  }
  if (err instanceof undiciErrors.HeadersTimeoutError || has('UND_ERR_HEADERS_TIMEOUT')) {
    return { kind: 'timeout', message: `${ctx.host} did not start answering within ${seconds(Math.min(t.headersMs, t.totalMs))}.${postNote}` };
  }
  if (err instanceof undiciErrors.BodyTimeoutError || has('UND_ERR_BODY_TIMEOUT')) {
    return { kind: 'timeout', message: `${ctx.host} started answering, then sent nothing for over ${seconds(t.bodyMs)}.${postNote}` };
  }
  if (has('UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT')) {
    return { kind: 'timeout', message: `Could not connect to ${ctx.host} within ${seconds(t.connectMs)}. Check your network, proxy or VPN, and the base URL.` };
  }
  if (has('ECONNREFUSED')) {
    return { kind: 'refused', message: `${ctx.host} refused the connection: nothing is listening there. Check the base URL, or that the server (or the sandbox) is running.` };
  }
  if (has('ENOTFOUND', 'EAI_AGAIN', 'EAI_NODATA', 'EAI_FAIL')) {
    return { kind: 'dns', message: `The host name ${ctx.host} could not be resolved. Check the base URL, and your network or DNS.` };
  }
  const tlsCode = codes.find((c) => /^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_OSSL|HOSTNAME_MISMATCH)/.test(c));
  if (tlsCode) {
    return {
      kind: 'tls',
      message: `The secure (TLS) connection to ${ctx.host} failed (${tlsCode}). Check that the base URL's scheme is right (https for Xendit, http for the local sandbox); a proxy that intercepts HTTPS needs its certificate trusted.`,
    };
  }
  if (has('ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE', 'UND_ERR_CLOSED', 'ECONNABORTED', 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH') || err instanceof undiciErrors.SocketError) {
    return {
      kind: 'reset',
      message: `The connection to ${ctx.host} was closed ${ctx.headersReceived ? 'in the middle of the answer' : 'before an answer came'}.${postNote} A proxy or an unstable network can cause this; try again.`,
    };
  }
  if (has('AbortError', 'UND_ERR_ABORTED')) {
    return { kind: 'aborted', message: `The request to ${ctx.host} was aborted.${postNote}` };
  }
  const detail = err instanceof Error ? err.message : String(err);
  return { kind: 'other', message: `The request to ${ctx.host} failed: ${detail.replace(/\.$/, '')}.${postNote}` };
}
