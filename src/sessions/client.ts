// SessionsClient: POST /sessions, GET /sessions/{id}, POST /sessions/{id}/cancel on undici.
// It never throws for an HTTP outcome: every call resolves to a SessionsResult, and a POST is never retried.
import { formatBytes } from './formatBytes';
import { classifyNetworkError, DEFAULT_TIMEOUTS, definedOnly, TotalTimeout } from './networkErrors';
import type { ProxyChoice } from './proxy';
import { classifyProxyError, createProxyDispatcher } from './proxyDispatcher';
import { REDACTED, redactText, secretForms } from './redact';
import { phrase, scrubArgs } from './phrase';
import { because, BodyTooLarge, describeResponse, interpret, readBody } from './responseReading';
import type { Operation, SentRequest, SessionsResult } from './clientResult';
import { Agent, request, type Dispatcher } from './undiciParts';
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

export type { ApiErrorEntry, Operation, RateLimit, ReceivedResponse, SentRequest, SessionsResult, Timings } from './clientResult';
export { classifyNetworkError, type NetworkErrorContext, type NetworkErrorKind } from './networkErrors';

const DEFAULT_MAX_BODY = 10 * 1024 * 1024;

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
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...definedOnly(options.timeouts) };
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
      const res = await unlessAborted(
        request(url, {
          method,
          headers: headers.sent,
          body,
          dispatcher: this.dispatcher,
          signal,
          headersTimeout: this.requestTimeouts.headersTimeout,
          bodyTimeout: this.requestTimeouts.bodyTimeout,
        }),
        signal,
      );
      ttfbMs = now() - started;
      const response = describeResponse(res.statusCode, res.headers, (text) => this.scrub(text));
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
          ...because(phrase('The response body is larger than {0}, so it was cut off and not read. A Sessions API answer is a few KB: check the base URL.', formatBytes(cap))),
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
      const says = scrubArgs(error.says, (text) => redactText(text, this.secrets));
      log?.('error', `✕ ${method} ${url}: ${error.kind}: ${message}`);
      return { kind: 'networkError', request: sent, timings, error: { kind: error.kind, message, says, ...(proxied ? { viaProxy: true as const } : {}) } };
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
 * `pending`, or a rejection as soon as `signal` aborts. undici leaves a request whose connection is still being
 * opened (a proxy's tunnel the proxy does not answer) waiting for that connection whatever its signal says, so
 * Cancel would wait for the headers timeout. An answer that comes after the abort is dropped.
 */
function unlessAborted(pending: Promise<Dispatcher.ResponseData>, signal: AbortSignal | undefined): Promise<Dispatcher.ResponseData> {
  if (!signal) return pending;
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      reject(signal.reason);
      pending.then((late) => late.body.destroy(), () => undefined);
    };
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    pending.then(
      (res) => {
        signal.removeEventListener('abort', onAbort);
        resolve(res);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(err);
      },
    );
  });
}

/**
 * Milliseconds on a monotonic clock. Not `performance.now()`: the `performance` global loads perf_hooks on first
 * use, about 2 ms of a CLI process that sends once.
 */
function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
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


