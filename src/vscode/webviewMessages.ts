// Checks what the result panel's webview sends back: it renders API data, so its messages and saved state are
// untrusted input. Their shapes are zod schemas (src/vscode/webviewMessageSchema.ts) in the model bundle, loaded on
// the first message or restore rather than at activation; what a well-formed message may do is isAllowedFor's call.
import { loadModel } from './engine';
import type { FromWebview, PanelAction, ResultView } from './resultView';

/**
 * Returns a fresh message holding only the known fields when `raw` is a well-formed FromWebview, otherwise
 * undefined. Extra fields are dropped rather than refused, so a newer panel script stays compatible.
 */
export function parseFromWebview(raw: unknown): FromWebview | undefined {
  const parsed = loadModel().webviewMessageSchema().safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Whether a well-formed message matches what the panel was actually given: a button the view did not offer, a
 * link other than the session's own, or a path that is not one of the error's paths is refused. A webview that
 * was tricked into posting something else cannot make the extension act beyond the result it shows.
 */
export function isAllowedFor(message: FromWebview, view: ResultView | undefined): boolean {
  if (message.type === 'ready' || message.type === 'rendered') return true;
  if (!view || !Array.isArray(view.actions)) return false;
  const offers = (action: PanelAction) => view.actions.includes(action);
  switch (message.type) {
    case 'openLink':
      return offers('openLink') && typeof view.session?.paymentLinkUrl === 'string' && message.url === view.session.paymentLinkUrl;
    case 'copy':
      if (message.what === 'link') return offers('copyLink') && typeof view.session?.paymentLinkUrl === 'string';
      if (message.what === 'id') return offers('copyId') && typeof view.session?.id === 'string';
      return offers('openBody') && view.body !== undefined;
    case 'revealPath':
      return Array.isArray(view.apiError?.errors) && view.apiError.errors.some((e) => e?.path === message.path);
    default:
      return offers(message.type);
  }
}

/** The request whose panel a webview belongs to and its auto-refresh toggle, from the state it saved (untrusted too). */
export function panelFromState(state: unknown): { requestUri: string; autoRefresh: boolean } | undefined {
  const parsed = loadModel().panelStateSchema().safeParse(state);
  return parsed.success ? { requestUri: parsed.data.requestUri, autoRefresh: parsed.data.autoRefresh === true } : undefined;
}

/**
 * The view a panel saved by an earlier version may start from: its webview saved it with setState, so it is checked
 * like a message.
 * Only the fields the extension itself reads are checked deeply; the webview renders the rest defensively.
 */
export function viewFromState(state: unknown): ResultView | undefined {
  const parsed = loadModel().restoredPanelStateSchema().safeParse(state);
  return parsed.success ? (parsed.data.view as unknown as ResultView) : undefined;
}
