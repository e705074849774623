// The handler check: sends a sample of each payment_session event to the developer's webhook handler, once with the
// right callback token, once with a wrong one and once with none, and says whether the handler accepted the first
// (2xx) and refused the others (anything else): a handler that only compares a token when one is sent passes
// forged events. Each request is sent once, never retried. The token is in no result.
import { randomBytes } from 'node:crypto';
import { keptAnswer, readAnswerHead } from './handlerAnswer';
import { CALLBACK_TOKEN_HEADER, WEBHOOK_EVENTS, webhookBody, type WebhookEvent, type WebhookEventName } from './webhookEvent';

export interface HandlerProbe {
  readonly event: WebhookEventName;
  /** The x-callback-token this request carried: the right one, a wrong one, or none at all. */
  readonly token: 'right' | 'wrong' | 'none';
  readonly status?: number;
  /** The start of the handler's answer (at most 200 characters), with the token removed should it be echoed. */
  readonly answer?: string;
  readonly error?: string;
  /** A right-token request answered 2xx, or another one answered otherwise (an error counts as not passed). */
  readonly passed: boolean;
}

export interface HandlerCheckResult {
  readonly url: string;
  readonly probes: readonly HandlerProbe[];
  readonly passed: boolean;
  /** The check was cancelled: `probes` holds the answers that came before, and it did not pass. */
  readonly stopped?: true;
}

/** A session in the shape the API answers with, for sample events; ids are made up for each check. */
export function sampleSession(event: WebhookEventName, now: Date): Record<string, unknown> {
  const stamp = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const hex = randomBytes(12).toString('hex');
  const completed = event === 'payment_session.completed';
  return {
    payment_session_id: `ps-${hex}`,
    created: stamp,
    updated: stamp,
    reference_id: `handler-check-${hex.slice(0, 8)}`,
    session_type: 'PAY',
    currency: 'IDR',
    amount: 10000,
    country: 'ID',
    mode: 'PAYMENT_LINK',
    locale: 'en',
    expires_at: stamp,
    status: completed ? 'COMPLETED' : 'EXPIRED',
    business_id: `sample-business-${hex.slice(0, 8)}`,
    ...(completed ? { payment_request_id: `pr-${hex}`, payment_id: `py-${hex}` } : {}),
  };
}

/** The sample body of `event`, as webhookEvent.ts builds the sandbox's own. */
export function sampleEvent(event: WebhookEventName, now = new Date()): WebhookEvent {
  return webhookBody(event, sampleSession(event, now), now.toISOString().replace(/\.\d{3}Z$/, 'Z'));
}

/** A token that is surely not `token`. */
export function wrongToken(token: string): string {
  for (;;) {
    const other = randomBytes(24).toString('base64url');
    if (other !== token) return other;
  }
}

/**
 * Sends the six probes one after the other (each at most `timeoutMs`) and judges each answer. `signal` stops the
 * check: the probe out is abandoned and no other is sent.
 */
export async function checkHandler(url: string, token: string, options: { timeoutMs?: number; now?: () => Date; signal?: AbortSignal } = {}): Promise<HandlerCheckResult> {
  const probes: HandlerProbe[] = [];
  const wrong = wrongToken(token);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const clean = (text: string, more = false) => keptAnswer(text, 200, [token, wrong], more);
  const stopped = (): HandlerCheckResult => ({ url, probes, passed: false, stopped: true });
  for (const event of WEBHOOK_EVENTS) {
    for (const sent of ['right', 'wrong', 'none'] as const) {
      if (options.signal?.aborted) return stopped();
      const body = JSON.stringify(sampleEvent(event, options.now?.() ?? new Date()));
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (sent !== 'none') headers[CALLBACK_TOKEN_HEADER] = sent === 'right' ? token : wrong;
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers,
          body,
          redirect: 'manual',
          signal: options.signal ? AbortSignal.any([AbortSignal.timeout(timeoutMs), options.signal]) : AbortSignal.timeout(timeoutMs),
        });
        const head = await readAnswerHead(res);
        const answer = clean(head.text, head.more);
        const ok = res.status >= 200 && res.status < 300;
        probes.push({ event, token: sent, status: res.status, answer, passed: sent === 'right' ? ok : !ok });
      } catch (err) {
        if (options.signal?.aborted) return stopped();
        const message =
          err instanceof Error ? (err.name === 'TimeoutError' ? `timed out after ${timeoutMs / 1000} s` : ((err.cause as Error | undefined)?.message ?? err.message)) : String(err);
        probes.push({ event, token: sent, error: clean(message), passed: false });
      }
    }
  }
  return { url, probes, passed: probes.every((p) => p.passed) };
}
