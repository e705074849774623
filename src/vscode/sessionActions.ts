// The session actions the rest of the shell uses (commands, history, walkthrough, tests), as one object over the
// parts that do the work: the store of shown sessions (shownSessions.ts), the clients (sessionClients.ts), the
// requests and polling (sessionRequests.ts), the panel's buttons (panelActions.ts) and what they hand outside the
// panel (sessionDocuments.ts).
import type * as vscode from 'vscode';
import type { OutputLog } from './outputLog';
import { runPanelAction } from './panelActions';
import { titleFor } from './panelPage';
import { ResultPanelManager } from './resultPanel';
import type { ResultView } from './resultView';
import { SessionClients } from './sessionClients';
import { SessionDocuments, redact } from './sessionDocuments';
import { SessionRequests, type KnownSession, type SessionOutcome } from './sessionRequests';
import { ShownSessions, type ShownSession } from './shownSessions';
import type { ResolvedTarget, TargetManager } from './targets';
import type { Transcript } from './transcript';
import type { UiHolder } from './ui';
import { panelFromState, viewFromState } from './webviewMessages';

export type { SessionOutcome };

export interface SessionActionsOptions {
  readonly transcript?: Transcript;
  /** The workspace's state: what each panel shows is kept there so restored panels work after a reload. */
  readonly state?: vscode.Memento;
}

export class SessionActions implements vscode.Disposable {
  readonly panels: ResultPanelManager;
  readonly shown: ShownSessions;
  private readonly clients: SessionClients;
  private readonly requests: SessionRequests;
  private readonly documents: SessionDocuments;
  /** Fires when a payment link was handed to the browser. */
  readonly onDidOpenLink: vscode.Event<string>;
  /** Fires after each outcome is shown, or recorded without being shown (see SessionRequests.onDidComplete). */
  readonly onDidComplete: vscode.Event<SessionOutcome>;

  constructor(extensionUri: vscode.Uri, targets: TargetManager, ui: UiHolder, log: OutputLog, options: SessionActionsOptions = {}) {
    const { transcript } = options;
    this.shown = new ShownSessions(options.state, (error) => log.channel.error(`could not keep the panel's session: ${redact(String(error))}`));
    this.panels = new ResultPanelManager(extensionUri, {
      onAction: (uri, message) => runPanelAction(this.requests, this.documents, uri, message),
      onPost: transcript ? (uri, message) => transcript.add(`webview ${uri}`, message) : undefined,
      onError: (_uri, error) => log.channel.error(`panel action failed: ${redact(String(error))}`),
      restore: (state, panel) => this.restore(state, panel),
    });
    this.clients = new SessionClients(log);
    this.requests = new SessionRequests(this.shown, this.clients, this.panels, targets, ui);
    this.documents = new SessionDocuments(this.shown, this.panels, ui);
    this.onDidOpenLink = this.documents.onDidOpenLink;
    this.onDidComplete = this.requests.onDidComplete;
  }

  /** POST /sessions with `body`, shows the answer beside the editor. */
  create(document: vscode.TextDocument, body: unknown, target: ResolvedTarget): Promise<SessionOutcome> {
    return this.requests.create(document, body, target);
  }

  /** Points a request's panel at a known session (from the history) and fetches its current state. */
  openSession(known: KnownSession): Promise<SessionOutcome | undefined> {
    return this.requests.openSession(known);
  }

  /** GET /sessions/{id} for the session a panel shows. */
  refresh(requestUri: string): Promise<SessionOutcome | undefined> {
    return this.requests.refresh(requestUri);
  }

  /** POST /sessions/{id}/cancel after asking. */
  cancelSession(requestUri: string, options?: { confirmed?: boolean }): Promise<SessionOutcome | undefined> {
    return this.requests.cancelSession(requestUri, options);
  }

  /** Polls the panel's session until it is final; resolves to the final status, or undefined when stopped. */
  autoRefresh(requestUri: string, on: boolean, options?: { firstDelayMs?: number; maxDelayMs?: number }): Promise<string | undefined> {
    return this.requests.autoRefresh(requestUri, on, options);
  }

  /** Aborts the request in flight for this request file. */
  cancelInFlight(requestUri: string): boolean {
    return this.requests.cancelInFlight(requestUri);
  }

  /** Opens a link only after the link policy allows it; `answeredBy` is the base URL of the server that gave it. */
  openLink(url: string, answeredBy?: string): Promise<boolean> {
    return this.documents.openLink(url, answeredBy);
  }

  /** What the panel for a request shows, and the request it last sent (read by tests and history). */
  recordOf(requestUri: string): Readonly<ShownSession> | undefined {
    return this.shown.get(requestUri);
  }

  /**
   * The view a panel VS Code brings back after a reload shows, rebuilt with its entry in the store. The webview's
   * state names the request; when the workbench lost that state (code-server's web workbench does when the page
   * reloads soon after the panel drew), the restored title picks the one entry it fits. A panel whose auto-refresh
   * was on polls again, so its toggle says what happens.
   */
  private restore(state: unknown, panel: { readonly title: string }): ResultView | undefined {
    const saved = panelFromState(state);
    const legacy = saved ? undefined : viewFromState(state);
    const requestUri = saved?.requestUri ?? (legacy ? undefined : this.shown.requestUriByTitle(panel.title, (view) => titleFor(view.requestLabel, view)));
    const entry = this.shown.restore(requestUri, legacy);
    if (entry?.view && saved?.autoRefresh && entry.view.actions.includes('autoRefresh')) void this.requests.autoRefresh(entry.requestUri, true);
    return entry?.view;
  }

  dispose(): void {
    this.shown.dispose();
    this.requests.dispose();
    this.clients.dispose();
    this.documents.dispose();
    this.panels.dispose();
  }
}
