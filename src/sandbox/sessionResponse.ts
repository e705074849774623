// The session body the sandbox answers with, shaped like the 2026 live responses in Xendit's guides: the request's
// fields echoed, keys the request left out omitted (never `null`, and never `null` for an array), and the fields
// the API adds (ids, status, expiry, links, keys for the chosen mode and session type).
import { randomBytes, randomUUID } from 'node:crypto';
import { SessionRequest } from '../sessions/schema';

/**
 * The request keys the answer echoes: the fields the API defines, less the editor-only `$schema` and `customer`
 * (answered as `customer_id`). A key the API does not define (a typo such as `custmer_id`, or what a response body
 * saved as a request carries: its id, status and links) is not echoed: the API does not keep it, and echoed, an old
 * id or link would name another session.
 */
const ECHOED: ReadonlySet<string> = new Set(Object.keys(SessionRequest.shape).filter((key) => key !== '$schema' && key !== 'customer'));

export interface SessionResponseContext {
  readonly id: string;
  readonly created: string;
  readonly expiresAt: string;
  readonly checkoutUrl: string;
  readonly businessId: string;
  /** The customer_id a `customer` object seen before already has. */
  readonly customerId?: string;
}

export function sessionResponseBody(request: Record<string, unknown>, context: SessionResponseContext): Record<string, unknown> {
  const echoed = Object.fromEntries(Object.entries(request).filter(([key, value]) => ECHOED.has(key) && value !== null && value !== undefined));
  const customerId = typeof request.customer_id === 'string' ? request.customer_id : request.customer ? (context.customerId ?? `cust-${randomUUID()}`) : undefined;
  const mode = request.mode;
  return {
    payment_session_id: context.id,
    created: context.created,
    updated: context.created,
    ...echoed,
    ...(customerId ? { customer_id: customerId } : {}),
    locale: typeof request.locale === 'string' ? request.locale : 'en',
    expires_at: context.expiresAt,
    status: 'ACTIVE',
    payment_link_url: context.checkoutUrl,
    business_id: context.businessId,
    ...(mode === 'COMPONENTS' ? { components_sdk_key: randomBytes(24).toString('base64url') } : {}),
    ...(request.session_type === 'SUBSCRIPTION' ? { recurring_plan_id: `repl_${randomUUID()}` } : {}),
  };
}
