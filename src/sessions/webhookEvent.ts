// The payment_session webhook as Xendit sends it: `{ event, business_id, created, data }`, where `data` is the
// session in the same model the API answers with (schema.ts). Used by the sandbox to build events, by the CLI
// and the editor to read them, and by the handler check to make samples.
import * as z from 'zod/mini';
import { Session } from './schema';

export const WEBHOOK_EVENTS = ['payment_session.completed', 'payment_session.expired'] as const;
export type WebhookEventName = (typeof WEBHOOK_EVENTS)[number];

/** The header that carries the account's callback (verification) token. */
export const CALLBACK_TOKEN_HEADER = 'x-callback-token';

export const WebhookEvent = z.looseObject({
  event: z.enum(WEBHOOK_EVENTS),
  business_id: z.string(),
  created: z.string(),
  data: Session,
});
export type WebhookEvent = z.infer<typeof WebhookEvent>;

/** The event a session's final status is announced with; a cancel announces nothing (the docs list no such event). */
export function eventForStatus(status: string): WebhookEventName | undefined {
  if (status === 'COMPLETED') return 'payment_session.completed';
  if (status === 'EXPIRED') return 'payment_session.expired';
  return undefined;
}

/**
 * The body of the webhook for `session`, checked against the Session model so the sandbox never sends what the
 * API's own model would not accept. `created` is the event's time, written as the API writes timestamps.
 */
export function webhookBody(event: WebhookEventName, session: Record<string, unknown>, created: string): WebhookEvent {
  const data = Session.parse(session);
  return { event, business_id: String(data.business_id ?? ''), created, data };
}

