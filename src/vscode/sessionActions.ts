// Sends create, get and cancel for the shell and shows each outcome in the request's result panel.
// Holds the one HTTP client per target, the in-flight requests (so they can be cancelled) and what each
// panel shows (so Refresh and Cancel know which session and which target they are about).
import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import type { SentRequest, SessionsClient, SessionsResult } from '../sessions/client';
import { checkExternalLink } from '../sessions/linkPolicy';
import { loadClient, loadModel } from './engine';
import type { OutputLog } from './outputLog';
import { ResultPanelManager } from './resultPanel';
import type { FromWebview, ResultView } from './resultView';
import { buildResultView } from './resultViewBuilder';
import { readSettings } from './settings';
import { TARGET_LABELS, type ResolvedTarget, type TargetKind, type TargetManager } from './targets';
import type { Transcript } from './transcript';
import type { UiHolder } from './ui';

interface PanelRecord {
  readonly requestUri: string;
  readonly requestLabel: string;
  readonly target: { readonly kind: TargetKind; readonly label: string; readonly baseUrl: string };
  sessionId?: string;
  /** The session's status as last seen (a refused cancel is explained with it). */
  lastStatus?: string;
  lastRequest?: SentRequest;
  view?: ResultView;
}

export interface SessionOutcome {
  readonly result: SessionsResult;
  readonly view: ResultView;
}

export class SessionActions implements vscode.Disposable {
  readonly panels: ResultPanelManager;
  private readonly records = new Map<string, PanelRecord>();
  private readonly inFlight = new Map<string, AbortController>();
  /** One client per target kind, with the fingerprint of the key and settings it was made with. */
  private clients = new Map<TargetKind, { fingerprint: string; client: SessionsClient }>();
  private readonly pollers = new Map<string, AbortController>();
  private readonly completed = new vscode.EventEmitter<SessionOutcome>();
  private readonly linkOpened = new vscode.EventEmitter<string>();
  /** Fires when a payment link was handed to the browser. */
  readonly onDidOpenLink = this.linkOpened.event;
  /** Fires after each outcome is shown (history and tests listen). */
  readonly onDidComplete = this.completed.event;

  constructor(
    extensionUri: vscode.Uri,
    private readonly targets: TargetManager,
    private readonly ui: UiHolder,
    private readonly log: OutputLog,
    transcript?: Transcript,
  ) {
    this.panels = new ResultPanelManager(extensionUri, {
      onAction: (uri, message) => this.onPanelAction(uri, message),
      onPost: transcript ? (uri, message) => transcript.add(`webview ${uri}`, message) : undefined,
      onError: (_uri, error) => this.log.channel.error(`panel action failed: ${this.redact(String(error))}`),
    });
  }

  /** POST /sessions with `body`, shows the answer beside the editor. */
  async create(document: vscode.TextDocument, body: unknown, target: ResolvedTarget): Promise<SessionOutcome> {
    const requestUri = document.uri.toString();
    const record: PanelRecord = {
      requestUri,
      requestLabel: labelOf(document.uri),
      target: { kind: target.kind, label: target.label, baseUrl: target.baseUrl },
    };
    this.records.set(requestUri, record);
    return this.run(record, 'create', target, (client, signal) => client.createSession(body, signal));
  }

  /**
   * Points a request's panel at a known session (from the history) and fetches its current state.
   * Refresh and cancel then go to the target the session was created on.
   */
  async openSession(entry: { requestUri: string; requestLabel: string; target: TargetKind; baseUrl: string; sessionId: string; status?: string }): Promise<SessionOutcome | undefined> {
    this.records.set(entry.requestUri, {
      requestUri: entry.requestUri,
      requestLabel: entry.requestLabel,
      target: { kind: entry.target, label: TARGET_LABELS[entry.target], baseUrl: entry.baseUrl },
      sessionId: entry.sessionId,
      lastStatus: entry.status,
    });
    return this.refresh(entry.requestUri);
  }

  /** GET /sessions/{id} for the session a panel shows. */
  async refresh(requestUri: string): Promise<SessionOutcome | undefined> {
    const record = this.records.get(requestUri);
    if (!record?.sessionId) return undefined;
    const target = await this.targetFor(record);
    if (!target) return undefined;
    const id = record.sessionId;
    return this.run(record, 'get', target, (client, signal) => client.getSession(id, signal));
  }

  /** POST /sessions/{id}/cancel after asking. */
  async cancelSession(requestUri: string, options: { confirmed?: boolean } = {}): Promise<SessionOutcome | undefined> {
    const record = this.records.get(requestUri);
    if (!record?.sessionId) return undefined;
    if (!options.confirmed) {
      const cancelLabel = vscode.l10n.t('Cancel session');
      const choice = await this.ui.current.showWarningMessage(
        vscode.l10n.t('Cancel session {0} on {1}?', record.sessionId, record.target.label),
        { modal: true, detail: vscode.l10n.t('The customer can no longer pay or save details with its link. This cannot be undone.') },
        cancelLabel,
      );
      if (choice !== cancelLabel) return undefined;
    }
    const target = await this.targetFor(record);
    if (!target) return undefined;
    const id = record.sessionId;
    return this.run(record, 'cancel', target, (client, signal) => client.cancelSession(id, signal));
  }

  /**
   * Polls GET /sessions/{id} until the session is final (COMPLETED, EXPIRED, CANCELED), then says so.
   * Gentle: starts at 2 s and backs off to 15 s, waits out Rate-Limit-Reset when the quota is used up,
   * and gives up after 40 minutes (longer than the default 30-minute expiry) or on any non-session answer.
   */
  async autoRefresh(requestUri: string, on: boolean, options: { firstDelayMs?: number; maxDelayMs?: number } = {}): Promise<string | undefined> {
    this.pollers.get(requestUri)?.abort();
    this.pollers.delete(requestUri);
    if (!on) return undefined;
    const stop = new AbortController();
    this.pollers.set(requestUri, stop);
    const deadline = Date.now() + 40 * 60_000;
    let delay = options.firstDelayMs ?? 2_000;
    const maxDelay = options.maxDelayMs ?? 15_000;
    try {
      while (!stop.signal.aborted && Date.now() < deadline) {
        await sleep(delay, stop.signal);
        if (stop.signal.aborted) break;
        const outcome = await this.refresh(requestUri);
        if (!outcome || outcome.result.kind !== 'session') {
          void this.panels.notice(requestUri, 'error', vscode.l10n.t('Auto-refresh stopped: the last refresh did not return the session.'));
          return undefined;
        }
        const status = outcome.result.session.status;
        if (status !== 'ACTIVE') {
          void this.ui.current.showInformationMessage(vscode.l10n.t('Session {0} is {1}.', outcome.result.session.payment_session_id, status), {});
          return status;
        }
        const rate = outcome.result.response.rateLimit;
        delay = rate?.remaining === 0 && rate.resetSeconds !== undefined ? Math.max(delay, rate.resetSeconds * 1000 + 250) : Math.min(maxDelay, Math.round(delay * 1.5));
      }
      return undefined;
    } finally {
      if (this.pollers.get(requestUri) === stop) this.pollers.delete(requestUri);
    }
  }

  /** Aborts the request in flight for this request file (the progress notification's Cancel does the same). */
  cancelInFlight(requestUri: string): boolean {
    const controller = this.inFlight.get(requestUri);
    controller?.abort();
    return Boolean(controller);
  }

  /** What the panel for a request shows, and the request it last sent (read by tests and history). */
  recordOf(requestUri: string): Readonly<PanelRecord> | undefined {
    return this.records.get(requestUri);
  }

  private async targetFor(record: PanelRecord): Promise<ResolvedTarget | undefined> {
    // Refresh and cancel go where the session was created, whatever the current target is.
    const resolved = await this.targets.resolveKind(record.target.kind);
    if (!resolved.ok) {
      await this.ui.current.showErrorMessage(resolved.reason, {});
      return undefined;
    }
    return resolved.target;
  }

  private client(target: ResolvedTarget): SessionsClient {
    const settings = readSettings();
    const fingerprint = createHash('sha256')
      .update(JSON.stringify([target.kind, target.baseUrl, target.secretKey, settings.forUserId, settings.withSplitRule, settings.requestTimeoutSeconds, target.proxy?.url, target.proxy?.strictSSL]))
      .digest('hex');
    const existing = this.clients.get(target.kind);
    if (existing?.fingerprint === fingerprint) return existing.client;
    // A new key or new settings: close the client they replace once its requests end.
    void existing?.client.close();
    const timeoutMs = settings.requestTimeoutSeconds * 1000;
    const { SessionsClient: Client } = loadClient();
    const client = new Client({
      baseUrl: target.baseUrl,
      secretKey: target.secretKey,
      forUserId: settings.forUserId,
      withSplitRule: settings.withSplitRule,
      proxy: target.proxy,
      timeouts: { headersMs: timeoutMs, bodyMs: timeoutMs, totalMs: timeoutMs + 5_000 },
      log: (level, line) => this.log.channel[level](`[${TARGET_LABELS[target.kind]}] ${line}`),
    });
    this.clients.set(target.kind, { fingerprint, client });
    return client;
  }

  private async run(
    record: PanelRecord,
    operation: 'create' | 'get' | 'cancel',
    target: ResolvedTarget,
    call: (client: SessionsClient, signal: AbortSignal) => Promise<SessionsResult>,
  ): Promise<SessionOutcome> {
    const requestUri = record.requestUri;
    this.inFlight.get(requestUri)?.abort();
    const controller = new AbortController();
    this.inFlight.set(requestUri, controller);
    const title =
      operation === 'create'
        ? vscode.l10n.t('Creating session on {0}…', target.label)
        : operation === 'get'
          ? vscode.l10n.t('Refreshing session on {0}…', target.label)
          : vscode.l10n.t('Cancelling session on {0}…', target.label);
    void this.panels.showBusy(requestUri, operation);
    try {
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title, cancellable: true },
        (_progress, token) => {
          token.onCancellationRequested(() => controller.abort());
          return call(this.client(target), controller.signal);
        },
      );
      if (controller.signal.aborted && this.inFlight.get(requestUri) !== controller) {
        // A newer request for this panel replaced this one (and aborted it): the newer answer is the one to show,
        // and the record stays as that request will leave it.
        return { result, view: buildResultView(result, record) };
      }
      record.lastRequest = result.request;
      if (result.kind === 'session') {
        record.sessionId = result.session.payment_session_id;
        record.lastStatus = result.session.status;
      } else if (operation === 'create') {
        record.sessionId = undefined;
        record.lastStatus = undefined;
      }
      const view = buildResultView(result, record);
      record.view = view;
      await this.panels.show(view);
      const outcome = { result, view };
      this.completed.fire(outcome);
      return outcome;
    } finally {
      if (this.inFlight.get(requestUri) === controller) this.inFlight.delete(requestUri);
    }
  }

  private async onPanelAction(requestUri: string, message: FromWebview): Promise<void> {
    const record = this.records.get(requestUri);
    switch (message.type) {
      case 'openLink':
        await this.openLink(message.url);
        return;
      case 'copy': {
        const s = record?.view?.session;
        const text = message.what === 'link' ? s?.paymentLinkUrl : message.what === 'id' ? s?.id : JSON.stringify(record?.view?.body ?? null, null, 2);
        if (text) {
          await this.ui.current.writeClipboard(text);
          const notice =
            message.what === 'link' ? vscode.l10n.t('Copied the payment link.') : message.what === 'id' ? vscode.l10n.t('Copied the session id.') : vscode.l10n.t('Copied the body.');
          await this.panels.notice(requestUri, 'info', notice);
        }
        return;
      }
      case 'openBody': {
        const document = await vscode.workspace.openTextDocument({ language: 'json', content: JSON.stringify(record?.view?.body ?? null, null, 2) });
        await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
        return;
      }
      case 'revealPath':
        await this.revealPath(requestUri, message.path);
        return;
      case 'refresh':
        await this.refresh(requestUri);
        return;
      case 'cancelSession':
        await this.cancelSession(requestUri);
        return;
      case 'autoRefresh':
        await this.autoRefresh(requestUri, message.on);
        return;
      case 'copyAsCurl':
      case 'copyAsCode': {
        if (!record?.lastRequest) return;
        const exporter = loadClient();
        const text = message.type === 'copyAsCurl' ? exporter.toCurl(record.lastRequest) : exporter.toNodeFetch(record.lastRequest);
        await this.ui.current.writeClipboard(this.redact(text));
        const variable = `$${exporter.KEY_ENV_VAR}`;
        const notice =
          message.type === 'copyAsCurl'
            ? vscode.l10n.t('Copied as cURL: the key is read from {0}.', variable)
            : vscode.l10n.t('Copied as Node.js code: the key is read from {0}.', variable);
        await this.panels.notice(requestUri, 'info', notice);
        return;
      }
      case 'showRequest': {
        if (!record?.lastRequest) return;
        const r = record.lastRequest;
        const text = [`${r.method} ${r.url}`, ...r.headers.map(([k, v]) => `${k}: ${v}`), '', r.body ? prettyJson(r.body) : ''].join('\n');
        const document = await vscode.workspace.openTextDocument({ language: 'http', content: this.redact(text) });
        await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
        return;
      }
      default:
        return;
    }
  }

  /** Opens a link only after the link policy allows it: https, or the sandbox's own loopback http. */
  async openLink(url: string): Promise<boolean> {
    const verdict = checkExternalLink(url);
    if (!verdict.ok) {
      await this.ui.current.showErrorMessage(vscode.l10n.t('The link was not opened. {0}', verdict.reason), {});
      return false;
    }
    const opened = await this.ui.current.openExternal(vscode.Uri.parse(verdict.url.toString(), true));
    if (opened) this.linkOpened.fire(verdict.url.toString());
    return opened;
  }

  private async revealPath(requestUri: string, path: string): Promise<void> {
    const uri = vscode.Uri.parse(requestUri, true);
    const document = await vscode.workspace.openTextDocument(uri);
    const model = loadModel();
    const range = model.locatePath(document.getText(), model.parsePathString(path));
    const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preserveFocus: false });
    if (range) {
      const start = document.positionAt(range.offset);
      const end = document.positionAt(range.offset + range.length);
      editor.selection = new vscode.Selection(start, end);
      editor.revealRange(new vscode.Range(start, end), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
  }

  private redact(text: string): string {
    return loadClient().redactText(text);
  }

  dispose(): void {
    for (const c of this.pollers.values()) c.abort();
    for (const c of this.inFlight.values()) c.abort();
    for (const { client } of this.clients.values()) void client.close();
    this.clients.clear();
    this.completed.dispose();
    this.linkOpened.dispose();
    this.panels.dispose();
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

function labelOf(uri: vscode.Uri): string {
  return uri.scheme === 'untitled' ? uri.path : (uri.path.split('/').pop() ?? uri.path);
}

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
