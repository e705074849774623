// The sandbox's webhook side: every payment_session event it emits is recorded (bounded), and, when a forward
// target is set, POSTed there with the callback token, retried on a non-2xx answer or a network error after
// Xendit's intervals (15, 45, 120, 180, 360, 720 units; minutes at Xendit, seconds here by default). A timeout is
// not retried, as at Xendit. Each attempt is recorded and logged; the token is in neither.
import { randomBytes } from 'node:crypto';
import { delay } from '../sessions/delay';
import { keptAnswer, readAnswerHead } from '../sessions/handlerAnswer';
import { CALLBACK_TOKEN_HEADER, webhookBody, type WebhookEvent, type WebhookEventName } from '../sessions/webhookEvent';
import { apiTimestamp } from './sandboxStore';

/** Xendit's retry intervals after a failed delivery, in its minutes; the sandbox reads them as `retryUnitMs`. */
export const XENDIT_RETRY_INTERVALS = [15, 45, 120, 180, 360, 720] as const;
/** How much of a handler's answer is kept with an attempt. */
export const ANSWER_LIMIT = 500;
const DEFAULT_MAX_EVENTS = 200;

export interface WebhookTarget {
  readonly url: string;
  /** Sent as x-callback-token; never logged nor recorded. */
  readonly token?: string;
}

export interface DeliveryAttempt {
  readonly attempt: number;
  /** automatic: the first delivery and its retries; resend: asked for by the user. */
  readonly kind: 'automatic' | 'resend';
  readonly url: string;
  readonly at: string;
  readonly durationMs: number;
  readonly status?: number;
  /** The answer's body, cut to ANSWER_LIMIT characters. */
  readonly answer?: string;
  readonly error?: string;
}

export interface WebhookRecord {
  readonly id: string;
  readonly event: WebhookEventName;
  readonly sessionId: string;
  readonly referenceId: string;
  readonly status: string;
  readonly created: string;
  readonly payload: WebhookEvent;
  readonly attempts: DeliveryAttempt[];
  /** not-forwarded: no target was set when it happened. */
  outcome: 'pending' | 'delivered' | 'failed' | 'not-forwarded';
  nextAttemptAt?: string;
}

export type WebhookChange =
  | { readonly kind: 'event'; readonly record: WebhookRecord }
  | { readonly kind: 'attempt'; readonly record: WebhookRecord; readonly attempt: DeliveryAttempt }
  /** Retries ended without an attempt to announce it (forwarding was turned off while one was waiting). */
  | { readonly kind: 'stopped'; readonly record: WebhookRecord };

export interface DispatcherOptions {
  readonly target?: WebhookTarget;
  /** Waits before each retry; default XENDIT_RETRY_INTERVALS in seconds. Its length is the number of retries. */
  readonly retryDelaysMs?: readonly number[];
  readonly timeoutMs?: number;
  readonly maxEvents?: number;
  readonly now: () => Date;
  readonly log: (line: string) => void;
}

export class WebhookDispatcher {
  private target: WebhookTarget | undefined;
  private readonly records: WebhookRecord[] = [];
  private readonly listeners = new Set<(change: WebhookChange) => void>();
  private readonly running = new Set<Promise<void>>();
  private readonly closing = new AbortController();
  /** Aborted when forwarding is turned off, so retries waiting for their turn stop at once. */
  private turnedOff = new AbortController();
  /** Aborted when the events are forgotten, for the same reason. */
  private forgetting = new AbortController();
  /** Events forgotten while a delivery of theirs was out or waiting: it stops, and announces nothing more. */
  private readonly forgotten = new WeakSet<WebhookRecord>();
  /** Events whose automatic delivery is running, kept or not (the bound may have dropped one already). */
  private readonly delivering = new Set<WebhookRecord>();

  constructor(private readonly options: DispatcherOptions) {
    this.target = options.target;
  }

  setTarget(target: WebhookTarget | undefined): void {
    this.target = target;
    if (!target) {
      this.turnedOff.abort();
      this.turnedOff = new AbortController();
    }
  }

  get forwardUrl(): string | undefined {
    return this.target?.url;
  }

  /** The recorded events, newest last. */
  events(): readonly WebhookRecord[] {
    return this.records;
  }

  /**
   * Takes back events recorded before (a previous run's, kept by the editor) so they can be resent; those already
   * known are skipped, and they go before the new ones. No delivery starts: they are history.
   */
  restore(records: readonly WebhookRecord[]): void {
    const known = new Set(this.records.map((r) => r.id));
    const old = records.filter((r) => !known.has(r.id)).map((r): WebhookRecord => ({ ...r, attempts: [...r.attempts], outcome: r.outcome === 'pending' ? 'failed' : r.outcome, nextAttemptAt: undefined }));
    this.records.unshift(...old);
    const max = this.options.maxEvents ?? DEFAULT_MAX_EVENTS;
    if (this.records.length > max) this.records.splice(0, this.records.length - max);
  }

  /**
   * Forgets every recorded event, as the editor's Clear asks: their retries stop, an attempt already out is
   * neither retried nor announced, and none can be resent.
   */
  forget(): void {
    for (const record of [...this.records, ...this.delivering]) this.forgotten.add(record);
    this.records.length = 0;
    this.forgetting.abort();
    this.forgetting = new AbortController();
  }

  onChange(listener: (change: WebhookChange) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  }

  /** Records the event for `session` and, with a target, starts delivering it. */
  emit(event: WebhookEventName, session: Record<string, unknown>): WebhookRecord {
    const payload = webhookBody(event, session, apiTimestamp(this.options.now()));
    const record: WebhookRecord = {
      id: `evt-${randomBytes(12).toString('hex')}`,
      event,
      sessionId: payload.data.payment_session_id,
      referenceId: payload.data.reference_id,
      status: payload.data.status,
      created: payload.created,
      payload,
      attempts: [],
      outcome: this.target ? 'pending' : 'not-forwarded',
    };
    this.records.push(record);
    if (this.records.length > (this.options.maxEvents ?? DEFAULT_MAX_EVENTS)) this.records.shift();
    this.notify({ kind: 'event', record });
    const target = this.target;
    if (target) {
      this.delivering.add(record);
      this.track(this.deliverWithRetries(record, target).finally(() => this.delivering.delete(record)));
    }
    return record;
  }

  /** Sends a recorded event once more to the current target; undefined when the event or the target is gone. */
  async resend(id: string): Promise<DeliveryAttempt | undefined> {
    const record = this.records.find((r) => r.id === id);
    const target = this.target;
    if (!record || !target) return undefined;
    const p = this.attempt(record, target, 'resend');
    this.track(p.then(() => undefined));
    return p;
  }

  /** Resolves when every delivery started so far has finished (delivered, given up, or stopped by close). */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  close(): void {
    this.closing.abort();
  }

  private track(p: Promise<void>): void {
    this.running.add(p);
    void p.finally(() => this.running.delete(p));
  }

  private notify(change: WebhookChange): void {
    // A forgotten event announces nothing more: its view was cleared, and any change would list it again.
    if (this.forgotten.has(change.record)) return;
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch {
        // A listener's failure must not stop the delivery or the other listeners.
      }
    }
  }

  private async deliverWithRetries(record: WebhookRecord, first: WebhookTarget): Promise<void> {
    const delays = this.options.retryDelaysMs ?? XENDIT_RETRY_INTERVALS.map((m) => m * 1000);
    const total = delays.length + 1;
    const name = `webhook ${record.event} for ${record.sessionId}`;
    let target: WebhookTarget | undefined = first;
    for (let n = 1; n <= total && !this.closing.signal.aborted; n++) {
      // A retry goes where forwarding points now: a URL or token fixed after a failed attempt is used, and a URL
      // the user has since changed or removed gets no more events (nor the callback token).
      if (n > 1) target = this.target;
      if (!target) break;
      const a = await this.attempt(record, target, 'automatic', n, total, delays[n - 1]);
      if (isSuccess(a)) return;
      if (a.error?.startsWith('timed out') || n === total || this.closing.signal.aborted) break;
      if (!this.target) {
        target = undefined;
        break;
      }
      if (!this.forgotten.has(record)) await delay(delays[n - 1], AbortSignal.any([this.closing.signal, this.turnedOff.signal, this.forgetting.signal]));
      // A manual resend may have got through meanwhile: then there is nothing left to retry.
      if ((record.outcome as WebhookRecord['outcome']) === 'delivered') return;
      if (this.forgotten.has(record)) {
        this.options.log(`${name}: not retried, its event was cleared`);
        return;
      }
    }
    record.nextAttemptAt = undefined;
    if ((record.outcome as WebhookRecord['outcome']) === 'delivered') return;
    record.outcome = 'failed';
    const last = record.attempts.at(-1);
    const why = this.closing.signal.aborted
      ? 'not delivered, the sandbox closed'
      : !target
        ? 'not retried, forwarding was turned off'
        : last?.error?.startsWith('timed out') ? 'not retried after a timeout (Xendit does not retry those either)' : `gave up after ${total} attempts`;
    this.options.log(`${name}: ${why}`);
    if (!target) this.notify({ kind: 'stopped', record });
  }

  /**
   * One POST of the event; records, logs and announces the attempt, with the record's outcome (and the time of
   * the next retry, `retryInMs` from now) already as they stand after it, so a listener sees the final state.
   */
  private async attempt(record: WebhookRecord, target: WebhookTarget, kind: DeliveryAttempt['kind'], n = record.attempts.length + 1, total?: number, retryInMs?: number): Promise<DeliveryAttempt> {
    const timeoutMs = this.options.timeoutMs ?? 30_000;
    const started = performance.now();
    const at = apiTimestamp(this.options.now());
    let a: DeliveryAttempt;
    try {
      const res = await fetch(target.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(target.token ? { [CALLBACK_TOKEN_HEADER]: target.token } : {}) },
        body: JSON.stringify(record.payload),
        redirect: 'manual',
        signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), this.closing.signal]),
      });
      const { text, more } = await readAnswerHead(res);
      a = { attempt: record.attempts.length + 1, kind, url: target.url, at, durationMs: Math.round(performance.now() - started), status: res.status, answer: this.clean(text, target, more) };
    } catch (err) {
      const timedOut = err instanceof Error && err.name === 'TimeoutError';
      const message = timedOut ? `timed out after ${timeoutMs / 1000} s` : err instanceof Error ? ((err.cause as Error | undefined)?.message ?? err.message) : String(err);
      a = { attempt: record.attempts.length + 1, kind, url: target.url, at, durationMs: Math.round(performance.now() - started), error: this.clean(message, target) };
    }
    record.attempts.push(a);
    const last = kind === 'resend' || n === total || Boolean(a.error?.startsWith('timed out')) || this.closing.signal.aborted;
    // Delivered once is delivered: a failed resend, or a retry that was already out when a resend got through,
    // does not undo it (the attempt is listed with its answer).
    const undelivered = record.outcome !== 'delivered';
    if (isSuccess(a)) record.outcome = 'delivered';
    else if (undelivered && kind === 'automatic' && last) record.outcome = 'failed';
    else if (undelivered && kind === 'resend' && record.outcome !== 'pending') record.outcome = 'failed';
    record.nextAttemptAt = record.outcome === 'pending' && kind === 'automatic' && !last && retryInMs !== undefined ? apiTimestamp(new Date(this.options.now().getTime() + retryInMs)) : record.outcome === 'pending' ? record.nextAttemptAt : undefined;
    const of = total ? `attempt ${n} of ${total}` : `${kind} ${a.attempt}`;
    const name = `webhook ${record.event} for ${record.sessionId}`;
    this.options.log(isSuccess(a) ? `${name} delivered (${of}, HTTP ${a.status})` : `${name}: ${a.status !== undefined ? `HTTP ${a.status}` : a.error} (${of})`);
    this.notify({ kind: 'attempt', record, attempt: a });
    return a;
  }

  /** An answer or error as recorded: the token (should a handler echo it) removed, then cut to ANSWER_LIMIT. */
  private clean(text: string, target: WebhookTarget, more = false): string {
    return keptAnswer(text, ANSWER_LIMIT, target.token ? [target.token] : [], more);
  }
}

function isSuccess(a: DeliveryAttempt): boolean {
  return a.status !== undefined && a.status >= 200 && a.status < 300;
}
