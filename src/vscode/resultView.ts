// What the result panel shows, as plain data: built by the shell from a client outcome, posted to the webview,
// kept in the webview's state and rendered there as text only.

export type TargetKind = 'sandbox' | 'test' | 'live';
export type SessionStatus = 'ACTIVE' | 'COMPLETED' | 'EXPIRED' | 'CANCELED';

export interface ResultView {
  /** Identifies the panel: the request document's URI (one panel per request file). */
  readonly requestUri: string;
  /** The request file's name, for the panel title ("payment-link-save.session.json"). */
  readonly requestLabel: string;
  readonly target: { readonly kind: TargetKind; readonly label: string; readonly baseUrl: string };
  /** What was done: create, refresh (get) or cancel. */
  readonly operation: 'create' | 'get' | 'cancel';
  /** ISO time the request was sent. */
  readonly sentAt: string;
  readonly outcome: 'session' | 'apiError' | 'unexpectedResponse' | 'networkError';
  /** HTTP status line, absent for a network error. */
  readonly http?: { readonly status: number; readonly statusText: string };
  /** Milliseconds; absent when nothing came back. */
  readonly timings?: { readonly ttfbMs?: number; readonly totalMs: number };
  readonly session?: {
    readonly id: string;
    readonly status: SessionStatus | string;
    readonly referenceId?: string;
    readonly sessionType?: string;
    readonly mode?: string;
    readonly amount?: number;
    readonly currency?: string;
    readonly paymentLinkUrl?: string | null;
    readonly expiresAt?: string;
    readonly created?: string;
    readonly updated?: string;
    readonly paymentRequestId?: string | null;
    readonly paymentTokenId?: string | null;
  };
  readonly apiError?: {
    readonly errorCode: string;
    readonly message: string;
    /** Each entry of the API's errors[]; `path` in the request JSON when the API gave one (e.g. "items[0].name"). */
    readonly errors: readonly { readonly path?: string; readonly message: string }[];
    /** A plain-words explanation and what to do next. */
    readonly explanation: string;
  };
  readonly networkError?: {
    readonly kind: string;
    readonly message: string;
    /** What to try next. */
    readonly hint: string;
  };
  readonly unexpectedResponse?: {
    readonly reason: string;
    readonly contentType?: string;
    /** The first bytes of the body, as text. */
    readonly firstBytes: string;
  };
  /** Response headers that matter (request id, Rate-Limit-*, Location), as sent by the server. */
  readonly headers: readonly (readonly [string, string])[];
  /** Headers the request carried that change its meaning (for-user-id, with-split-rule). */
  readonly requestOptions: readonly (readonly [string, string])[];
  /** The parsed JSON body, for the tree view; absent when the body was not JSON. */
  readonly body?: unknown;
  /** Set on a view restored after a reload whose body was too large to keep: the panel says so and offers Refresh. */
  readonly bodyOmitted?: boolean;
  /** The buttons the extension handles for this result; the panel shows only these. */
  readonly actions: readonly PanelAction[];
}

export type PanelAction =
  | 'openLink' | 'copyLink' | 'copyId' | 'openBody' | 'refresh' | 'cancelSession' | 'autoRefresh' | 'copyAsCurl' | 'copyAsCode' | 'showRequest'
  // An ACTIVE sandbox session only: pay it, or expire it now (each emits its webhook, as on the checkout page).
  | 'paySandbox' | 'expireSandbox';

/** Messages from the extension to the webview. */
export type ToWebview =
  /** `seq` numbers each result posted to a panel, so the webview's `rendered` can say which one it drew. */
  | { readonly type: 'result'; readonly view: ResultView; readonly seq?: number }
  | { readonly type: 'busy'; readonly operation: 'create' | 'get' | 'cancel' }
  | { readonly type: 'notice'; readonly level: 'info' | 'error'; readonly text: string };

/**
 * Messages from the webview to the extension. They are untrusted input: the extension validates each one
 * (shape and values) and ignores anything else.
 */
export type FromWebview =
  | { readonly type: 'ready' }
  | { readonly type: 'rendered'; readonly outcome: ResultView['outcome']; readonly status?: string; readonly firstPaintMs: number; readonly seq?: number }
  | { readonly type: 'openLink'; readonly url: string }
  | { readonly type: 'copy'; readonly what: 'link' | 'id' | 'body' }
  | { readonly type: 'openBody' }
  | { readonly type: 'revealPath'; readonly path: string }
  | { readonly type: 'refresh' }
  | { readonly type: 'cancelSession' }
  | { readonly type: 'autoRefresh'; readonly on: boolean }
  | { readonly type: 'copyAsCurl' }
  | { readonly type: 'copyAsCode' }
  | { readonly type: 'showRequest' }
  | { readonly type: 'paySandbox' }
  | { readonly type: 'expireSandbox' };
