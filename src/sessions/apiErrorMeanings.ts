// What the Sessions API's error codes mean, in words that hold in the editor and at a terminal alike. The
// codes whose advice names a command, a setting or a flag are explained by each surface itself.

import { type Phrase, phrase } from './phrase';

export const API_ERROR_MEANINGS: Readonly<Record<string, Phrase>> = {
  REQUEST_FORBIDDEN_ERROR: phrase('The key is valid but lacks permission for Sessions. In the Xendit Dashboard, give the key write access to Payment Sessions (for-user-id works only for your own sub-accounts).'),
  DATA_NOT_FOUND: phrase('A referenced object does not exist, usually the customer_id. Create the customer first, or send a customer object instead.'),
  DUPLICATE_ERROR: phrase('A reference_id is already taken, usually customer.reference_id: another business uses it, or it was sent before with other details. Give the customer a new reference_id, or send its customer_id instead.'),
  RATE_LIMIT_EXCEEDED: phrase('Too many requests in a minute (60 per endpoint in test mode). Wait until Rate-Limit-Reset has passed; nothing is retried automatically.'),
  SERVER_ERROR: phrase('Xendit had an internal error; check status.xendit.co. A create may or may not have made a session, so look in the dashboard before sending it again.'),
  MISSING_CUSTOMER: phrase('This kind of session needs a customer: add customer_id or a customer object.'),
  INVALID_AMOUNT: phrase('The amount is not allowed here: SAVE sessions take 0, PAY and SUBSCRIPTION more than 0, and the decimals must suit the currency (none for IDR and VND, at most two for the others).'),
  INVALID_URL: phrase('A URL in the request is refused: return URLs must use https.'),
  INVALID_PAYMENT_CHANNEL: phrase('A payment channel is unknown, or not available for this country and currency.'),
  INVALID_PRIMARY_PAYMENT_CHANNEL: phrase('Every primary payment channel must also be listed in allowed_payment_channels.'),
  DISALLOWED_CAPTURE_METHOD: phrase('capture_method is not allowed for SAVE and SUBSCRIPTION sessions: remove it.'),
  ITEMS_NOT_SUPPORTED: phrase('items are only allowed in PAY sessions.'),
  INVALID_EXPIRY_DATE: phrase('expires_at must be a date-time at least 10 minutes in the future.'),
  INVALID_CURRENCY: phrase('The currency is not supported for this account or country.'),
  INVALID_COUNTRY: phrase('The country is not supported for this account.'),
  INVALID_CUSTOMER_ID: phrase('customer_id must be cust- followed by a UUID (41 characters).'),
  INVALID_METADATA: phrase('metadata is over a limit. The error docs allow 20 keys and string values up to 80 characters (the schema says 50 keys, keys up to 40 characters and values up to 500): stay under the lower ones.'),
  INVALID_ITEM_METADATA: phrase("An item's metadata is over a limit: use at most 20 keys, and string values of at most 80 characters."),
  SESSION_TYPE_NOT_SUPPORTED: phrase('This session_type is not supported: AUTHORIZATION is refused for now. For an authorization to capture later, send PAY with capture_method MANUAL.'),
  MODE_NOT_SUPPORTED: phrase('This mode is not enabled for the account yet.'),
};

/** What an API error means wherever it is shown: the code's meaning, or for any other 5xx the server-error one. */
export function apiErrorMeaning(code: string, status: number): Phrase | undefined {
  return API_ERROR_MEANINGS[code] ?? (status >= 500 ? API_ERROR_MEANINGS.SERVER_ERROR : undefined);
}
