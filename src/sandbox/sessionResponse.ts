// The session body the sandbox answers with, shaped like the 2026 live responses in Xendit's guides: the request's
// fields echoed, keys the request left out omitted (never `null`, and never `null` for an array), and the fields
// the API adds (ids, status, expiry, links, keys for the chosen mode and session type).
import { randomBytes, randomUUID } from 'node:crypto';

/**
 * Request keys the answer never echoes: editor-only, turned into something else (`customer` into `customer_id`),
 * or what the API alone sets. A response body saved as a request carries the last session's id, status and links:
 * echoed, they would name another session (or an id that answers 404) and break the webhook built from it.
 */
const NOT_ECHOED: ReadonlySet<string> = new Set([
  '$schema',
  'customer',
  'payment_session_id',
  'created',
  'updated',
  'status',
  'payment_link_url',
  'payment_token_id',
  'payment_id',
  'payment_request_id',
  'business_id',
  'components_sdk_key',
  'recurring_plan_id',
]);

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
  const echoed = Object.fromEntries(Object.entries(request).filter(([key, value]) => !NOT_ECHOED.has(key) && value !== null && value !== undefined));
  const customerId = typeof request.customer_id === 'string' ? request.customer_id : request.customer ? (context.customerId ?? `cust-${randomUUID()}`) : undefined;
  const plc = request.payment_link_configuration as { allowed_payment_channels?: unknown } | undefined;
  // The older page's place for the list is echoed where the API answers it, at the top level.
  const allowed = request.allowed_payment_channels ?? plc?.allowed_payment_channels;
  const mode = request.mode;
  return {
    payment_session_id: context.id,
    created: context.created,
    updated: context.created,
    ...echoed,
    ...(customerId ? { customer_id: customerId } : {}),
    ...(Array.isArray(allowed) ? { allowed_payment_channels: allowed } : {}),
    locale: typeof request.locale === 'string' ? request.locale : 'en',
    expires_at: context.expiresAt,
    status: 'ACTIVE',
    payment_link_url: context.checkoutUrl,
    business_id: context.businessId,
    ...(mode === 'COMPONENTS' || mode === 'COMPONENT' ? { components_sdk_key: randomBytes(24).toString('base64url') } : {}),
    ...(request.session_type === 'SUBSCRIPTION' ? { recurring_plan_id: `repl-${randomUUID()}` } : {}),
  };
}
