// Turns a client outcome into the panel's ResultView: plain data, with errors explained in words, said in the language
// of the `say` it is given (the editor's display language; English by default, as in the unit tests).
import { apiErrorMeaning } from '../sessions/apiErrorMeanings';
import { inEnglish, type Phrase, phrase, type Say, say } from '../sessions/phrase';
import type { NetworkErrorKind, SessionsResult } from '../sessions/client';
import type { PanelAction, ResultView, TargetKind } from './resultView';

/** Advice that names the editor's commands and the panel; the other codes mean the same everywhere. */
const API_ERROR_ADVICE: Record<string, Phrase> = {
  API_VALIDATION_ERROR: phrase('The API rejected the request body. Each entry below names the field; click one to jump to it in the request.'),
  INVALID_API_KEY: phrase('The API key was refused. Run "Xendit: Set API Key" with a secret key from the Xendit Dashboard (Settings → API Keys), or pick the Sandbox target.'),
  NOT_FOUND: phrase('No session with this id exists for this key and target. Sessions created with another key or on another target are not visible here.'),
  INVALID_SESSION_STATUS: phrase('Only ACTIVE sessions can be cancelled; this one has already reached a final status.'),
};

const NETWORK_HINTS: Record<NetworkErrorKind, Phrase> = {
  timeout: phrase('Check your connection, or raise xendit.requestTimeoutSeconds. A create that timed out may still have reached Xendit: look before sending again.'),
  refused: phrase('Nothing is listening at that address. For the Xendit targets check xendit.apiBaseUrl; the Sandbox target starts its own server.'),
  reset: phrase('The connection dropped. Check proxies or VPNs in between; a create may still have reached Xendit, so look before sending again.'),
  dns: phrase('The host name did not resolve. Check xendit.apiBaseUrl and your network or DNS; the Sandbox target works offline.'),
  tls: phrase('A proxy may be intercepting HTTPS. Trust its certificate in your system, or use a network without it.'),
  aborted: phrase('You cancelled the request. Nothing is retried automatically.'),
  other: phrase('Try again; if it keeps failing, the log ("Xendit: Show Log") has details.'),
};

/** The proxy's own failures: the message already names the proxy, where it was set, and what to check. */
const PROXY_HINT = phrase("The proxy comes from VS Code's http.proxy setting or the HTTPS_PROXY / HTTP_PROXY variables; hosts in http.noProxy or NO_PROXY are reached directly.");

export function explainApiError(code: string, status: number): Phrase {
  return API_ERROR_ADVICE[code] ?? apiErrorMeaning(code, status) ?? phrase('The API answered {0} {1}. See the message and errors below.', status, code);
}

export interface BuildContext {
  readonly requestUri: string;
  readonly requestLabel: string;
  readonly target: { readonly kind: TargetKind; readonly label: string; readonly baseUrl: string };
  /** The session this panel is about, when one was created: an error then still offers Refresh. */
  readonly sessionId?: string;
  /** The session's status as last seen, to explain a refused cancel in words. */
  readonly lastStatus?: string;
}

export function buildResultView(result: SessionsResult, ctx: BuildContext, how: Say = inEnglish): ResultView {
  const requestOptions = result.request.headers.filter(([k]) => k === 'for-user-id' || k === 'with-split-rule');
  const base = {
    requestUri: ctx.requestUri,
    requestLabel: ctx.requestLabel,
    target: ctx.target,
    operation: result.request.operation,
    sentAt: result.request.sentAt,
    outcome: result.kind,
    timings: result.timings,
    requestOptions,
  };
  const always: PanelAction[] = ['showRequest', 'copyAsCurl', 'copyAsCode'];
  switch (result.kind) {
    case 'session': {
      const s = result.session;
      const actions: PanelAction[] = ['copyId', 'openBody', 'refresh', ...always];
      if (s.payment_link_url) actions.unshift('openLink', 'copyLink');
      if (s.status === 'ACTIVE') actions.push('cancelSession', 'autoRefresh');
      if (s.status === 'ACTIVE' && ctx.target.kind === 'sandbox') actions.push('paySandbox', 'expireSandbox');
      return {
        ...base,
        http: { status: result.response.status, statusText: result.response.statusText },
        headers: result.response.headers,
        body: result.body,
        actions,
        session: {
          id: s.payment_session_id,
          status: s.status,
          referenceId: s.reference_id,
          sessionType: s.session_type,
          mode: s.mode,
          amount: s.amount,
          currency: s.currency,
          paymentLinkUrl: s.payment_link_url ?? null,
          expiresAt: s.expires_at,
          created: s.created,
          updated: s.updated,
          paymentRequestId: s.payment_request_id ?? null,
          paymentTokenId: s.payment_token_id ?? null,
        },
      };
    }
    case 'apiError': {
      const refusedCancel = result.error.errorCode === 'INVALID_SESSION_STATUS' && ctx.lastStatus;
      return {
        ...base,
        http: { status: result.response.status, statusText: result.response.statusText },
        headers: result.response.headers,
        body: result.body,
        actions: ctx.sessionId ? ['refresh', 'openBody', ...always] : ['openBody', ...always],
        apiError: {
          errorCode: result.error.errorCode,
          message: result.error.message,
          errors: result.error.errors,
          explanation: say(
            refusedCancel
              ? phrase('This session is {0}; only ACTIVE sessions can be cancelled.', refusedCancel)
              : explainApiError(result.error.errorCode, result.response.status),
            how,
          ),
        },
      };
    }
    case 'unexpectedResponse':
      return {
        ...base,
        http: { status: result.response.status, statusText: result.response.statusText },
        headers: result.response.headers,
        body: result.body,
        actions: result.body === undefined ? always : ['openBody', ...always],
        unexpectedResponse: { reason: result.reasonSays ? say(result.reasonSays, how) : result.reason, contentType: result.response.contentType, firstBytes: result.firstBytes },
      };
    case 'networkError':
      return {
        ...base,
        headers: [],
        actions: ctx.sessionId ? ['refresh', ...always] : always,
        networkError: {
          kind: result.error.kind,
          message: result.error.says ? say(result.error.says, how) : result.error.message,
          hint: say(result.error.viaProxy ? PROXY_HINT : NETWORK_HINTS[result.error.kind], how),
        },
      };
  }
}
