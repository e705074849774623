// What went wrong when no usable answer came: undici's and Node's errors turned into a kind and a message that
// says what happened. The advice that names a setting or a flag is each surface's to add (by kind).
import { type Phrase, phrase, say } from './phrase';
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

/** A failure said in phrases (for each surface's language) and, the same, in English. */
export interface NetworkFailure {
  readonly kind: NetworkErrorKind;
  readonly message: string;
  readonly says: readonly Phrase[];
}

export function failure<K extends NetworkErrorKind>(kind: K, ...says: Phrase[]): NetworkFailure & { readonly kind: K } {
  return { kind, message: say(says), says };
}

/** Turns whatever undici or Node threw into a kind and a message that says what happened and what to do. */
export function classifyNetworkError(err: unknown, ctx: NetworkErrorContext): NetworkFailure {
  const codes = codesOf(err);
  const has = (...c: string[]) => c.some((x) => codes.includes(x));
  const t = { ...DEFAULT_TIMEOUTS, ...definedOnly(ctx.timeouts) };
  const host = ctx.host;
  const postNote = ctx.method === 'POST' ? [phrase('The request may have reached Xendit: check the dashboard or get the session before sending it again (it is never retried automatically).')] : [];
  if (ctx.callerAborted) {
    return failure('aborted', ctx.headersReceived ? phrase('The request was cancelled before {0} finished answering.', host) : phrase('The request was cancelled before {0} answered.', host), ...postNote);
  }
  if (err instanceof TotalTimeout) {
    return failure(
      'timeout',
      ctx.headersReceived
        ? phrase('{0} started answering but did not finish within {1}.', host, seconds(t.totalMs))
        : phrase('{0} did not answer within {1}.', host, seconds(t.totalMs)),
      ...postNote,
    );
  }
  if (err instanceof undiciErrors.HeadersTimeoutError || has('UND_ERR_HEADERS_TIMEOUT')) {
    return failure('timeout', phrase('{0} did not start answering within {1}.', host, seconds(Math.min(t.headersMs, t.totalMs))), ...postNote);
  }
  if (err instanceof undiciErrors.BodyTimeoutError || has('UND_ERR_BODY_TIMEOUT')) {
    return failure('timeout', phrase('{0} started answering, then sent nothing for over {1}.', host, seconds(t.bodyMs)), ...postNote);
  }
  if (has('UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT')) {
    return failure('timeout', phrase('Could not connect to {0} within {1}. Check your network, proxy or VPN, and the base URL.', host, seconds(t.connectMs)));
  }
  if (has('ECONNREFUSED')) {
    return failure('refused', phrase('{0} refused the connection: nothing is listening there. Check the base URL, or that the server (or the sandbox) is running.', host));
  }
  if (has('ENOTFOUND', 'EAI_AGAIN', 'EAI_NODATA', 'EAI_FAIL')) {
    return failure('dns', phrase('The host name {0} could not be resolved. Check the base URL, and your network or DNS.', host));
  }
  const tlsCode = codes.find((c) => /^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_OSSL|HOSTNAME_MISMATCH)/.test(c));
  if (tlsCode) {
    return failure(
      'tls',
      phrase(
        "The secure (TLS) connection to {0} failed ({1}). Check that the base URL's scheme is right (https for Xendit, http for the local sandbox); a proxy that intercepts HTTPS needs its certificate trusted.",
        host,
        tlsCode,
      ),
    );
  }
  if (has('ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE', 'UND_ERR_CLOSED', 'ECONNABORTED', 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH') || err instanceof undiciErrors.SocketError) {
    return failure(
      'reset',
      ctx.headersReceived ? phrase('The connection to {0} was closed in the middle of the answer.', host) : phrase('The connection to {0} was closed before an answer came.', host),
      ...postNote,
      phrase('A proxy or an unstable network can cause this; try again.'),
    );
  }
  if (has('AbortError', 'UND_ERR_ABORTED')) {
    return failure('aborted', phrase('The request to {0} was aborted.', host), ...postNote);
  }
  const detail = err instanceof Error ? err.message : String(err);
  return failure('other', phrase('The request to {0} failed: {1}.', host, detail.replace(/\.$/, '')), ...postNote);
}
