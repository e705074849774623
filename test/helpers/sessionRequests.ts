// Requests the session tests build on: the smallest valid PAY request, and a fixed clock for expires_at.
import type { SessionRequest } from '../../src/sessions/schema';

export const minimalPay = {
  reference_id: 'order-1',
  session_type: 'PAY',
  currency: 'IDR',
  amount: 10000,
  mode: 'PAYMENT_LINK',
  country: 'ID',
} as const satisfies SessionRequest;

export const customerId = 'cust-e2878b4c-d57e-4a2c-922d-c0313c2800a3';

/** "Now" for every test that compares with expires_at. */
export const testNow = new Date('2030-01-01T00:00:00Z');

/** The smallest SUBSCRIPTION request the newest docs accept: a customer and a monthly schedule after testNow. */
export const minimalSubscription = {
  reference_id: 'plan-1',
  session_type: 'SUBSCRIPTION',
  currency: 'IDR',
  amount: 50000,
  mode: 'PAYMENT_LINK',
  country: 'ID',
  customer_id: customerId,
  subscription: { schedule: { anchor_date: '2030-02-01T00:00:00Z', interval: 'MONTH', interval_count: 1 } },
} as const satisfies SessionRequest;

/** A PAY request whose reference id, amount, expiry and description are placeholders, as a user's file holds them. */
export function placeholderPay(prefix: string, description = 'Sent at {{$timestamp}}') {
  return {
    reference_id: `${prefix}-{{$randomUUID}}`,
    session_type: 'PAY',
    currency: 'IDR',
    amount: '{{$randomInt 1000 50000}}',
    mode: 'PAYMENT_LINK',
    country: 'ID',
    expires_at: '{{$isoTimestamp +1d}}',
    description,
  };
}

/** A version 4 UUID, as $randomUUID and $guid give. */
export const UUID_PATTERN = '[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}';

/** One valid item: a shirt at 10 000. */
export const shirtItem = { reference_id: 'sku-1', type: 'PHYSICAL_PRODUCT' as const, name: 'Shirt', category: 'CLOTHES', net_unit_amount: 10000, quantity: 1 };

/** Metadata with `keys` keys of `keyLength` characters, each with a value of `valueLength` characters. */
export function metadataWith(keys: number, keyLength = 5, valueLength = 5): Record<string, string> {
  return Object.fromEntries(Array.from({ length: keys }, (_, index) => [`${index}`.padStart(keyLength, 'k'), 'v'.repeat(valueLength)]));
}
