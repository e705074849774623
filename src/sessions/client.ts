// SessionsClient: POST /sessions, GET /sessions/{id}, POST /sessions/{id}/cancel on undici.
// It never throws for an HTTP outcome: every call resolves to a SessionsResult, and a POST is never retried.
import { STATUS_CODES } from 'node:http';
import { Agent, errors as undiciErrors, request, type Dispatcher } from 'undici';
import { redactText } from './redact';
import { ApiError, Session } from './schema';
import { USER_AGENT } from './version';

export interface SessionsClientOptions {
  /** e.g. https://api.xendit.co or the sandbox's http://127.0.0.1:PORT (no trailing slash needed). */
  readonly baseUrl: string;
  readonly secretKey: string;
  /** xenPlatform sub-account (`for-user-id`, on every call). */
  readonly forUserId?: string;
  /** xenPlatform split rule (`with-split-rule`, on create only). */
  readonly withSplitRule?: string;
  readonly timeouts?: {
    /** Establishing the connection (TCP and TLS). Default 10 s. */
    readonly connectMs?: number;
    /** From sending to the response headers (time to first byte). Default 30 s. */
    readonly headersMs?: number;
    /** Longest pause between two chunks of the body. Default 30 s. */
    readonly bodyMs?: number;
    /** The whole exchange. Default 60 s. */
    readonly totalMs?: number;
  };
  /** A larger body is cut off with an error. Default 10 MB. */
  readonly maxBodyBytes?: number;
  readonly userAgent?: string;
  /** Receives one redacted line per request and response. */
  readonly log?: (level: 'info' | 'warn' | 'error', line: string) => void;
  /** Tests and benchmarks may share a dispatcher; by default the client owns a keep-alive Agent. */
  readonly dispatcher?: Dispatcher;
}

export type Operation = 'create' | 'get' | 'cancel';

/** The request as sent, safe to show: the Authorization header is redacted. */
export interface SentRequest {
  readonly operation: Operation;
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly headers: readonly (readonly [string, string])[];
  readonly body?: string;
  readonly sentAt: string;
}

export interface RateLimit {
  readonly limit?: number;
  readonly remaining?: number;
  /** Seconds until the window resets (may be fractional). */
  readonly resetSeconds?: number;
}

export interface ReceivedResponse {
  readonly status: number;
  readonly statusText: string;
  readonly contentType?: string;
  /** The headers that matter: request id and Rate-Limit-*. */
  readonly headers: readonly (readonly [string, string])[];
  readonly requestId?: string;
  readonly rateLimit?: RateLimit;
}

export interface Timings {
  /** Sending to the response headers. */
  readonly ttfbMs?: number;
  /** Sending to the end of the body (or the failure). */
  readonly totalMs: number;
}

export type NetworkErrorKind = 'timeout' | 'refused' | 'reset' | 'dns' | 'tls' | 'aborted' | 'other';

export type SessionsResult =
  | { readonly kind: 'session'; readonly request: SentRequest; readonly response: ReceivedResponse; readonly timings: Timings; readonly session: Session; readonly body: unknown }
  | {
      readonly kind: 'apiError';
      readonly request: SentRequest;
      readonly response: ReceivedResponse;
      readonly timings: Timings;
      readonly error: { readonly errorCode: string; readonly message: string; readonly errors: readonly ApiErrorEntry[] };
      readonly body: unknown;
    }
  | {
      readonly kind: 'unexpectedResponse';
      readonly request: SentRequest;
      readonly response: ReceivedResponse;
      readonly timings: Timings;
      /** Why the body could not be used, in words. */
      readonly reason: string;
      /** The first bytes of the body as text (at most 2 KB). */
      readonly firstBytes: string;
      readonly body?: unknown;
    }
  | { readonly kind: 'networkError'; readonly request: SentRequest; readonly timings: Timings; readonly error: { readonly kind: NetworkErrorKind; readonly message: string } };

export interface ApiErrorEntry {
  readonly path?: string;
  readonly message: string;
}

const DEFAULT_MAX_BODY = 10 * 1024 * 1024;
const FIRST_BYTES = 2048;
const MATTERING_HEADERS = /^(request-id|x-request-id|xendit-request-id|rate-limit-.*|x-ratelimit-.*|retry-after)$/i;

class BodyTooLarge extends Error {}

export class SessionsClient {
  readonly baseUrl: string;
  private readonly options: SessionsClientOptions;
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;
  private readonly authorization: string;

  constructor(options: SessionsClientOptions) {
    this.options = options;
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.authorization = `Basic ${Buffer.from(`${options.secretKey}:`, 'utf8').toString('base64')}`;
    this.ownsDispatcher = !options.dispatcher;
    this.dispatcher =
      options.dispatcher ??
      new Agent({
        keepAliveTimeout: 10_000,
        connect: { timeout: options.timeouts?.connectMs ?? 10_000 },
      });
  }

  createSession(body: unknown, signal?: AbortSignal): Promise<SessionsResult> {
    return this.send('create', 'POST', '/sessions', JSON.stringify(body), signal);
  }

  getSession(id: string, signal?: AbortSignal): Promise<SessionsResult> {
    return this.send('get', 'GET', `/sessions/${encodeURIComponent(id)}`, undefined, signal);
  }

  cancelSession(id: string, signal?: AbortSignal): Promise<SessionsResult> {
    return this.send('cancel', 'POST', `/sessions/${encodeURIComponent(id)}/cancel`, undefined, signal);
  }

  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.close();
  }

  /** Header list as sent, with the Authorization value redacted. */
  private headers(operation: Operation, hasBody: boolean): [string, string][] {
    const h: [string, string][] = [
      ['authorization', this.authorization],
      ['accept', 'application/json'],
      ['user-agent', this.options.userAgent ?? USER_AGENT],
    ];
    if (hasBody) h.push(['content-type', 'application/json']);
    if (this.options.forUserId) h.push(['for-user-id', this.options.forUserId]);
    if (operation === 'create' && this.options.withSplitRule) h.push(['with-split-rule', this.options.withSplitRule]);
    return h;
  }

  private async send(operation: Operation, method: 'GET' | 'POST', path: string, body: string | undefined, signal?: AbortSignal): Promise<SessionsResult> {
    const url = `${this.baseUrl}${path}`;
    const headers = this.headers(operation, body !== undefined);
    const sent: SentRequest = {
      operation,
      method,
      url,
      headers: headers.map(([k, v]) => [k, k === 'authorization' ? 'Basic [redacted]' : v] as const),
      body,
      sentAt: new Date().toISOString(),
    };
    const t = this.options.timeouts ?? {};
    const totalMs = t.totalMs ?? 60_000;
    const overall = new AbortController();
    const timer = setTimeout(() => overall.abort(new DOMException('total timeout', 'TimeoutError')), totalMs);
    const onCallerAbort = () => overall.abort(signal?.reason ?? new DOMException('aborted', 'AbortError'));
    if (signal?.aborted) onCallerAbort();
    else signal?.addEventListener('abort', onCallerAbort, { once: true });
    const started = performance.now();
    let ttfbMs: number | undefined;
    this.log('info', `→ ${method} ${url}${body ? ` (${Buffer.byteLength(body)} bytes)` : ''}`);
    try {
      const res = await request(url, {
        method,
        headers: Object.fromEntries(headers),
        body,
        dispatcher: this.dispatcher,
        signal: overall.signal,
        headersTimeout: t.headersMs ?? 30_000,
        bodyTimeout: t.bodyMs ?? 30_000,
        // undici's request follows no redirect and retries nothing unless an interceptor is added; none is,
        // because a repeated POST could create a second session.
      });
      ttfbMs = performance.now() - started;
      const response = describeResponse(res.statusCode, res.headers);
      let bytes: Buffer;
      try {
        bytes = await readCapped(res.body, this.options.maxBodyBytes ?? DEFAULT_MAX_BODY);
      } catch (err) {
        if (err instanceof BodyTooLarge) {
          const timings = { ttfbMs, totalMs: performance.now() - started };
          const cap = this.options.maxBodyBytes ?? DEFAULT_MAX_BODY;
          this.log('warn', `← ${response.status} body over ${formatBytes(cap)}: cut off`);
          return {
            kind: 'unexpectedResponse',
            request: sent,
            response,
            timings,
            reason: `The response body is larger than ${formatBytes(cap)}, so it was cut off and not read. A Sessions API answer is a few KB: check the base URL.`,
            firstBytes: err.message,
          };
        }
        throw err;
      }
      const timings = { ttfbMs, totalMs: performance.now() - started };
      const result = interpret(sent, response, timings, bytes);
      this.log(result.kind === 'session' ? 'info' : 'warn', `← ${response.status} ${response.statusText} in ${Math.round(timings.totalMs)} ms${describeOutcome(result)}`);
      return result;
    } catch (err) {
      const timings = { ttfbMs, totalMs: performance.now() - started };
      const error = classifyNetworkError(err, { callerAborted: Boolean(signal?.aborted), totalMs, method, timeouts: t, host: safeHost(url) });
      this.log('error', `✕ ${method} ${url}: ${error.kind}: ${error.message}`);
      return { kind: 'networkError', request: sent, timings, error: { kind: error.kind, message: redactText(error.message, [this.options.secretKey]) } };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onCallerAbort);
    }
  }

  private log(level: 'info' | 'warn' | 'error', line: string): void {
    this.options.log?.(level, redactText(line, [this.options.secretKey]));
  }
}

async function readCapped(body: AsyncIterable<Buffer> & { destroy?: (err?: Error) => unknown }, cap: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > cap) {
      const head = Buffer.concat([...chunks, chunk]).subarray(0, FIRST_BYTES).toString('utf8');
      body.destroy?.();
      throw new BodyTooLarge(head);
    }
    chunks.push(chunk);
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size);
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v.join(', ') : v;
}

function describeResponse(status: number, headers: Record<string, string | string[] | undefined>): ReceivedResponse {
  const mattering: [string, string][] = [];
  for (const [k, v] of Object.entries(headers)) {
    const value = headerValue(v);
    if (value !== undefined && MATTERING_HEADERS.test(k)) mattering.push([k, value]);
  }
  const num = (name: string) => {
    const v = headerValue(headers[name]);
    const n = v === undefined ? NaN : Number(v);
    return Number.isFinite(n) ? n : undefined;
  };
  const rateLimit: RateLimit = { limit: num('rate-limit-limit'), remaining: num('rate-limit-remaining'), resetSeconds: num('rate-limit-reset') };
  const hasRate = Object.values(rateLimit).some((v) => v !== undefined);
  return {
    status,
    statusText: STATUS_CODES[status] ?? '',
    contentType: headerValue(headers['content-type']),
    headers: mattering,
    requestId: headerValue(headers['request-id']) ?? headerValue(headers['x-request-id']),
    rateLimit: hasRate ? rateLimit : undefined,
  };
}

function interpret(request: SentRequest, response: ReceivedResponse, timings: Timings, bytes: Buffer): SessionsResult {
  const text = bytes.toString('utf8');
  const firstBytes = text.slice(0, FIRST_BYTES);
  const unexpected = (reason: string, body?: unknown): SessionsResult => ({ kind: 'unexpectedResponse', request, response, timings, reason, firstBytes, body });
  const isJson = /\bjson\b/i.test(response.contentType ?? '');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    if (!isJson) {
      return unexpected(
        `The server answered ${response.status} with ${response.contentType ? `"${response.contentType}"` : 'no content type'} instead of JSON${response.status >= 500 ? ' (often a proxy or load balancer error page)' : ''}.`,
      );
    }
    return unexpected(text.length === 0 ? 'The response body is empty where JSON was expected.' : `The JSON body is truncated or malformed (${text.length} characters received).`);
  }
  if (response.status >= 200 && response.status < 300) {
    const parsed = Session.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return unexpected(`The body does not look like a session: ${issue.path.join('.') || 'the body'}: ${issue.message}.`, body);
    }
    return { kind: 'session', request, response, timings, session: parsed.data, body };
  }
  const parsed = ApiError.safeParse(body);
  if (!parsed.success) return unexpected(`The server answered ${response.status} with JSON that is not a Xendit error body.`, body);
  const errors: ApiErrorEntry[] = (parsed.data.errors ?? []).map((e: unknown) => {
    if (typeof e === 'string') return { message: e };
    const o = (e ?? {}) as Record<string, unknown>;
    const path = typeof o.path === 'string' ? o.path : Array.isArray(o.path) ? o.path.join('.') : typeof o.field === 'string' ? o.field : undefined;
    const message = typeof o.message === 'string' ? o.message : JSON.stringify(e);
    return path ? { path, message } : { message };
  });
  return { kind: 'apiError', request, response, timings, error: { errorCode: parsed.data.error_code, message: parsed.data.message, errors }, body };
}

function describeOutcome(result: SessionsResult): string {
  switch (result.kind) {
    case 'session':
      return `: session ${result.session.payment_session_id} ${result.session.status}`;
    case 'apiError':
      return `: ${result.error.errorCode}: ${result.error.message}`;
    case 'unexpectedResponse':
      return `: ${result.reason}`;
    default:
      return '';
  }
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round((n / 1024 / 1024) * 10) / 10} MB` : `${Math.round(n / 1024)} KB`;
}

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

/** Turns whatever undici or Node threw into a kind and a message that says what happened and what to do. */
export function classifyNetworkError(
  err: unknown,
  ctx: { callerAborted: boolean; totalMs: number; method: string; timeouts: SessionsClientOptions['timeouts']; host: string },
): { kind: NetworkErrorKind; message: string } {
  const codes = codesOf(err);
  const has = (...c: string[]) => c.some((x) => codes.includes(x));
  const postNote = ctx.method === 'POST' ? ' The request may have reached Xendit: check the dashboard before sending it again (it is never retried automatically).' : '';
  if (ctx.callerAborted) {
    return { kind: 'aborted', message: `The request was cancelled before ${ctx.host} answered.${postNote}` };
  }
  if (has('TimeoutError') || err instanceof undiciErrors.HeadersTimeoutError || has('UND_ERR_HEADERS_TIMEOUT')) {
    const limit = has('TimeoutError') ? ctx.totalMs : (ctx.timeouts?.headersMs ?? 30_000);
    return { kind: 'timeout', message: `${ctx.host} did not answer within ${Math.round(limit / 100) / 10} s.${postNote} Try again later, or raise xendit.requestTimeoutSeconds.` };
  }
  if (err instanceof undiciErrors.BodyTimeoutError || has('UND_ERR_BODY_TIMEOUT')) {
    return { kind: 'timeout', message: `${ctx.host} started answering but stopped sending the body for over ${Math.round((ctx.timeouts?.bodyMs ?? 30_000) / 100) / 10} s.${postNote}` };
  }
  if (has('UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT')) {
    return { kind: 'timeout', message: `Could not connect to ${ctx.host} in time. Check your network, proxy or VPN.` };
  }
  if (has('ECONNREFUSED')) {
    return { kind: 'refused', message: `${ctx.host} refused the connection: nothing is listening there. Check the base URL, or that the server is running.` };
  }
  if (has('ENOTFOUND', 'EAI_AGAIN', 'EAI_NODATA')) {
    return { kind: 'dns', message: `The host name ${ctx.host} could not be resolved. Check the base URL and your network or DNS.` };
  }
  if (codes.some((c) => /^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_OSSL)/.test(c))) {
    return { kind: 'tls', message: `The TLS connection to ${ctx.host} failed (${codes.find((c) => /TLS|SSL|CERT|UNABLE|SELF|DEPTH|OSSL/.test(c))}). A proxy may be intercepting HTTPS; check its certificate.` };
  }
  if (has('ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE', 'UND_ERR_CLOSED', 'ECONNABORTED') || err instanceof undiciErrors.SocketError) {
    return { kind: 'reset', message: `The connection to ${ctx.host} was closed before the answer was complete.${postNote}` };
  }
  if (has('AbortError')) {
    return { kind: 'aborted', message: `The request to ${ctx.host} was aborted.${postNote}` };
  }
  const detail = err instanceof Error ? err.message : String(err);
  return { kind: 'other', message: `The request to ${ctx.host} failed: ${detail}.${postNote}` };
}
