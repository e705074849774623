// One result panel and what its webview has been told: the latest result, the busy state and waiting notices,
// replayed when the webview (re)loads and says ready. Whatever the webview posts is validated here before it is
// handed on. Created and owned by ResultPanelManager (resultPanel.ts).
import * as vscode from 'vscode';
import { panelHtml, titleFor } from './panelPage';
import type { FromWebview, ResultView, ToWebview } from './resultView';
import { isAllowedFor, parseFromWebview } from './webviewMessages';

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
  /**
   * The view a panel VS Code brings back after a reload shows, from the state its webview saved (untrusted, and
   * missing when the workbench lost it) and the title the workbench restored; undefined closes it. Without this
   * handler, the view an earlier version's webview saved is used as it is.
   */
  restore?(state: unknown, panel: { readonly title: string }): ResultView | undefined;
}

export type Operation = Extract<ToWebview, { type: 'busy' }>['operation'];

/** Notices are transient: only the last few wait for a webview that is not ready yet. */
const MAX_QUEUED_NOTICES = 5;
/**
 * How long a panel that already shows a result waits before it says "Creating session…": a quicker answer replaces
 * the old result without a flash of the busy line. That message, sent just before the answer's, also delayed the
 * answer's arrival in the webview by about 6 ms (measured in code-server, 26 sends each way).
 */
export const BUSY_DELAY_MS = 150;
/**
 * How long what follows a new page's first draw waits for it at most: the tab title's state (ResultPanel.setTitle),
 * and the history and reload bookkeeping of a send that opened a panel (SessionRequests.run). A hidden panel draws
 * only once shown.
 */
export const FIRST_DRAW_WAIT_MS = 1000;

export interface Waiter {
  resolve(info: RenderedInfo): void;
  reject(error: Error): void;
}

/** One panel and what its webview has been told. Created and owned by ResultPanelManager. */
export class ResultPanel implements vscode.Disposable {
  private viewValue: ResultView | undefined;
  private busyOperation: Operation | undefined;
  private busyTimer: NodeJS.Timeout | undefined;
  private seq = 0;
  /**
   * Whether a post reaches the page. A new panel's page being loaded counts: the workbench holds what is posted to a
   * new webview and hands it over once the page has loaded (after its script ran), so a new panel's first result
   * does not wait for the page's 'ready' and a round trip through the extension host. 'ready' still replays the
   * current state, which the page skips when it has drawn that result already. A hidden webview without retained
   * context drops posts, so hiding clears this until the page says ready again. A panel VS Code restores after a
   * reload waits for 'ready': its webview has loaded a page before ours, and the workbench drops what was held
   * for it when our page replaces that one (a real reload in code-server showed the restored panel empty).
   */
  private ready: boolean;
  private queuedNotices: ToWebview[] = [];
  private lastPostedValue: ToWebview | undefined;
  private renderedValue: { seq: number; info: RenderedInfo } | undefined;
  /** Whether this panel's page has drawn a result (any result, in any page it loaded). */
  private drawnOnce = false;
  private pendingTitle: string | undefined;
  private titleTimer: NodeJS.Timeout | undefined;
  private waiters: Waiter[] = [];
  private readonly subscriptions: vscode.Disposable[] = [];
  private disposed = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly requestUri: string,
    mediaRoot: vscode.Uri,
    private readonly handlers: PanelHandlers,
    private readonly onDisposed: (p: ResultPanel) => void,
    options: { readonly restored: boolean } = { restored: false },
  ) {
    // A panel the manager created has these options already; setting them again is one more message to the
    // workbench while it loads the new page. A panel VS Code brings back after a reload needs them.
    if (options.restored) panel.webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: [mediaRoot] };
    this.ready = !options.restored && panel.visible;
    this.subscriptions.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => this.handleMessage(raw)),
      // A hidden webview without retainContextWhenHidden is torn down: messages are dropped until it says ready again.
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.ready = false;
      }),
      panel.onDidDispose(() => this.dispose()),
    );
    panel.webview.html = panelHtml(panel.webview, mediaRoot);
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
    this.setTitle(titleFor(view.requestLabel, view));
    return this.post({ type: 'result', view, seq: this.seq });
  }

  /**
   * The tab's title, with the result's state. On a panel that has drawn nothing yet (a new one, or one VS Code
   * brought back), it waits for the first draw, up to FIRST_DRAW_WAIT_MS: the workbench draws the tab and loads the new
   * page on the browser's one main thread, and redrawing the tab then delays the page. With the history and reload
   * bookkeeping also following the draw (SessionRequests.run), the UI bench's new page took 52-66 ms from its start
   * to its script running, where it took 66-73 ms before (medians of 8-12 windows, in 5 interleaved runs in
   * code-server on a 2-core machine). The whole click-to-drawn time moves by more than that from run to run.
   */
  private setTitle(title: string): void {
    if (this.drawnOnce) {
      this.panel.title = title;
      return;
    }
    this.pendingTitle = title;
    this.titleTimer ??= setTimeout(() => this.applyPendingTitle(), FIRST_DRAW_WAIT_MS);
  }

  private applyPendingTitle(): void {
    clearTimeout(this.titleTimer);
    this.titleTimer = undefined;
    const title = this.pendingTitle;
    this.pendingTitle = undefined;
    if (title !== undefined && !this.disposed) this.panel.title = title;
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
      // The title first, so whoever waits for this draw sees the panel as the user does.
      this.drawnOnce = true;
      this.applyPendingTitle();
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

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.setBusyOperation(undefined);
    clearTimeout(this.titleTimer);
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w.reject(new Error(`The result panel for ${this.requestUri} was closed before it rendered.`));
    for (const s of this.subscriptions) s.dispose();
    this.onDisposed(this);
    this.panel.dispose();
  }
}
