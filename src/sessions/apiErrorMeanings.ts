// What the Sessions API's error codes mean, in words that hold in the editor and at a terminal alike. The
// codes whose advice names a command, a setting or a flag are explained by each surface itself.

export const API_ERROR_MEANINGS: Readonly<Record<string, string>> = {
  REQUEST_FORBIDDEN_ERROR: 'The key is valid but lacks permission for Sessions. In the Xendit Dashboard, give the key write access to Payment Sessions (for-user-id works only for your own sub-accounts).',
  DATA_NOT_FOUND: 'A referenced object does not exist, usually the customer_id. Create the customer first, or send a customer object instead.',
  DUPLICATE_ERROR: 'A session with this reference_id already exists. Give the request a new reference_id.',
  RATE_LIMIT_EXCEEDED: 'Too many requests in a minute (60 per endpoint in test mode). Wait until Rate-Limit-Reset has passed; nothing is retried automatically.',
  SERVER_ERROR: 'Xendit had an internal error; check status.xendit.co. A create may or may not have made a session, so look in the dashboard before sending it again.',
  MISSING_CUSTOMER: 'This kind of session needs a customer: add customer_id or a customer object.',
  INVALID_AMOUNT: 'The amount is not allowed here: SAVE sessions take 0, and IDR and VND amounts take no decimals.',
  INVALID_URL: 'A URL in the request is refused: return URLs must use https.',
  INVALID_PAYMENT_CHANNEL: 'A payment channel is unknown, or not available for this country and currency.',
  INVALID_PRIMARY_PAYMENT_CHANNEL: 'Every primary payment channel must also be listed in allowed_payment_channels.',
  DISALLOWED_CAPTURE_METHOD: 'capture_method is not allowed for SAVE sessions: remove it.',
  ITEMS_NOT_SUPPORTED: 'items are only allowed in PAY sessions.',
  INVALID_EXPIRY_DATE: 'expires_at must be a date-time at least 10 minutes in the future.',
  INVALID_CURRENCY: 'The currency is not supported for this account or country.',
  INVALID_COUNTRY: 'The country is not supported for this account.',
  INVALID_CUSTOMER_ID: 'customer_id must be cust- followed by a UUID (41 characters).',
  INVALID_METADATA: 'metadata allows at most 50 keys, keys up to 40 characters and values up to 500.',
  SESSION_TYPE_NOT_SUPPORTED: 'This session_type is not enabled for the account yet.',
  MODE_NOT_SUPPORTED: 'This mode is not enabled for the account yet.',
};

/**
 * The explanation of an API error: the surface's own words first, then the shared meaning, then the server-error
 * text for any 5xx; `otherwise` for a code nobody knows.
 */
export function explainApiErrorCode(code: string, status: number, own: Readonly<Record<string, string>>, otherwise: string): string {
  return own[code] ?? API_ERROR_MEANINGS[code] ?? (status >= 500 ? (API_ERROR_MEANINGS.SERVER_ERROR ?? otherwise) : otherwise);
}
