// What the sandbox remembers about reference ids, to answer 409 DUPLICATE_ERROR as the API does: a customer
// `reference_id` names one customer of one business, so a request that reuses it for another customer (or from
// another key) is refused; and, when asked for (off by default: the API docs leave it open), a session
// `reference_id` already used by an ACTIVE session of the same key is refused too.
import { bodyPointer } from '../sessions/jsonPath';
import { RecencyMap } from './recencyMap';
import { ownerOf, type SandboxSession } from './sandboxStore';

/** A 409 conflict; `path` is a JSON pointer into the request, as in the API's 400 errors (`/body/reference_id`). */
export interface Duplicate {
  readonly path: string;
  readonly message: string;
}

export interface ReferenceRegistryOptions {
  /** Refuse a session reference_id while an ACTIVE session of the same key has it. Default false. */
  readonly rejectActiveReferenceReuse?: boolean;
  /** How many reference ids of each kind are remembered; past it the oldest is forgotten. */
  readonly limit: number;
  readonly log?: (line: string) => void;
}

export class ReferenceRegistry {
  /** customer reference_id → the key that created it, the customer's details and its customer_id. */
  private readonly customers = new RecencyMap<{ owner: string; details: string; id: string | undefined }>();
  /** key + session reference_id → the ids of its sessions. */
  private readonly sessions = new RecencyMap<string[]>();

  /** Keeps the session ids it creates, to read their status later. */
  private readonly created = new RecencyMap<SandboxSession>();

  constructor(private readonly options: ReferenceRegistryOptions) {}

  /**
   * Creates the session with `create` unless the request conflicts with one before it; then says why, and creates
   * nothing. A customer seen before (same key, same details) is given its customer_id again, as the API's one
   * customer is.
   */
  admit(
    key: string,
    request: Record<string, unknown>,
    create: (request: Record<string, unknown>, knownCustomerId: string | undefined) => SandboxSession,
  ): SandboxSession | Duplicate {
    const customer = customerOf(request);
    const duplicate = this.check(key, request, customer, (id) => this.created.get(id)?.body.status);
    if (duplicate) {
      this.options.log?.('POST /sessions → 409 DUPLICATE_ERROR');
      return duplicate;
    }
    const session = create(request, customer ? this.customers.get(customer.referenceId)?.id : undefined);
    this.record(key, request, customer, session);
    return session;
  }

  /** The conflict a create would cause, if any; `statusOf` reads a stored session's status. */
  private check(key: string, request: Record<string, unknown>, customer: Customer | undefined, statusOf: (sessionId: string) => string | undefined): Duplicate | undefined {
    const owner = ownerOf(key);
    if (customer) {
      const known = this.customers.get(customer.referenceId);
      if (known && (known.owner !== owner || known.details !== customer.details)) {
        const whose = known.owner !== owner ? 'for another business' : 'with other details';
        return {
          path: bodyPointer(['customer', 'reference_id']),
          message: `A customer with reference_id "${customer.referenceId}" already exists ${whose}: a customer reference_id names one customer. Use a new reference_id for a new customer, or send the same customer's details.`,
        };
      }
    }
    const referenceId = request.reference_id;
    if (this.options.rejectActiveReferenceReuse && typeof referenceId === 'string') {
      const active = (this.sessions.get(`${owner}:${referenceId}`) ?? []).find((id) => statusOf(id) === 'ACTIVE');
      if (active) {
        return {
          path: bodyPointer(['reference_id']),
          message: `The ACTIVE session ${active} already has reference_id "${referenceId}": use a new reference_id (e.g. "order-{{$randomUUID}}" in the request file), or cancel that session first.`,
        };
      }
    }
    return undefined;
  }

  private record(key: string, request: Record<string, unknown>, customer: Customer | undefined, session: SandboxSession): void {
    const sessionId = session.body.payment_session_id;
    const owner = ownerOf(key);
    if (customer && !this.customers.has(customer.referenceId)) {
      const id = typeof session.body.customer_id === 'string' ? session.body.customer_id : undefined;
      remember(this.customers, customer.referenceId, { owner, details: customer.details, id }, this.options.limit);
    }
    if (typeof request.reference_id === 'string') {
      const slot = `${owner}:${request.reference_id}`;
      const ids = (this.sessions.get(slot) ?? []).filter((id) => id !== sessionId).slice(-9);
      remember(this.sessions, slot, [...ids, sessionId], this.options.limit);
      remember(this.created, sessionId, session, this.options.limit);
    }
  }
}

/** A request's customer object: its reference_id, and its details as canonical JSON. */
interface Customer {
  readonly referenceId: string;
  readonly details: string;
}

function customerOf(request: Record<string, unknown>): Customer | undefined {
  const customer = request.customer;
  if (typeof customer !== 'object' || customer === null || Array.isArray(customer)) return undefined;
  const referenceId = (customer as { reference_id?: unknown }).reference_id;
  return typeof referenceId === 'string' ? { referenceId, details: canonical(customer) } : undefined;
}

/** JSON with object keys sorted, so the same details written in another order are the same customer. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Sets `key` as the newest entry, forgetting the oldest past `limit`. */
function remember<V>(map: RecencyMap<V>, key: string, value: V, limit: number): void {
  map.set(key, value);
  while (map.size > limit) map.dropOldest();
}
