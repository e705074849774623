// The result panel: one webview per request file, fed by postMessage after a ready handshake, restored after a
// reload from the webview's own saved state. It renders nothing itself; media/panel.js draws the ResultView.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { FromWebview, ResultView, ToWebview } from './resultView';
import { isAllowedFor, parseFromWebview, viewFromState } from './webviewMessages';

export const RESULT_VIEW_TYPE = 'xendit.sessionResult';

export interface RenderedInfo {
  readonly outcome: ResultView['outcome'];
  readonly status?: string;
  readonly firstPaintMs: number;
}

/** What the extension does with the panel's buttons; the panel itself only validates and forwards. */
export interface PanelHandlers {
  /** Every validated message other than 'ready' and 'rendered' that matches the result the panel shows. */
  onAction(requestUri: string, message: FromWebview): void | Promise<void>;
  onRendered?(requestUri: string, info: RenderedInfo): void;
  /** Every message as it is posted to a webview (the security suite records them in test runs). */
  onPost?(requestUri: string, message: ToWebview): void;
  /** A handler threw or rejected; defaults to console.error so one failing button cannot break the panel. */
  onError?(requestUri: string, error: unknown): void;
}

type Operation = Extract<ToWebview, { type: 'busy' }>['operation'];

/** Notices are transient: only the last few wait for a webview that is not ready yet. */
const MAX_QUEUED_NOTICES = 5;
/**
 * How long a panel that already shows a result waits before it says "Creating session…": a quicker answer replaces
 * the old result without a flash of the busy line. That message, sent just before the answer's, also delayed the
 * answer's arrival in the webview by about 6 ms (measured in code-server, 26 sends each way).
 */
export const BUSY_DELAY_MS = 150;
const TITLE_MAX = 60;

function nonce(): string {
  return randomBytes(18).toString('base64');
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Titles are drawn by the workbench, not by our script, so direction overrides and controls are removed here. */
function plainTitle(s: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = s.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  return clean.length > TITLE_MAX ? `${clean.slice(0, TITLE_MAX - 1)}…` : clean;
}

function labelFromUri(requestUri: string): string {
  try {
    const path = vscode.Uri.parse(requestUri).path;
    return path.slice(path.lastIndexOf('/') + 1) || requestUri;
  } catch {
    return requestUri;
  }
}

function titleFor(label: string, view: ResultView | undefined): string {
  const name = plainTitle(label.replace(/\.session\.json$/i, '').replace(/\.jsonc?$/i, '')) || vscode.l10n.t('request');
  let state = '';
  if (view?.outcome === 'session' && view.session) state = view.session.status;
  else if (view?.http) state = String(view.http.status);
  else if (view?.outcome === 'networkError') state = vscode.l10n.t('network error');
  state = plainTitle(state).slice(0, 24);
  return state ? vscode.l10n.t('Session · {0} · {1}', name, state) : vscode.l10n.t('Session · {0}', name);
}

interface Waiter {
  resolve(info: RenderedInfo): void;
  reject(error: Error): void;
}

/** One panel and what its webview has been told. Created and owned by ResultPanelManager. */
export class ResultPanel implements vscode.Disposable {
  private viewValue: ResultView | undefined;
  private busyOperation: Operation | undefined;
  private busyTimer: NodeJS.Timeout | undefined;
  private seq = 0;
  private ready = false;
  private queuedNotices: ToWebview[] = [];
  private lastPostedValue: ToWebview | undefined;
  private renderedValue: { seq: number; info: RenderedInfo } | undefined;
  private waiters: Waiter[] = [];
  private readonly subscriptions: vscode.Disposable[] = [];
  private disposed = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly requestUri: string,
    private readonly mediaRoot: vscode.Uri,
    private readonly handlers: PanelHandlers,
    private readonly onDisposed: (p: ResultPanel) => void,
  ) {
    panel.webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: [mediaRoot] };
    this.subscriptions.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => this.handleMessage(raw)),
      // A hidden webview without retainContextWhenHidden is torn down: messages are dropped until it says ready again.
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.ready = false;
      }),
      panel.onDidDispose(() => this.dispose()),
    );
    panel.webview.html = this.html();
  }

  get view(): ResultView | undefined {
    return this.viewValue;
  }

  /** The message most recently posted or queued for the webview. */
  get lastPosted(): ToWebview | undefined {
    return this.lastPostedValue;
  }

  setResult(view: ResultView): Promise<void> {
    this.viewValue = view;
    this.setBusyOperation(undefined);
    this.queuedNotices = [];
    this.seq += 1;
    this.panel.title = titleFor(view.requestLabel, view);
    return this.post({ type: 'result', view, seq: this.seq });
  }

  /** Says what the panel is waiting for, at once or after `delayMs` unless a result or an error notice comes first. */
  setBusy(operation: Operation, delayMs = 0): Promise<void> {
    this.setBusyOperation(operation);
    if (delayMs <= 0) return this.post({ type: 'busy', operation });
    this.busyTimer = setTimeout(() => {
      this.busyTimer = undefined;
      void this.post({ type: 'busy', operation });
    }, delayMs);
    return Promise.resolve();
  }

  notice(level: 'info' | 'error', text: string): Promise<void> {
    // The webview ends its busy state on an error notice; keep the replay after a reload consistent with that.
    if (level === 'error') this.setBusyOperation(undefined);
    return this.post({ type: 'notice', level, text });
  }

  /** The busy state a reloaded webview is told about; a delayed busy message not yet sent is dropped with it. */
  private setBusyOperation(operation: Operation | undefined): void {
    clearTimeout(this.busyTimer);
    this.busyTimer = undefined;
    this.busyOperation = operation;
  }

  whenRendered(): Promise<RenderedInfo> {
    if (this.renderedValue && this.renderedValue.seq === this.seq) return Promise.resolve(this.renderedValue.info);
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  /** Entry point for everything the webview posts (public so tests can feed it hostile input directly). */
  handleMessage(raw: unknown): void {
    if (this.disposed) return;
    const message = parseFromWebview(raw);
    if (!message || !isAllowedFor(message, this.viewValue)) return;
    if (message.type === 'ready') {
      this.ready = true;
      void this.flush();
      return;
    }
    if (message.type === 'rendered') {
      const info: RenderedInfo = {
        outcome: message.outcome,
        ...(message.status === undefined ? {} : { status: message.status }),
        firstPaintMs: message.firstPaintMs,
      };
      this.guard(() => this.handlers.onRendered?.(this.requestUri, info));
      if (message.seq !== undefined && message.seq === this.seq) {
        this.renderedValue = { seq: message.seq, info };
        const waiters = this.waiters;
        this.waiters = [];
        for (const w of waiters) w.resolve(info);
      }
      return;
    }
    this.guard(() => this.handlers.onAction(this.requestUri, message));
  }

  private guard(call: () => void | Promise<void>): void {
    const report = (error: unknown) => {
      if (this.handlers.onError) this.handlers.onError(this.requestUri, error);
      else console.error(`[xendit] result panel handler failed for ${this.requestUri}:`, error);
    };
    try {
      const result = call();
      if (result && typeof (result as Promise<void>).then === 'function') (result as Promise<void>).then(undefined, report);
    } catch (error) {
      report(error);
    }
  }

  private async post(message: ToWebview): Promise<void> {
    if (this.disposed) return;
    this.lastPostedValue = message;
    if (!this.ready) {
      if (message.type === 'notice') this.queuedNotices = [...this.queuedNotices, message].slice(-MAX_QUEUED_NOTICES);
      // Results and busy states are replayed from the current state on 'ready'.
      return;
    }
    await this.send(message);
  }

  private async send(message: ToWebview): Promise<void> {
    this.handlers.onPost?.(this.requestUri, message);
    try {
      await this.panel.webview.postMessage(message);
    } catch {
      // The panel was closed between the check and the post: nothing left to tell.
    }
  }

  /** Brings a (re)loaded webview up to date: the latest result, then the busy state, then waiting notices. */
  private async flush(): Promise<void> {
    const notices = this.queuedNotices;
    this.queuedNotices = [];
    if (this.viewValue) await this.send({ type: 'result', view: this.viewValue, seq: this.seq });
    // A busy state still inside its delay is posted by its timer, not twice.
    if (this.busyOperation && !this.busyTimer) await this.send({ type: 'busy', operation: this.busyOperation });
    for (const n of notices) await this.send(n);
  }

  /** The page carries no result data: only resource URIs and a fresh nonce. Data arrives by postMessage. */
  private html(): string {
    const webview = this.panel.webview;
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.mediaRoot, 'panel.js')).toString();
    const style = webview.asWebviewUri(vscode.Uri.joinPath(this.mediaRoot, 'panel.css')).toString();
    const n = nonce();
    const csp = [
      "default-src 'none'",
      `style-src ${webview.cspSource}`,
      `script-src 'nonce-${n}'`,
      `img-src ${webview.cspSource}`,
      `font-src ${webview.cspSource}`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${escapeAttr(style)}">
<title>Session result</title>
</head>
<body>
<main id="root" aria-busy="true"><p class="placeholder">Waiting for the result…</p></main>
<script nonce="${escapeAttr(n)}" src="${escapeAttr(script)}"></script>
</body>
</html>`;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.setBusyOperation(undefined);
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w.reject(new Error(`The result panel for ${this.requestUri} was closed before it rendered.`));
    for (const s of this.subscriptions) s.dispose();
    this.onDisposed(this);
    this.panel.dispose();
  }
}

/** Opens, updates and restores result panels, one per request file. */
export class ResultPanelManager implements vscode.Disposable, vscode.WebviewPanelSerializer<unknown> {
  private readonly panels = new Map<string, ResultPanel>();
  private readonly mediaRoot: vscode.Uri;
  private readonly iconPath: vscode.Uri;
  /** whenRendered calls made before the panel existed, keyed by request URI. */
  private readonly early = new Map<string, Waiter[]>();

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
   * one. Focus stays in the editor by default so the request can be edited and sent again at once.
   */
  async show(view: ResultView, options?: { preserveFocus?: boolean }): Promise<void> {
    const preserveFocus = options?.preserveFocus ?? true;
    const existing = this.panels.get(view.requestUri);
    const entry = existing ?? this.create(view.requestUri, view.requestLabel, preserveFocus);
    const posted = entry.setResult(view);
    if (existing && (!existing.panel.visible || !preserveFocus)) existing.panel.reveal(existing.panel.viewColumn, preserveFocus);
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
    const view = viewFromState(state);
    if (!view || this.panels.has(view.requestUri)) {
      panel.dispose();
      return;
    }
    const entry = this.adopt(panel, view.requestUri);
    await entry.setResult(view);
  }

  private create(requestUri: string, label: string, preserveFocus: boolean): ResultPanel {
    const panel = vscode.window.createWebviewPanel(
      RESULT_VIEW_TYPE,
      titleFor(label, undefined),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus },
      { enableScripts: true, enableCommandUris: false, localResourceRoots: [this.mediaRoot], enableFindWidget: true },
    );
    return this.adopt(panel, requestUri);
  }

  private adopt(panel: vscode.WebviewPanel, requestUri: string): ResultPanel {
    panel.iconPath = this.iconPath;
    const entry = new ResultPanel(panel, requestUri, this.mediaRoot, this.handlers, (p) => {
      if (this.panels.get(p.requestUri) === p) this.panels.delete(p.requestUri);
    });
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
  }
}
