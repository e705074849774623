// What an API error or a network failure means for someone at a terminal or reading a CI log, and what to do.
// The codes that mean the same everywhere are explained in src/sessions/apiErrorMeanings.ts; these name flags.

import { apiErrorMeaning } from '../sessions/apiErrorMeanings';
import { say } from '../sessions/phrase';

/** Advice that names the CLI's flags and commands; the other codes mean the same everywhere. */
const API_ERROR_ADVICE: Record<string, string> = {
  API_VALIDATION_ERROR: 'The API rejected the request body; the lines above name each field. Run `xendit-sessions validate` on the file to see them with line numbers.',
  INVALID_API_KEY: 'The API key was refused. Set XENDIT_SECRET_KEY to a secret key from the Xendit Dashboard (Settings → API Keys) that matches --target, or use --target sandbox.',
  NOT_FOUND: 'No session with this id exists for this key and target. A session is only visible with the key and target that created it (for the sandbox: the same running sandbox and XENDIT_SECRET_KEY).',
  INVALID_SESSION_STATUS: 'Only ACTIVE sessions can be cancelled, and this one has already reached a final status. `xendit-sessions get <id>` shows which.',
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
  const meaning = apiErrorMeaning(code, status);
  return API_ERROR_ADVICE[code] ?? (meaning ? say(meaning) : `The API answered ${status} ${code}; see the message above.`);
}

/** The proxy's own failures: the message says which proxy, where it was set and what to check. */
const PROXY_HINT = 'The proxy comes from HTTPS_PROXY or HTTP_PROXY (lower case too); hosts listed in NO_PROXY are reached directly.';

export function networkHint(error: { readonly kind: string; readonly viaProxy?: true }): string {
  if (error.viaProxy) return PROXY_HINT;
  return NETWORK_HINTS[error.kind] ?? NETWORK_HINTS.other ?? '';
}

