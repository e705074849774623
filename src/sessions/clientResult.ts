// What a SessionsClient call resolves to: the request as sent, the response's parts, timings, and the outcome.
// Types only, shared by the client, the response reader and everything that shows a result.
import type { NetworkErrorKind } from './networkErrors';
import type { Phrase } from './phrase';
import type { Session } from './schema';

export type Operation = 'create' | 'get' | 'cancel';

/** The request as sent, safe to show and to build "Copy as cURL" from: the Authorization value is redacted. */
export interface SentRequest {
  readonly operation: Operation;
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly headers: readonly (readonly [string, string])[];
  readonly body?: string;
  readonly sentAt: string;
}

export interface RateLimit {
  readonly limit?: number;
  readonly remaining?: number;
  /** Seconds until the window resets (may be fractional). */
  readonly resetSeconds?: number;
}

export interface ReceivedResponse {
  readonly status: number;
  readonly statusText: string;
  readonly contentType?: string;
  /** The headers that matter: request id, Rate-Limit-* and Location. */
  readonly headers: readonly (readonly [string, string])[];
  readonly requestId?: string;
  readonly rateLimit?: RateLimit;
}

export interface Timings {
  /** Sending to the response headers. */
  readonly ttfbMs?: number;
  /** Sending to the end of the body (or the failure). */
  readonly totalMs: number;
}

export interface ApiErrorEntry {
  readonly path?: string;
  readonly message: string;
}

interface Exchange {
  readonly request: SentRequest;
  readonly timings: Timings;
}

interface Answered extends Exchange {
  readonly response: ReceivedResponse;
}

export type SessionsResult =
  | (Answered & { readonly kind: 'session'; readonly session: Session; readonly body: unknown })
  | (Answered & {
      readonly kind: 'apiError';
      readonly error: { readonly errorCode: string; readonly message: string; readonly errors: readonly ApiErrorEntry[] };
      readonly body: unknown;
    })
  | (Answered & {
      readonly kind: 'unexpectedResponse';
      /** Why the body could not be used, in words (English), and the same as phrases for the editor's language. */
      readonly reason: string;
      readonly reasonSays?: readonly Phrase[];
      /** The first bytes of the body as text (at most 2 KB). */
      readonly firstBytes: string;
      readonly body?: unknown;
    })
  | (Exchange & {
      readonly kind: 'networkError';
      /**
       * `message` in English, `says` the same as phrases for the editor's language. `viaProxy`: the proxy is what
       * failed (its message names it, and where it was set); the server was not reached.
       */
      readonly error: { readonly kind: NetworkErrorKind; readonly message: string; readonly says?: readonly Phrase[]; readonly viaProxy?: true };
    });
