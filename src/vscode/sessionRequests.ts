// Create, get and cancel for a request's panel: the newest request's answer is shown (a newer one aborts a get in
// flight; a create or cancel POST runs to its end), a progress notification (once the request is slow) whose Cancel
// aborts it, and the auto-refresh that polls a session until it is final.
import * as vscode from 'vscode';
import type { SessionsClient, SessionsResult } from '../sessions/client';
import { delay } from '../sessions/delay';
import { withDelayedProgress } from './delayedProgress';
import { inDisplayLanguage } from './displayLanguage';
import type { ResultPanelManager } from './resultPanel';
import { FIRST_DRAW_WAIT_MS } from './resultPanelWebview';
import type { ResultView } from './resultView';
import { buildResultView } from './resultViewBuilder';
import type { SessionClients } from './sessionClients';
import type { ShownSession, ShownSessions } from './shownSessions';
import { TARGET_LABELS, type ResolvedTarget, type TargetKind, type TargetManager } from './targets';
import type { UiHolder } from './ui';
import { WebhookCommandIds } from './webhooks';

export interface SessionOutcome {
  /** What was asked: a create adds its session to the history; a get or cancel only updates an entry still listed. */
  readonly operation: 'create' | 'get' | 'cancel';
  readonly result: SessionsResult;
  readonly view: ResultView;
  /** A newer request for the same panel replaced this one before its answer (which was not shown). */
  readonly superseded?: true;
}

/** A session the history knows, to point a request's panel at. */
export interface KnownSession {
  readonly requestUri: string;
  readonly requestLabel: string;
  readonly target: TargetKind;
  readonly baseUrl: string;
  readonly sessionId: string;
  readonly status?: string;
}

export class SessionRequests implements vscode.Disposable {
  /** The latest request for each panel: only its answer is shown. */
  private readonly inFlight = new Map<string, { readonly controller: AbortController; readonly operation: 'create' | 'get' | 'cancel' }>();
  private readonly pollers = new Map<string, AbortController>();
  private readonly completed = new vscode.EventEmitter<SessionOutcome>();
  private readonly closedPanels: vscode.Disposable;
  /** Settles once the latest outcome is recorded (see record). */
  private recorded: Promise<void> = Promise.resolve();
  /**
   * Fires after each outcome is shown (history and tests listen), and for a create a newer send replaced whose
   * session exists though it is not shown (`superseded`).
   */
  readonly onDidComplete = this.completed.event;

  constructor(
    private readonly shown: ShownSessions,
    private readonly clients: SessionClients,
    private readonly panels: ResultPanelManager,
    private readonly targets: TargetManager,
    private readonly ui: UiHolder,
  ) {
    // A closed panel's auto-refresh stops with it: its polls would otherwise open the panel again.
    this.closedPanels = panels.onDidClose((requestUri) => void this.autoRefresh(requestUri, false));
  }

  /** POST /sessions with `body`, shows the answer beside the editor. */
  create(document: vscode.TextDocument, body: unknown, target: ResolvedTarget): Promise<SessionOutcome> {
    const entry = this.shown.set({
      requestUri: document.uri.toString(),
      requestLabel: labelOf(document.uri),
      target: { kind: target.kind, label: target.label, baseUrl: target.baseUrl },
    });
    return this.run(entry, 'create', target, (client, signal) => client.createSession(body, signal));
  }

  /**
   * Points a request's panel at a known session (from the history) and fetches its current state.
   * Refresh and cancel then go to the target the session was created on.
   */
  openSession(known: KnownSession): Promise<SessionOutcome | undefined> {
    this.shown.set({
      requestUri: known.requestUri,
      requestLabel: known.requestLabel,
      target: { kind: known.target, label: TARGET_LABELS[known.target], baseUrl: known.baseUrl },
      sessionId: known.sessionId,
      lastStatus: known.status,
    });
    return this.refresh(known.requestUri);
  }

  /**
   * GET /sessions/{id} for the session a panel shows. A `background` refresh (auto-refresh's polls) updates the
   * panel only where it is: it neither opens a closed one nor brings one forward from behind another tab.
   */
  async refresh(requestUri: string, options: { background?: boolean } = {}): Promise<SessionOutcome | undefined> {
    const entry = this.shown.get(requestUri);
    if (!entry?.sessionId) return undefined;
    const target = await this.targetFor(entry);
    if (!target) return undefined;
    const id = entry.sessionId;
    return this.run(entry, 'get', target, (client, signal) => client.getSession(id, signal), options);
  }

  /**
   * Pays or expires the sandbox session a panel shows (the Webhooks triggers, so the event is listed and
   * forwarded as from the checkout page), then gets it again so the panel shows its new status.
   */
  async triggerSandbox(requestUri: string, action: 'complete' | 'expire'): Promise<SessionOutcome | undefined> {
    const entry = this.shown.get(requestUri);
    if (!entry?.sessionId || entry.target.kind !== 'sandbox') return undefined;
    const command = action === 'complete' ? WebhookCommandIds.paySession : WebhookCommandIds.expireSession;
    const done = await vscode.commands.executeCommand<{ status: string } | undefined>(command, entry.sessionId);
    return done ? this.refresh(requestUri) : undefined;
  }

  /** POST /sessions/{id}/cancel after asking. */
  async cancelSession(requestUri: string, options: { confirmed?: boolean } = {}): Promise<SessionOutcome | undefined> {
    const entry = this.shown.get(requestUri);
    if (!entry?.sessionId) return undefined;
    // Where it would go is settled before asking: a cancel that cannot be sent is not confirmed first.
    const target = await this.targetFor(entry);
    if (!target) return undefined;
    if (!options.confirmed) {
      const cancelLabel = vscode.l10n.t('Cancel session');
      const choice = await this.ui.current.showWarningMessage(
        vscode.l10n.t('Cancel session {0} on {1}?', entry.sessionId, entry.target.label),
        { modal: true, detail: vscode.l10n.t('The customer can no longer pay or save details with its link. This cannot be undone.') },
        cancelLabel,
      );
      if (choice !== cancelLabel) return undefined;
    }
    const id = entry.sessionId;
    return this.run(entry, 'cancel', target, (client, signal) => client.cancelSession(id, signal));
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
    let pause = options.firstDelayMs ?? 2_000;
    const maxDelay = options.maxDelayMs ?? 15_000;
    try {
      while (!stop.signal.aborted && Date.now() < deadline) {
        await delay(pause, stop.signal);
        if (stop.signal.aborted || !this.panels.get(requestUri)) break;
        // Another request for this panel is out (a Cancel, a resend, a Refresh): this poll waits for the next turn
        // rather than replace it.
        if (this.inFlight.has(requestUri)) continue;
        const outcome = await this.refresh(requestUri, { background: true });
        if (stop.signal.aborted) break;
        // A Refresh or a sandbox Pay pressed while this poll was out replaced it: that answer is shown, and polling
        // goes on (it stopped here, with a notice the next result cleared, and the toggle still on).
        if (outcome?.superseded) continue;
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
        pause = rate?.remaining === 0 && rate.resetSeconds !== undefined ? Math.max(pause, rate.resetSeconds * 1000 + 250) : Math.min(maxDelay, Math.round(pause * 1.5));
      }
      return undefined;
    } finally {
      if (this.pollers.get(requestUri) === stop) this.pollers.delete(requestUri);
    }
  }

  /** Aborts the request in flight for this request file (the progress notification's Cancel does the same). */
  cancelInFlight(requestUri: string): boolean {
    const flight = this.inFlight.get(requestUri);
    flight?.controller.abort();
    return Boolean(flight);
  }

  private async targetFor(entry: ShownSession): Promise<ResolvedTarget | undefined> {
    // As for Create Session: the key does not leave an untrusted workspace (a history entry, a restored panel and
    // its auto-refresh included). The sandbox needs no key.
    if (entry.target.kind !== 'sandbox' && !this.ui.current.isWorkspaceTrusted()) {
      await this.ui.current.showErrorMessage(
        vscode.l10n.t('This workspace is not trusted, so requests are not sent with your API key. Nothing was sent: trust the workspace to refresh or cancel session {0}.', entry.sessionId ?? ''),
        {},
      );
      return undefined;
    }
    // Refresh and cancel go where the session was created, whatever the current target is.
    const resolved = await this.targets.resolveKind(entry.target.kind);
    if (!resolved.ok) {
      await this.ui.current.showErrorMessage(resolved.reason, {});
      return undefined;
    }
    // ...and only there: a Xendit target whose xendit.apiBaseUrl changed since would get the key for a session it
    // never had (or act on another one with that id). The key goes only where the settings say now, so nothing is
    // sent. A sandbox session from before a reload goes to this window's sandbox, whose answer (404, explained)
    // the panel shows: nothing leaves the machine, and the button does what it says.
    const madeAt = entry.target.baseUrl;
    if (entry.target.kind !== 'sandbox' && madeAt && madeAt !== resolved.target.baseUrl && entry.sessionId) {
      const message = vscode.l10n.t('Session {0} was created at {1}, but the {2} target now sends to {3}. Nothing was sent: to refresh or cancel it, set xendit.apiBaseUrl back to {1}.', entry.sessionId, madeAt, entry.target.label, resolved.target.baseUrl);
      await this.ui.current.showErrorMessage(message, {});
      return undefined;
    }
    return resolved.target;
  }

  private async run(
    entry: ShownSession,
    operation: 'create' | 'get' | 'cancel',
    target: ResolvedTarget,
    call: (client: SessionsClient, signal: AbortSignal) => Promise<SessionsResult>,
    options: { background?: boolean } = {},
  ): Promise<SessionOutcome> {
    const background = options.background === true;
    const requestUri = entry.requestUri;
    // A newer request replaces the one in flight: a get is aborted, but a POST goes on, since it may already have
    // made or cancelled a session (never sent twice, never lost); a create's session is then recorded, not shown.
    const previous = this.inFlight.get(requestUri);
    if (previous?.operation === 'get') previous.controller.abort();
    const controller = new AbortController();
    const flight = { controller, operation };
    this.inFlight.set(requestUri, flight);
    const title =
      operation === 'create'
        ? vscode.l10n.t('Creating session on {0}…', target.label)
        : operation === 'get'
          ? vscode.l10n.t('Refreshing session on {0}…', target.label)
          : vscode.l10n.t('Cancelling session on {0}…', target.label);
    const newPanel = !this.panels.get(requestUri);
    // A background refresh whose panel was closed still runs (the history learns the status) but shows nothing.
    const shows = () => !background || Boolean(this.panels.get(requestUri));
    if (shows()) void this.panels.showBusy(requestUri, operation);
    let outcome: SessionOutcome;
    try {
      // VS Code sends what an extension asks of the workbench on a zero-delay timer. A new panel's creation waits
      // for that timer, and so would wait for the request's own synchronous start (the client, undici and, for the
      // sandbox, its handling in this process) if it began now. Letting the timer go first puts the panel's frame
      // in the workbench's hands earlier.
      if (newPanel) await new Promise((resolve) => setTimeout(resolve, 0));
      const result = await withDelayedProgress(this.ui.current, title, call(this.clients.for(target), controller.signal), () => controller.abort());
      if (this.inFlight.get(requestUri) !== flight) {
        // A newer request for this panel replaced this one: the newer answer is the one to show, and the entry
        // stays as that request will leave it. A session this create made is still listed in the history.
        const superseded: SessionOutcome = { operation, result, view: buildResultView(result, entry, inDisplayLanguage), superseded: true };
        if (operation === 'create' && result.kind === 'session') await this.record(undefined, superseded, undefined);
        return superseded;
      }
      entry.lastRequest = result.request;
      if (result.kind === 'session') {
        entry.sessionId = result.session.payment_session_id;
        entry.lastStatus = result.session.status;
      } else if (operation === 'create') {
        entry.sessionId = undefined;
        entry.lastStatus = undefined;
      }
      const view = buildResultView(result, entry, inDisplayLanguage);
      entry.view = view;
      if (shows()) await this.panels.show(view, { reveal: !background });
      outcome = { operation, result, view };
    } finally {
      if (this.inFlight.get(requestUri) === flight) this.inFlight.delete(requestUri);
    }
    // After the post, so what a reload needs is written while the panel draws, not before the panel hears of it.
    // A panel this send opened draws first: the writes and the history view's refresh this sets off would reach
    // the workbench while it loads the new page, on the same main thread (see ResultPanel.setTitle for figures).
    await this.record(entry, outcome, newPanel && this.panels.get(requestUri) ? this.panels.whenRendered(requestUri) : undefined);
    return outcome;
  }

  /**
   * Keeps the entry for a reload (none for a create a newer send replaced: the panel is not its) and fires
   * onDidComplete (so the history records the outcome) once `drawn` settles
   * (or after FIRST_DRAW_WAIT_MS), after every earlier outcome was recorded: the history lists sessions in the order
   * they were shown, even when a resend's answer comes while an earlier send's new panel is still loading.
   */
  private record(entry: ShownSession | undefined, outcome: SessionOutcome, drawn: Promise<unknown> | undefined): Promise<void> {
    const step = this.recorded
      .then(() => (drawn ? settledOrAfter(drawn, FIRST_DRAW_WAIT_MS) : undefined))
      .then(() => {
        if (entry) this.shown.keep(entry);
        this.completed.fire(outcome);
      });
    this.recorded = step.catch(() => undefined);
    return step;
  }

  dispose(): void {
    this.closedPanels.dispose();
    for (const c of this.pollers.values()) c.abort();
    for (const f of this.inFlight.values()) f.controller.abort();
    this.completed.dispose();
  }
}

/** Resolves when `promise` settles or `ms` have passed, whichever is first. */
function settledOrAfter(promise: Promise<unknown>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    promise.then(done, done);
  });
}

function labelOf(uri: vscode.Uri): string {
  return uri.scheme === 'untitled' ? uri.path : (uri.path.split('/').pop() ?? uri.path);
}
