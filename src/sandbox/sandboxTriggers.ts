// Sandbox-only ways to make a session event happen without a customer or a clock: pay it (as the checkout page
// does), expire it now, or cancel it. Used in-process by the editor and, over HTTP, by `xendit-sessions trigger`
// through POST /_sandbox/sessions/{id}/{complete|expire|cancel} (the real API has no such routes). A cancel
// sends no webhook: Xendit's docs list no payment_session event for it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WebhookEventName } from '../sessions/webhookEvent';
import { safeDecode } from './httpParts';
import type { SandboxSession, SandboxStore, Transition } from './sandboxStore';

export const TRIGGER_ACTIONS = ['complete', 'expire', 'cancel'] as const;
export type TriggerAction = (typeof TRIGGER_ACTIONS)[number];

export type TriggerResult =
  | { readonly ok: true; readonly session: SandboxSession; readonly event?: WebhookEventName }
  | { readonly ok: false; readonly reason: 'not-found' | 'not-active'; readonly status?: string };

/** Applies `action` to an ACTIVE session and announces its event through `deliver`. */
export function triggerSession(store: SandboxStore, session: SandboxSession | undefined, action: TriggerAction, deliver: (t: Transition) => void, log: (line: string) => void): TriggerResult {
  if (!session) return { ok: false, reason: 'not-found' };
  const id = session.body.payment_session_id;
  if (action === 'cancel') {
    if (!store.cancel(session)) return { ok: false, reason: 'not-active', status: session.body.status };
    log(`trigger: session ${id} CANCELED (no webhook: Xendit sends none for a cancel)`);
    return { ok: true, session };
  }
  const t = action === 'complete' ? store.complete(session) : store.expireNow(session);
  if (!t) return { ok: false, reason: 'not-active', status: session.body.status };
  log(`trigger: session ${id} ${session.body.status}`);
  deliver(t);
  return { ok: true, session, event: t.event };
}

const ROUTE = /^\/_sandbox\/sessions\/([^/]+)\/(complete|expire|cancel)$/;

export interface TriggerRouteDeps {
  readonly authenticate: (req: IncomingMessage, res: ServerResponse) => string | undefined;
  readonly store: SandboxStore;
  readonly trigger: (session: SandboxSession | undefined, action: TriggerAction) => TriggerResult;
  readonly sendJson: (res: ServerResponse, status: number, body: unknown) => void;
  readonly apiError: (res: ServerResponse, status: number, errorCode: string, message: string) => void;
}

/** Answers POST /_sandbox/sessions/{id}/{action}; false when the path is not such a route. */
export function handleTriggerRoute(req: IncomingMessage, res: ServerResponse, path: string, deps: TriggerRouteDeps): boolean {
  const m = ROUTE.exec(path);
  if (!m) return false;
  req.resume();
  if (req.method !== 'POST') {
    deps.apiError(res, 404, 'NOT_FOUND', `There is no ${req.method} ${path} in the sandbox: its trigger routes take POST.`);
    return true;
  }
  const key = deps.authenticate(req, res);
  if (!key) return true;
  const id = safeDecode(m[1]);
  const result = deps.trigger(deps.store.get(key, id), m[2] as TriggerAction);
  if (result.ok) deps.sendJson(res, 200, result.session.body);
  else if (result.reason === 'not-found') deps.apiError(res, 404, 'NOT_FOUND', `No session ${id} exists for this API key.`);
  else deps.apiError(res, 422, 'INVALID_SESSION_STATUS', `Session ${id} is ${result.status}; only ACTIVE sessions can be ${m[2] === 'complete' ? 'paid' : m[2] === 'expire' ? 'expired' : 'cancelled'}.`);
  return true;
}
