// What an API error or a network failure means for someone at a terminal or reading a CI log, and what to do.
// The editor's result panel explains the same codes in its own terms (settings, commands); these name flags.

const API_ERROR_EXPLANATIONS: Record<string, string> = {
  API_VALIDATION_ERROR: 'The API rejected the request body; the lines above name each field. Run `xendit-sessions validate` on the file to see them with line numbers.',
  INVALID_API_KEY: 'The API key was refused. Set XENDIT_SECRET_KEY to a secret key from the Xendit Dashboard (Settings → API Keys) that matches --target, or use --target sandbox.',
  REQUEST_FORBIDDEN_ERROR: 'The key is valid but may not use Sessions. In the Xendit Dashboard give the key write access to Payment Sessions; --for-user-id only works for your own sub-accounts.',
  NOT_FOUND: 'No session with this id exists for this key and target. A session is only visible with the key and target that created it (for the sandbox: the same running sandbox and XENDIT_SECRET_KEY).',
  DATA_NOT_FOUND: 'A referenced object does not exist, usually the customer_id. Create the customer first, or send a customer object instead.',
  DUPLICATE_ERROR: 'A session with this reference_id already exists. Give the request a new reference_id.',
  INVALID_SESSION_STATUS: 'Only ACTIVE sessions can be cancelled, and this one has already reached a final status. `xendit-sessions get <id>` shows which.',
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

const NETWORK_HINTS: Record<string, string> = {
  timeout: 'Check the connection, or raise --timeout. A create that timed out may still have reached Xendit: look before sending it again.',
  refused: 'Nothing is listening at that address. Check --base-url; for a sandbox, check that `xendit-sessions sandbox` is still running (or leave --base-url out to start one for this command).',
  reset: 'The connection dropped. Check proxies or VPNs in between; a create may still have reached Xendit, so look before sending it again.',
  dns: 'The host name did not resolve. Check --base-url and the network or DNS; --target sandbox works offline.',
  tls: 'A proxy may be intercepting HTTPS: trust its certificate (NODE_EXTRA_CA_CERTS), or use a network without it.',
  aborted: 'The request was stopped. Nothing is retried automatically.',
  other: 'Try again; --verbose shows each request and response (redacted).',
};

export function explainApiError(code: string, status: number): string {
  return API_ERROR_EXPLANATIONS[code] ?? (status >= 500 ? (API_ERROR_EXPLANATIONS.SERVER_ERROR ?? '') : `The API answered ${status} ${code}; see the message above.`);
}

export function networkHint(kind: string): string {
  return NETWORK_HINTS[kind] ?? NETWORK_HINTS.other ?? '';
}

/**
 * The client's messages are written for the editor and name its setting; at a terminal the same advice is a flag.
 */
export function adaptClientMessage(message: string): string {
  return message.replace(/raise xendit\.requestTimeoutSeconds/g, 'raise --timeout');
}
