// What the embedded sandbox can be started with (startSandbox in sandboxServer.ts).
import type { CheckoutLanguage } from './checkoutText';
import type { ReferenceRegistryOptions } from './referenceRegistry';

export interface SandboxOptions extends Pick<ReferenceRegistryOptions, 'rejectActiveReferenceReuse'> {
  /** 0 (default) picks a free port. */
  readonly port?: number;
  readonly host?: '127.0.0.1' | 'localhost';
  /** When set, payment_session.completed / .expired events are POSTed here. */
  readonly webhookUrl?: string;
  /** Sent as x-callback-token with each webhook. */
  readonly callbackToken?: string;
  /** Test-mode rate limiting (60 requests a minute per endpoint and key). Off unless asked for. */
  readonly rateLimit?: boolean | { readonly perMinute: number };
  readonly defaultExpiryMinutes?: number;
  /** The sandbox's clock; tests move it to make sessions expire. */
  readonly now?: () => Date;
  readonly log?: (line: string) => void;
  /** The checkout page's language (default English); the extension passes VS Code's display language. */
  readonly checkoutLanguage?: CheckoutLanguage;
  /** Largest accepted request body; a larger one gets 413. Default 1 MB. */
  readonly maxRequestBytes?: number;
  /** The waits before each webhook retry; default Xendit's intervals read as seconds (15 s … 12 min). */
  readonly webhookRetryDelaysMs?: readonly number[];
  /** How long a delivery waits for an answer (default 30 s, as Xendit); a timeout is not retried. */
  readonly webhookTimeoutMs?: number;
  /** How many events are kept for the webhook log (default 200). */
  readonly maxWebhookEvents?: number;
  /** How often the expiry schedule is looked at in the background (a look at its earliest entry). */
  readonly expiryCheckMs?: number;
  /** How many sessions are kept; past it the longest-final (else the oldest) is dropped. Default 20,000. */
  readonly maxSessions?: number;
}
