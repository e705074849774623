// Where webhooks may be forwarded: checked by the CLI's `listen` and the editor's forward URL setting alike.
// Kept apart from webhookEvent.ts so that checking a URL does not load the model (zod).
import { isLoopbackHost } from './linkPolicy';

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
