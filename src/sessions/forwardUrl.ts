// Where webhooks may be forwarded, and with which callback token: checked by the CLI's `listen` and `sandbox`, the
// standalone sandbox and the editor's forward URL setting alike. Kept apart from webhookEvent.ts so that checking a
// URL does not load the model (zod).
import { randomBytes } from 'node:crypto';
import { isLoopbackHost } from './linkPolicy';

/** Where the command line reads a callback token when --callback-token is not given. */
export const CALLBACK_TOKEN_VARIABLE = 'XENDIT_CALLBACK_TOKEN';

/**
 * The callback token a sandbox forwarding webhooks sends: the one given, else XENDIT_CALLBACK_TOKEN, else one made
 * for this run (`made`, to be shown once). Xendit sends one with every webhook, so a handler that checks it, as
 * it should, would refuse every delivery made without one.
 */
export function chooseCallbackToken(given: string | undefined, env: NodeJS.ProcessEnv): { token: string; made: boolean } {
  const chosen = (given ?? env[CALLBACK_TOKEN_VARIABLE])?.trim();
  return chosen ? { token: chosen, made: false } : { token: randomBytes(24).toString('base64url'), made: true };
}

/** The line that shows a token made for this run, the only time it is shown. */
export function madeTokenLine(token: string): string {
  return `Callback token for this run (put it in your handler's config; it is not shown again): ${token}`;
}

/**
 * Why `raw` cannot be a webhook forward URL, or undefined when it can: https anywhere, plain http only on this
 * machine (the callback token travels with every delivery), and no user name or password in it.
 */
export function checkForwardUrl(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `"${raw}" is not a URL; give your handler's full URL, e.g. http://localhost:3000/webhooks/xendit.`;
  }
  if (url.username || url.password) return 'The forward URL must not carry a user name or password; the callback token is what authenticates a delivery.';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return undefined;
  return `The forward URL must use https (plain http only for localhost or 127.0.0.1), because the callback token travels with every delivery; got ${url.protocol}//${url.host}.`;
}
