// The result panels: one webview per request file, fed by postMessage after a ready handshake, restored after a
// reload with what the store of shown sessions kept (the handlers' restore). It renders nothing itself; the webview
// script (src/webview/, built to media/panel.js) draws the ResultView.
import * as vscode from 'vscode';
import { labelFromUri, titleFor } from './panelPage';
import type { ResultView, ToWebview } from './resultView';
import { ResultPanel, BUSY_DELAY_MS, type Operation, type PanelHandlers, type RenderedInfo, type Waiter } from './resultPanelWebview';
import { viewFromState } from './webviewMessages';

export { BUSY_DELAY_MS, ResultPanel, type PanelHandlers, type RenderedInfo };

export const RESULT_VIEW_TYPE = 'xendit.sessionResult';

/** Opens, updates and restores result panels, one per request file. */
export class ResultPanelManager implements vscode.Disposable, vscode.WebviewPanelSerializer<unknown> {
  private readonly panels = new Map<string, ResultPanel>();
  private readonly mediaRoot: vscode.Uri;
  private readonly iconPath: vscode.Uri;
  /** whenRendered calls made before the panel existed, keyed by request URI. */
  private readonly early = new Map<string, Waiter[]>();
  private readonly closed = new vscode.EventEmitter<string>();
  /** Fires with the request URI when its panel is closed (by the user, or when the extension stops). */
  readonly onDidClose = this.closed.event;

  constructor(
    extensionUri: vscode.Uri,
    private readonly handlers: PanelHandlers,
  ) {
    this.mediaRoot = vscode.Uri.joinPath(extensionUri, 'media');
    this.iconPath = vscode.Uri.joinPath(this.mediaRoot, 'icon.png');
  }

  /** Registers the serializer that brings panels back after a window reload (needs the onWebviewPanel activation event). */
  register(): vscode.Disposable {
    return vscode.window.registerWebviewPanelSerializer(RESULT_VIEW_TYPE, this);
  }

  /**
   * Shows a result in its request's panel: creates it beside the editor, or updates and reveals the existing
   * one. Focus stays in the editor by default so the request can be edited and sent again at once. With `reveal`
   * false (auto-refresh's polls), a panel behind another tab is updated where it is.
   */
  async show(view: ResultView, options?: { preserveFocus?: boolean; reveal?: boolean }): Promise<void> {
    const preserveFocus = options?.preserveFocus ?? true;
    const existing = this.panels.get(view.requestUri);
    const entry = existing ?? this.create(view.requestUri, view.requestLabel, preserveFocus);
    const posted = entry.setResult(view);
    if (existing && options?.reveal !== false && (!existing.panel.visible || !preserveFocus)) existing.panel.reveal(existing.panel.viewColumn, preserveFocus);
    await posted;
  }

  /**
   * Shows "Creating session…" and the like: opens the panel at once when the request has none yet; a panel that
   * shows a result keeps it for BUSY_DELAY_MS first.
   */
  async showBusy(requestUri: string, operation: Operation, options?: { preserveFocus?: boolean }): Promise<void> {
    const existing = this.panels.get(requestUri);
    if (existing) return existing.setBusy(operation, existing.view ? BUSY_DELAY_MS : 0);
    await this.create(requestUri, labelFromUri(requestUri), options?.preserveFocus ?? true).setBusy(operation);
  }

  /** A short message in the panel's live region. Returns false when the request has no panel. */
  async notice(requestUri: string, level: 'info' | 'error', text: string): Promise<boolean> {
    const entry = this.panels.get(requestUri);
    if (!entry) return false;
    await entry.notice(level, text);
    return true;
  }

  get(requestUri: string): ResultPanel | undefined {
    return this.panels.get(requestUri);
  }

  /** Every open panel's request URI. */
  requestUris(): string[] {
    return [...this.panels.keys()];
  }

  lastPosted(requestUri: string): ToWebview | undefined {
    return this.panels.get(requestUri)?.lastPosted;
  }

  /** The HTML the panel was given (tests check its CSP and that no result data is in it). */
  htmlOf(requestUri: string): string | undefined {
    return this.panels.get(requestUri)?.panel.webview.html;
  }

  /**
   * Resolves when the webview reports it has drawn the latest result posted for this request (at once if it
   * already has). Waits for the panel if it does not exist yet; rejects if the panel closes first.
   */
  whenRendered(requestUri: string): Promise<RenderedInfo> {
    const entry = this.panels.get(requestUri);
    if (entry) return entry.whenRendered();
    return new Promise((resolve, reject) => {
      const list = this.early.get(requestUri) ?? [];
      list.push({ resolve, reject });
      this.early.set(requestUri, list);
    });
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const view = this.handlers.restore ? this.handlers.restore(state, { title: panel.title }) : viewFromState(state);
    if (!view || this.panels.has(view.requestUri)) {
      panel.dispose();
      return;
    }
    const entry = this.adopt(panel, view.requestUri, { restored: true });
    await entry.setResult(view);
  }

  private create(requestUri: string, label: string, preserveFocus: boolean): ResultPanel {
    const panel = vscode.window.createWebviewPanel(
      RESULT_VIEW_TYPE,
      titleFor(label, undefined),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus },
      { enableScripts: true, enableCommandUris: false, localResourceRoots: [this.mediaRoot], enableFindWidget: true },
    );
    return this.adopt(panel, requestUri, { restored: false });
  }

  private adopt(panel: vscode.WebviewPanel, requestUri: string, options: { restored: boolean }): ResultPanel {
    panel.iconPath = this.iconPath;
    const entry = new ResultPanel(
      panel,
      requestUri,
      this.mediaRoot,
      this.handlers,
      (p) => {
        if (this.panels.get(p.requestUri) !== p) return;
        this.panels.delete(p.requestUri);
        this.closed.fire(p.requestUri);
      },
      options,
    );
    this.panels.set(requestUri, entry);
    const early = this.early.get(requestUri);
    if (early) {
      this.early.delete(requestUri);
      for (const w of early) entry.whenRendered().then(w.resolve, w.reject);
    }
    return entry;
  }

  dispose(): void {
    for (const entry of [...this.panels.values()]) entry.dispose();
    this.panels.clear();
    for (const [uri, list] of this.early) {
      for (const w of list) w.reject(new Error(`The result panels were closed before ${uri} rendered.`));
    }
    this.early.clear();
    this.closed.dispose();
  }
}
