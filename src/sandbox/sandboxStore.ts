// The sandbox's sessions, in memory, scoped by API key, with their lifecycle:
// ACTIVE → COMPLETED (paid on the checkout page) | CANCELED | EXPIRED (expires_at passed, or expired on request).
// Expiry is scheduled (ExpiryQueue) rather than found by scanning, and the store is bounded: past `maxSessions`
// each create drops the session that became final (COMPLETED, CANCELED, EXPIRED) longest ago, or, when every
// stored session is still ACTIVE, the oldest one.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { withoutSchemaKey } from '../sessions/requestBody';
import { ExpiryQueue } from './expiryQueue';
import { RecencyMap } from './recencyMap';
import { sessionResponseBody } from './sessionResponse';

export interface SandboxSession {
  /** Hash of the key that created it: one key cannot read another's sessions. */
  readonly owner: string;
  /** The session as the API returns it. */
  readonly body: Record<string, unknown> & { payment_session_id: string; status: string; expires_at: string };
}

export type Transition = { readonly session: SandboxSession; readonly event: 'payment_session.completed' | 'payment_session.expired' };

export function ownerOf(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** A business id that stays the same for a key, like a real account's. */
export function businessIdOf(key: string): string {
  return ownerOf(`business:${key}`).slice(0, 24);
}

/** Timestamps as the API writes them: ISO 8601 in UTC to the second (`2021-12-31T23:59:59Z`). */
export function apiTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** How many sessions the sandbox keeps unless told otherwise. */
export const DEFAULT_MAX_SESSIONS = 20_000;

export class SandboxStore {
  /** Every stored session, oldest created first. */
  private readonly sessions = new RecencyMap<SandboxSession>();
  /** The ids of the final sessions, in the order they became final: the first is dropped first. */
  private readonly finals = new RecencyMap<true>();
  private readonly expiries = new ExpiryQueue();
  /** The ids dropped to stay within the bound, for the next `takeDropped()`. */
  private dropped: string[] = [];

  constructor(
    private readonly now: () => Date,
    readonly maxSessions = DEFAULT_MAX_SESSIONS,
  ) {}

  create(key: string, request: Record<string, unknown>, options: { checkoutBase: string; defaultExpiryMinutes: number; customerId?: string }): SandboxSession {
    this.makeRoom();
    const id = `ps-${randomBytes(12).toString('hex')}`;
    const created = apiTimestamp(this.now());
    const fields = withoutSchemaKey(request);
    const expiresAt = apiTimestamp(typeof fields.expires_at === 'string' ? new Date(fields.expires_at) : new Date(this.now().getTime() + options.defaultExpiryMinutes * 60_000));
    const body = sessionResponseBody(fields, {
      id,
      created,
      expiresAt,
      checkoutUrl: `${options.checkoutBase}/checkout/${id}`,
      businessId: businessIdOf(key),
      ...(options.customerId ? { customerId: options.customerId } : {}),
    }) as SandboxSession['body'];
    const session: SandboxSession = { owner: ownerOf(key), body };
    this.sessions.set(id, session);
    this.expiries.push(Date.parse(expiresAt), id);
    return session;
  }

  /** Drops sessions until one more fits: the longest-final first, else the oldest. */
  private makeRoom(): void {
    while (this.sessions.size >= this.maxSessions && this.sessions.size > 0) {
      const id = (this.finals.size > 0 ? this.finals.dropOldest() : this.sessions.oldest())!;
      this.sessions.delete(id);
      this.dropped.push(id);
    }
    // Entries for sessions no longer ACTIVE wait in the heap until due; rebuild it once they dominate.
    if (this.expiries.size > 2 * this.sessions.size + 1024) this.expiries.compact((id) => this.sessions.get(id)?.body.status === 'ACTIVE');
  }

  /** The ids of the sessions dropped to stay within `maxSessions` since the last call. */
  takeDropped(): string[] {
    const ids = this.dropped;
    this.dropped = [];
    return ids;
  }

  /** The session when it exists and belongs to this key. */
  get(key: string, id: string): SandboxSession | undefined {
    const s = this.sessions.get(id);
    return s && s.owner === ownerOf(key) ? s : undefined;
  }

  /** For the checkout page, which is reached by its unguessable link rather than a key. */
  byId(id: string): SandboxSession | undefined {
    return this.sessions.get(id);
  }

  private update(session: SandboxSession, changes: Record<string, unknown>): void {
    Object.assign(session.body, changes, { updated: apiTimestamp(this.now()) });
    const id = session.body.payment_session_id;
    if (session.body.status !== 'ACTIVE' && this.sessions.has(id) && !this.finals.has(id)) this.finals.set(id, true);
  }

  /**
   * ACTIVE → COMPLETED, with the ids a real payment or saved token would have. A PAY session saves the payment
   * method (a payment_token_id) when allow_save_payment_method is FORCED, or OPTIONAL and the customer chose to
   * (`customerSaves`, the checkout page's box).
   */
  complete(session: SandboxSession, customerSaves = false): Transition | undefined {
    if (session.body.status !== 'ACTIVE') return undefined;
    if (session.body.session_type === 'SAVE') {
      this.update(session, { status: 'COMPLETED', payment_token_id: `pt-${randomUUID()}` });
    } else {
      const changes: Record<string, unknown> = { status: 'COMPLETED', payment_request_id: `pr-${randomUUID()}`, payment_id: `py-${randomUUID()}` };
      const save = session.body.allow_save_payment_method;
      if (save === 'FORCED' || (save === 'OPTIONAL' && customerSaves)) changes.payment_token_id = `pt-${randomUUID()}`;
      this.update(session, changes);
    }
    return { session, event: 'payment_session.completed' };
  }

  /** ACTIVE → CANCELED; false when the session was not ACTIVE. */
  cancel(session: SandboxSession): boolean {
    if (session.body.status !== 'ACTIVE') return false;
    this.update(session, { status: 'CANCELED' });
    return true;
  }

  /** Moves every ACTIVE session whose expires_at has passed to EXPIRED: the due ones only, not a scan. */
  expireDue(): Transition[] {
    const now = this.now().getTime();
    const transitions: Transition[] = [];
    for (const id of this.expiries.popDue(now)) {
      const session = this.sessions.get(id);
      const t = session && this.expireIfDue(session);
      if (t) transitions.push(t);
    }
    return transitions;
  }

  /** ACTIVE → EXPIRED for this one session when its expires_at has passed. */
  expireIfDue(session: SandboxSession): Transition | undefined {
    if (session.body.status !== 'ACTIVE' || Date.parse(session.body.expires_at) > this.now().getTime()) return undefined;
    this.update(session, { status: 'EXPIRED' });
    return { session, event: 'payment_session.expired' };
  }

  /** ACTIVE → EXPIRED at once (a trigger): expires_at becomes now. */
  expireNow(session: SandboxSession): Transition | undefined {
    if (session.body.status !== 'ACTIVE') return undefined;
    this.update(session, { status: 'EXPIRED', expires_at: apiTimestamp(this.now()) });
    return { session, event: 'payment_session.expired' };
  }

  get size(): number {
    return this.sessions.size;
  }

  /** Entries in the expiry schedule, stale ones included (bounded by `makeRoom`). */
  get scheduled(): number {
    return this.expiries.size;
  }
}
