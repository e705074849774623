// The embedded sandbox: a local implementation of the Sessions API on node:http, bound to 127.0.0.1, with the
// real API's routes, status codes, error bodies and validation (the same model and rules as the editor).
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { formatBytes } from '../sessions/formatBytes';
import { bodyPointer } from '../sessions/jsonPath';
import type { Problem } from '../sessions/problem';
import { redactText } from '../sessions/redact';
import { validateSessionRequest } from '../sessions/validate';
import { renderCheckoutPage, renderNotFoundPage } from './checkoutPage';
import { readBody, safeDecode } from './httpParts';
import { handleTriggerRoute, triggerSession, type TriggerAction, type TriggerResult } from './sandboxTriggers';
import { ReferenceRegistry } from './referenceRegistry';
import type { SandboxOptions } from './sandboxOptions';
import { SandboxStore, businessIdOf, type SandboxSession, type Transition } from './sandboxStore';
import { WebhookDispatcher } from './webhookDispatcher';

export type { SandboxOptions } from './sandboxOptions';

export interface SandboxHandle {
  readonly baseUrl: string;
  readonly port: number;
  /** Runs the expiry check now (the background timer does it every few seconds). */
  expireDue(): void;
  /** Every event emitted, each delivery attempt; the forward target can be changed while it runs. */
  readonly webhooks: WebhookDispatcher;
  /** Resolves when every webhook delivery started so far has finished (delivered or given up). */
  webhooksSettled(): Promise<void>;
  /** Pays, expires or cancels a session as a trigger (the checkout page, the clock, the API would). */
  trigger(id: string, action: TriggerAction): TriggerResult;
  close(): Promise<void>;
}

/** The checkout page's Pay form, as text ('' when it is not one: past 1 KB, or unreadable). */
async function readForm(req: IncomingMessage): Promise<string> {
  const body = await readBody(req, 1024).catch(() => 'too-large' as const);
  return body === 'too-large' ? '' : body.toString('latin1');
}

/** A test key the sandbox accepts, made at run time (never a committed literal). */
export function sandboxTestKey(): string {
  return `xnd_development_${randomBytes(24).toString('base64url').replace(/[-_]/g, 'x')}`;
}

type Endpoint = 'create' | 'get' | 'cancel';

/**
 * Rules the editor only warns about, but the API enforces: an expiry under 10 minutes ahead (the file may be sent
 * later; the sandbox's clock is exact at the request), and a payment channel the reference does not list (the
 * editor allows for a channel newer than its list; the API answers INVALID_PAYMENT_CHANNEL to one it does not know,
 * and the sandbox's account knows exactly the listed ones).
 */
const ENFORCED_WARNINGS: ReadonlySet<string> = new Set(['rule:expiry-in-future', 'rule:known-payment-channels']);

/**
 * Also enforced: mode COMPONENT, the older page's name, which the newest public enum no longer has. The editor only
 * warns, since the file may be meant for an older integration; CARDS_SESSION_JS, which integrations still send and
 * the error docs still describe, stays accepted.
 */
function enforcedWarning(problem: Problem, request: unknown): boolean {
  if (ENFORCED_WARNINGS.has(problem.source)) return true;
  return problem.source === 'rule:older-mode-names' && (request as { mode?: unknown } | null)?.mode === 'COMPONENT';
}

export async function startSandbox(options: SandboxOptions = {}): Promise<SandboxHandle> {
  const now = options.now ?? (() => new Date());
  const store = new SandboxStore(now, options.maxSessions);
  const references = new ReferenceRegistry({ rejectActiveReferenceReuse: options.rejectActiveReferenceReuse, limit: store.maxSessions, log: (line) => log(line) });
  const log = (line: string) => options.log?.(redactText(line));
  const maxRequestBytes = options.maxRequestBytes ?? 1024 * 1024;
  const perMinute = options.rateLimit ? (typeof options.rateLimit === 'object' ? options.rateLimit.perMinute : 60) : 0;
  const windows = new Map<string, { start: number; count: number }>();
  let baseUrl = '';

  const sendJson = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'request-id': randomBytes(12).toString('hex'), ...headers });
    res.end(text);
  };
  const apiError = (res: ServerResponse, status: number, errorCode: string, message: string, errors?: unknown[], headers?: Record<string, string>) =>
    sendJson(res, status, errors ? { error_code: errorCode, message, errors } : { error_code: errorCode, message }, headers);

  /** Returns the key, or answers 401 and returns undefined. */
  const authenticate = (req: IncomingMessage, res: ServerResponse): string | undefined => {
    const header = req.headers.authorization ?? '';
    const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
    if (!match) {
      apiError(res, 401, 'INVALID_API_KEY', 'Missing or malformed Authorization header: send HTTP Basic auth with your secret key as the user name and an empty password.');
      return undefined;
    }
    const decoded = Buffer.from(match[1], 'base64').toString('utf8');
    const key = decoded.endsWith(':') ? decoded.slice(0, -1) : decoded.split(':')[0];
    if (key.startsWith('xnd_production_')) {
      apiError(res, 401, 'INVALID_API_KEY', 'The local sandbox is test-only and refuses live keys: use a test key (xnd_development_…).');
      return undefined;
    }
    if (key.startsWith('xnd_public_')) {
      apiError(res, 401, 'INVALID_API_KEY', 'Public keys can only tokenize cards and cannot use /sessions: use a secret key.');
      return undefined;
    }
    if (!/^xnd_development_\S{8,}$/.test(key)) {
      apiError(res, 401, 'INVALID_API_KEY', 'The API key is not a Xendit test secret key (xnd_development_…).');
      return undefined;
    }
    return key;
  };

  /** Counts the request against its window; answers 429 and returns undefined when over the limit. */
  const rateHeaders = (res: ServerResponse, key: string, endpoint: Endpoint): Record<string, string> | undefined => {
    if (!perMinute) return {};
    const id = `${businessIdOf(key)}:${endpoint}`;
    const t = now().getTime();
    let w = windows.get(id);
    if (!w || t - w.start >= 60_000) {
      w = { start: t, count: 0 };
      windows.set(id, w);
    }
    w.count++;
    const reset = Math.max(0, (w.start + 60_000 - t) / 1000);
    const headers = {
      'rate-limit-limit': String(perMinute),
      'rate-limit-remaining': String(Math.max(0, perMinute - w.count)),
      'rate-limit-reset': reset.toFixed(3),
    };
    if (w.count > perMinute) {
      apiError(res, 429, 'RATE_LIMIT_EXCEEDED', `Too many requests: the test-mode limit is ${perMinute} a minute for this endpoint. Try again in ${Math.ceil(reset)} s.`, undefined, headers);
      return undefined;
    }
    return headers;
  };

  const webhooks = new WebhookDispatcher({
    target: options.webhookUrl ? { url: options.webhookUrl, token: options.callbackToken } : undefined,
    retryDelaysMs: options.webhookRetryDelaysMs,
    timeoutMs: options.webhookTimeoutMs,
    maxEvents: options.maxWebhookEvents,
    now,
    log,
  });
  /** Announces a transition: every event is recorded; it is POSTed when a forward URL is set. */
  const deliver = (t: Transition) => void webhooks.emit(t.event, t.session.body);

  // Runs on a timer and before every API request: one session whose event cannot be built must neither stop the
  // process (an exception in the timer) nor answer 500 to requests about other sessions.
  const expireDue = () => {
    for (const t of store.expireDue()) {
      log(`session ${t.session.body.payment_session_id} EXPIRED`);
      try {
        deliver(t);
      } catch (err) {
        log(`could not emit the ${t.event} event of session ${t.session.body.payment_session_id}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  };

  const trigger = (session: SandboxSession | undefined, action: TriggerAction) => triggerSession(store, session, action, deliver, log);

  const handleApi = async (req: IncomingMessage, res: ServerResponse, path: string) => {
    expireDue();
    if (handleTriggerRoute(req, res, path, { authenticate, store, trigger, sendJson, apiError })) return;
    const create = req.method === 'POST' && path === '/sessions';
    const get = /^\/sessions\/([^/]+)$/.exec(path);
    const cancel = /^\/sessions\/([^/]+)\/cancel$/.exec(path);
    const endpoint: Endpoint | undefined = create ? 'create' : req.method === 'GET' && get ? 'get' : req.method === 'POST' && cancel ? 'cancel' : undefined;
    if (!endpoint) {
      req.resume();
      return apiError(res, 404, 'NOT_FOUND', `There is no ${req.method} ${path} in the Sessions API.`);
    }
    const key = authenticate(req, res);
    if (!key) return void req.resume();
    const headers = rateHeaders(res, key, endpoint);
    if (!headers) return void req.resume();
    if (endpoint === 'create') {
      const raw = await readBody(req, maxRequestBytes);
      if (raw === 'too-large') return apiError(res, 413, 'API_VALIDATION_ERROR', `The request body is larger than the sandbox accepts (${formatBytes(maxRequestBytes)}). A session request is a few KB; send fewer or shorter items.`, undefined, headers);
      let value: unknown;
      try {
        value = JSON.parse(raw.toString('utf8'));
      } catch (err) {
        return apiError(res, 400, 'API_VALIDATION_ERROR', `The request body is not valid JSON: ${err instanceof Error ? err.message : 'parse error'}.`, undefined, headers);
      }
      const result = validateSessionRequest(value, { now: now() });
      const errors = result.problems.filter((p) => p.severity === 'error' || enforcedWarning(p, value));
      if (errors.length > 0) {
        const codes = new Set(errors.map((p) => p.code));
        const code = codes.size === 1 ? [...codes][0] : 'API_VALIDATION_ERROR';
        log(`POST /sessions → 400 ${code}`);
        return apiError(
          res,
          400,
          code,
          errors.length === 1 ? errors[0].message : `The request has ${errors.length} problems; see errors.`,
          // As the live API writes them: a JSON pointer into the request, /body/items/0/name (/body for the whole body).
          errors.map((p) => ({ message: p.message, path: bodyPointer(p.path) })),
          headers,
        );
      }
      const session = references.admit(key, value as Record<string, unknown>, (request, customerId) => store.create(key, request, { checkoutBase: baseUrl, defaultExpiryMinutes: options.defaultExpiryMinutes ?? 30, customerId }));
      if ('path' in session) return apiError(res, 409, 'DUPLICATE_ERROR', session.message, [session], headers);
      for (const id of store.takeDropped()) log(`session ${id} dropped: the sandbox keeps at most ${store.maxSessions} sessions (the longest-final first)`);
      log(`POST /sessions → 201 ${session.body.payment_session_id} (${String(session.body.session_type)} ${String(session.body.currency)} ${String(session.body.amount)})`);
      return sendJson(res, 201, session.body, headers);
    }
    req.resume();
    const id = safeDecode((get ?? cancel)![1]);
    const session = store.get(key, id);
    if (!session) return apiError(res, 404, 'NOT_FOUND', `No session ${id} exists for this API key.`, undefined, headers);
    if (endpoint === 'get') {
      log(`GET /sessions/${id} → 200 ${session.body.status}`);
      return sendJson(res, 200, session.body, headers);
    }
    if (!store.cancel(session)) {
      log(`POST /sessions/${id}/cancel → 422 (${session.body.status})`);
      return apiError(res, 422, 'INVALID_SESSION_STATUS', `Session status is ${session.body.status}, expecting ACTIVE`, undefined, headers);
    }
    log(`POST /sessions/${id}/cancel → 200 CANCELED`);
    return sendJson(res, 200, session.body, headers);
  };

  const handleCheckout = async (req: IncomingMessage, res: ServerResponse, path: string) => {
    const m = /^\/checkout\/(ps-[0-9a-f]{24})(?:\/(pay|cancel))?$/.exec(path);
    // The Pay form's one field (save=1, the box a customer ticks to save the payment method); nothing else is read.
    const form = m?.[2] === 'pay' && req.method === 'POST' ? await readForm(req) : (req.resume(), '');
    expireDue();
    const session = m ? store.byId(m[1]) : undefined;
    if (!m || !session) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(renderNotFoundPage(options.checkoutLanguage));
    }
    if (m[2] && req.method === 'POST') {
      if (m[2] === 'pay') {
        const t = store.complete(session, new URLSearchParams(form).get('save') === '1');
        if (t) {
          log(`checkout: session ${m[1]} COMPLETED`);
          deliver(t);
        }
      } else if (store.cancel(session)) {
        log(`checkout: session ${m[1]} CANCELED by the customer`);
      }
      res.writeHead(303, { location: `../${m[1]}` });
      return res.end();
    }
    if (req.method !== 'GET' || m[2]) {
      res.writeHead(405, { allow: 'GET' });
      return res.end();
    }
    const nonce = randomBytes(16).toString('base64');
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': `default-src 'none'; style-src 'nonce-${nonce}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    });
    res.end(renderCheckoutPage(session, nonce, options.checkoutLanguage));
  };

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const handler = path.startsWith('/checkout/') ? handleCheckout : handleApi;
    handler(req, res, path).catch((err: unknown) => {
      log(`internal error on ${req.method} ${path}: ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent) apiError(res, 500, 'SERVER_ERROR', 'The sandbox failed to handle this request; see its log.');
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5_000;

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://${host}:${port}`;
  const timer = setInterval(expireDue, options.expiryCheckMs ?? 1_000);
  timer.unref();
  log(`sandbox listening on ${baseUrl}`);

  return {
    baseUrl,
    port,
    expireDue,
    webhooks,
    webhooksSettled: () => webhooks.settled(),
    trigger: (id, action) => trigger(store.byId(id), action),
    async close() {
      clearInterval(timer);
      webhooks.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // A request still in flight gets a moment to finish; then its connection is cut so close() never hangs.
      const cut = setTimeout(() => server.closeAllConnections(), 1_000);
      cut.unref();
      await closed;
      clearTimeout(cut);
    },
  };
}
