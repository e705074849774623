// The webview's link to the extension: the messages it posts (FromWebview, checked against the extension's own
// types) and the little it saves across a reload. What the panel shows is not saved here: after a reload the
// extension posts it again from its store of shown sessions (src/vscode/shownSessions.ts).
import type { FromWebview, ResultView } from '../vscode/resultView';

/** What the webview keeps with setState: which request's panel this is, and whether auto-refresh is on. */
export interface SavedState {
  readonly requestUri?: string;
  readonly autoRefresh?: boolean;
}

const api = acquireVsCodeApi<SavedState>();

export function post(message: FromWebview): void {
  api.postMessage(message);
}

/** The state of this panel's webview: the view drawn last and the auto-refresh toggle. */
export const panel: { view: ResultView | undefined; autoRefresh: boolean } = { view: undefined, autoRefresh: false };

export function saveState(): void {
  const requestUri = typeof panel.view?.requestUri === 'string' ? panel.view.requestUri : undefined;
  api.setState({ requestUri, autoRefresh: panel.autoRefresh });
}

/** The state saved before this webview was (re)loaded. */
export function savedState(): SavedState {
  const saved: unknown = api.getState();
  if (typeof saved !== 'object' || saved === null) return {};
  const s = saved as Record<string, unknown>;
  return { requestUri: typeof s.requestUri === 'string' ? s.requestUri : undefined, autoRefresh: s.autoRefresh === true };
}
