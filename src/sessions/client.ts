// SessionsClient: POST /sessions, GET /sessions/{id}, POST /sessions/{id}/cancel on undici.
// It never throws for an HTTP outcome: every call resolves to a SessionsResult, and a POST is never retried.
import { STATUS_CODES } from 'node:http';
import { formatBytes } from './formatBytes';
import type { ProxyChoice } from './proxy';
import { classifyProxyError, createProxyDispatcher } from './proxyDispatcher';
import { REDACTED, redactText, secretForms } from './redact';
import { ApiError, Session } from './schema';
import { Agent, errors as undiciErrors, request, type Dispatcher } from './undiciParts';
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
    /**
     * The whole exchange: the body must be complete this long after sending. Default 60 s. Waiting for the
     * headers is bounded by the smaller of this and headersMs.
     */
    readonly totalMs?: number;
  };
  /** A larger body is cut off with an error. Default 10 MB. */
  readonly maxBodyBytes?: number;
  readonly userAgent?: string;
  /** Receives one redacted line per request and response. */
  readonly log?: (level: 'info' | 'warn' | 'error', line: string) => void;
  /** Tests and benchmarks may share a dispatcher; by default the client owns a keep-alive Agent. */
  readonly dispatcher?: Dispatcher;
  /** The proxy to send through (see chooseProxy); never for the sandbox. Its credentials are redacted like the key. */
  readonly proxy?: ProxyChoice;
  /** Certificates to trust instead of Node's own list (a test's own certificate authority). */
  readonly ca?: readonly string[];
}

export type Operation = 'create' | 'get' | 'cancel';

/** The request as sent, safe to show and to build "Copy as cURL" from: the Authorization value is redacted. */
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

export interface ApiErrorEntry {
  readonly path?: string;
  readonly message: string;
}

interface Exchange {
  readonly request: SentRequest;
  readonly timings: Timings;
}

interface Answered extends Exchange {
  readonly response: ReceivedResponse;
}

export type SessionsResult =
  | (Answered & { readonly kind: 'session'; readonly session: Session; readonly body: unknown })
  | (Answered & {
      readonly kind: 'apiError';
      readonly error: { readonly errorCode: string; readonly message: string; readonly errors: readonly ApiErrorEntry[] };
      readonly body: unknown;
    })
  | (Answered & {
      readonly kind: 'unexpectedResponse';
      /** Why the body could not be used, in words. */
      readonly reason: string;
      /** The first bytes of the body as text (at most 2 KB). */
      readonly firstBytes: string;
      readonly body?: unknown;
    })
  | (Exchange & { readonly kind: 'networkError'; readonly error: { readonly kind: NetworkErrorKind; readonly message: string } });

const DEFAULT_MAX_BODY = 10 * 1024 * 1024;
const FIRST_BYTES = 2048;
const DEFAULTS = { connectMs: 10_000, headersMs: 30_000, bodyMs: 30_000, totalMs: 60_000 } as const;

class BodyTooLarge extends Error {
  constructor(readonly head: string) {
    super('response body over the cap');
  }
}

/** The headers of one operation, built once per client: as sent, and as shown (Authorization redacted). */
interface PreparedHeaders {
  readonly sent: Record<string, string>;
  readonly shown: readonly (readonly [string, string])[];
}

export class SessionsClient {
  readonly baseUrl: string;
  private readonly options: SessionsClientOptions;
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;
  private readonly timeouts: { readonly connectMs: number; readonly headersMs: number; readonly bodyMs: number; readonly totalMs: number };
  private readonly prepared: Record<Operation, PreparedHeaders>;
  /** Sent with each request only to a shared dispatcher: the client's own Agent already has them. */
  private readonly requestTimeouts: { readonly headersTimeout?: number; readonly bodyTimeout?: number };
  /** The key and its Base64 forms: any of them found in a body or message is replaced before it is returned. */
  private readonly secrets: readonly string[];
  private readonly secretProbes: readonly string[];
  private closing?: Promise<void>;

  constructor(options: SessionsClientOptions) {
    this.options = options;
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.timeouts = { ...DEFAULTS, ...definedOnly(options.timeouts) };
    this.secrets = [...(options.secretKey ? secretForms(options.secretKey) : []), ...(options.proxy?.secrets ?? [])];
    this.secretProbes = [...new Set(this.secrets.map((form) => form.slice(0, 4)))];
    const authorization = `Basic ${Buffer.from(`${options.secretKey}:`, 'utf8').toString('base64')}`;
    const prepare = (operation: Operation, hasBody: boolean): PreparedHeaders => {
      const h: [string, string][] = [
        ['authorization', authorization],
        ['accept', 'application/json'],
        ['user-agent', options.userAgent ?? USER_AGENT],
      ];
      if (hasBody) h.push(['content-type', 'application/json']);
      if (options.forUserId) h.push(['for-user-id', options.forUserId]);
      if (operation === 'create' && options.withSplitRule) h.push(['with-split-rule', options.withSplitRule]);
      return { sent: Object.fromEntries(h), shown: Object.freeze(h.map(([k, v]) => Object.freeze([k, k === 'authorization' ? `Basic ${REDACTED}` : v] as const))) };
    };
    this.prepared = { create: prepare('create', true), get: prepare('get', false), cancel: prepare('cancel', false) };
    this.ownsDispatcher = !options.dispatcher;
    this.requestTimeouts = this.ownsDispatcher ? {} : { headersTimeout: this.headersTimeout, bodyTimeout: this.timeouts.bodyMs };
    // Timeouts set on the Agent rather than per request let undici refresh one timer per socket instead of
    // replacing it on every request.
    const connection = { keepAliveTimeout: 10_000, connectMs: this.timeouts.connectMs, headersTimeout: this.headersTimeout, bodyTimeout: this.timeouts.bodyMs, ca: options.ca };
    this.dispatcher =
      options.dispatcher ??
      (options.proxy
        ? createProxyDispatcher(options.proxy, connection)
        : new Agent({
            keepAliveTimeout: connection.keepAliveTimeout,
            connect: { timeout: connection.connectMs, ...(options.ca ? { ca: [...options.ca] } : {}) },
            headersTimeout: connection.headersTimeout,
            bodyTimeout: connection.bodyTimeout,
          }));
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

  /** The total timeout bounds the wait for headers too; in the body phase a timer enforces it. */
  private get headersTimeout(): number {
    return Math.min(this.timeouts.headersMs, this.timeouts.totalMs);
  }

  /** Closes the client's own connections (once; later calls do nothing); a shared dispatcher is left to its owner. */
  close(): Promise<void> {
    if (this.ownsDispatcher) this.closing ??= this.dispatcher.close();
    return this.closing ?? Promise.resolve();
  }

  private async send(operation: Operation, method: 'GET' | 'POST', path: string, body: string | undefined, signal?: AbortSignal): Promise<SessionsResult> {
    const url = this.baseUrl + path;
    const headers = this.prepared[operation];
    const sent: SentRequest = { operation, method, url: this.scrub(url), headers: headers.shown, body: body === undefined ? undefined : this.scrub(body), sentAt: new Date().toISOString() };
    const log = this.options.log ? (level: 'info' | 'warn' | 'error', line: string) => this.options.log?.(level, redactText(line, this.secrets)) : undefined;
    log?.('info', `→ ${method} ${url}${body ? ` (${Buffer.byteLength(body)} bytes)` : ''}${this.options.proxy ? ` via proxy ${this.options.proxy.shown}` : ''}`);
    const started = now();
    let ttfbMs: number | undefined;
    let totalTimer: NodeJS.Timeout | undefined;
    try {
      // The caller's signal goes to undici as it is: no AbortController of our own on the hot path. Before the
      // headers, undici's connect and headers timeouts bound the wait; after them, the timer below does.
      // undici's request follows no redirect and retries nothing unless an interceptor is added; none is,
      // because a repeated POST could create a second session.
      const res = await request(url, {
        method,
        headers: headers.sent,
        body,
        dispatcher: this.dispatcher,
        signal,
        headersTimeout: this.requestTimeouts.headersTimeout,
        bodyTimeout: this.requestTimeouts.bodyTimeout,
      });
      ttfbMs = now() - started;
      const response = describeResponse(res.statusCode, res.headers);
      // A small answer is usually in already (it came in the headers' packet): no timer is needed for it.
      if (response.contentLength === undefined || res.body.readableLength < response.contentLength) {
        totalTimer = setTimeout(() => res.body.destroy(new TotalTimeout()), Math.max(0, this.timeouts.totalMs - ttfbMs));
      }
      const cap = this.options.maxBodyBytes ?? DEFAULT_MAX_BODY;
      let text: string;
      try {
        text = await readBody(res.body, response.contentLength, cap);
      } catch (err) {
        if (!(err instanceof BodyTooLarge)) throw err;
        const timings = { ttfbMs, totalMs: now() - started };
        log?.('warn', `← ${response.status} body over ${formatBytes(cap)}: cut off`);
        return {
          kind: 'unexpectedResponse',
          request: sent,
          response: response.public,
          timings,
          reason: `The response body is larger than ${formatBytes(cap)}, so it was cut off and not read. A Sessions API answer is a few KB: check the base URL.`,
          firstBytes: this.scrub(err.head),
        };
      }
      const timings = { ttfbMs, totalMs: now() - started };
      const result = interpret(sent, response.public, timings, this.scrub(text));
      log?.(result.kind === 'session' ? 'info' : 'warn', `← ${response.status} ${response.public.statusText} in ${Math.round(timings.totalMs)} ms${describeOutcome(result)}`);
      return result;
    } catch (err) {
      const timings = { ttfbMs, totalMs: now() - started };
      const proxied = this.options.proxy && !signal?.aborted ? classifyProxyError(err, this.options.proxy, safeHost(url)) : undefined;
      const error = proxied ?? classifyNetworkError(err, {
        callerAborted: Boolean(signal?.aborted),
        headersReceived: ttfbMs !== undefined,
        method,
        timeouts: this.timeouts,
        host: safeHost(url),
      });
      const message = redactText(error.message, this.secrets);
      log?.('error', `✕ ${method} ${url}: ${error.kind}: ${message}`);
      return { kind: 'networkError', request: sent, timings, error: { kind: error.kind, message } };
    } finally {
      clearTimeout(totalTimer);
    }
  }

  /** Replaces the key wherever a body carries it (a request that put it in metadata, echoed back by the API). */
  private scrub(text: string): string {
    // The forms share two beginnings (the key's and its Base64's): two scans rule them all out in the usual case.
    if (!this.secretProbes.some((probe) => text.includes(probe))) return text;
    let out = text;
    for (const secret of this.secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    return out;
  }
}

/**
 * Milliseconds on a monotonic clock. Not `performance.now()`: the `performance` global loads perf_hooks on first
 * use, about 2 ms of a CLI process that sends once.
 */
function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

class TotalTimeout extends Error {
  override readonly name = 'TotalTimeoutError';
  constructor() {
    super('total timeout');
  }
}

/** Keeps an explicit `undefined` in the caller's timeouts from overriding a default. */
function definedOnly<T extends object>(value: T | undefined): Partial<T> {
  return value ? (Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>) : {};
}

type Body = Dispatcher.ResponseData['body'];

/**
 * The body as text. A body that announces its length within the cap is read by undici in one go (the fast,
 * common case); any other is streamed and cut off past the cap.
 */
function readBody(body: Body, contentLength: number | undefined, cap: number): Promise<string> {
  if (contentLength !== undefined && contentLength <= cap) return body.text();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    body.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > cap) {
        body.removeAllListeners('data');
        body.destroy();
        reject(new BodyTooLarge(Buffer.concat([...chunks, chunk]).subarray(0, FIRST_BYTES).toString('utf8')));
        return;
      }
      chunks.push(chunk);
    });
    body.once('end', () => resolve((chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size)).toString('utf8')));
    body.once('error', reject);
  });
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v.join(', ') : v;
}

function isMatteringHeader(name: string): boolean {
  return name === 'request-id' || name === 'x-request-id' || name === 'xendit-request-id' || name === 'retry-after' || name.startsWith('rate-limit-') || name.startsWith('x-ratelimit-');
}

function describeResponse(status: number, headers: Record<string, string | string[] | undefined>): { public: ReceivedResponse; status: number; contentLength?: number } {
  const mattering: [string, string][] = [];
  for (const name in headers) {
    if (!isMatteringHeader(name)) continue;
    const value = headerValue(headers[name]);
    if (value !== undefined) mattering.push([name, value]);
  }
  const num = (name: string) => {
    const v = headerValue(headers[name]);
    const n = v === undefined || v === '' ? NaN : Number(v);
    return Number.isFinite(n) ? n : undefined;
  };
  const limit = num('rate-limit-limit');
  const remaining = num('rate-limit-remaining');
  const resetSeconds = num('rate-limit-reset');
  const hasRate = limit !== undefined || remaining !== undefined || resetSeconds !== undefined;
  return {
    status,
    contentLength: num('content-length'),
    public: {
      status,
      statusText: STATUS_CODES[status] ?? '',
      contentType: headerValue(headers['content-type']),
      headers: mattering,
      requestId: headerValue(headers['request-id']) ?? headerValue(headers['x-request-id']),
      rateLimit: hasRate ? { limit, remaining, resetSeconds } : undefined,
    },
  };
}

function interpret(request: SentRequest, response: ReceivedResponse, timings: Timings, text: string): SessionsResult {
  const unexpected = (reason: string, body?: unknown): SessionsResult => ({ kind: 'unexpectedResponse', request, response, timings, reason, firstBytes: text.slice(0, FIRST_BYTES), body });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    if (!/\bjson\b/i.test(response.contentType ?? '')) {
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
  readonly timeouts?: SessionsClientOptions['timeouts'];
  readonly host: string;
}

/** Turns whatever undici or Node threw into a kind and a message that says what happened and what to do. */
export function classifyNetworkError(err: unknown, ctx: NetworkErrorContext): { kind: NetworkErrorKind; message: string } {
  const codes = codesOf(err);
  const has = (...c: string[]) => c.some((x) => codes.includes(x));
  const t = { ...DEFAULTS, ...definedOnly(ctx.timeouts) };
  const postNote = ctx.method === 'POST' ? ' The request may have reached Xendit: check the dashboard or get the session before sending it again (it is never retried automatically).' : '';
  const raise = ' If the server is just slow, raise xendit.requestTimeoutSeconds.';
  if (ctx.callerAborted) {
    return { kind: 'aborted', message: `The request was cancelled before ${ctx.host} ${ctx.headersReceived ? 'finished answering' : 'answered'}.${postNote}` };
  }
  if (err instanceof TotalTimeout) {
    return {
      kind: 'timeout',
      message: ctx.headersReceived
        ? `${ctx.host} started answering but did not finish within ${seconds(t.totalMs)}.${postNote}${raise}`
        : `${ctx.host} did not answer within ${seconds(t.totalMs)}.${postNote}${raise}`,
    };
  }
  if (err instanceof undiciErrors.HeadersTimeoutError || has('UND_ERR_HEADERS_TIMEOUT')) {
    return { kind: 'timeout', message: `${ctx.host} did not start answering within ${seconds(Math.min(t.headersMs, t.totalMs))}.${postNote}${raise}` };
  }
  if (err instanceof undiciErrors.BodyTimeoutError || has('UND_ERR_BODY_TIMEOUT')) {
    return { kind: 'timeout', message: `${ctx.host} started answering, then sent nothing for over ${seconds(t.bodyMs)}.${postNote}${raise}` };
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
