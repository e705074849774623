// The history view's commands: open (fetches the current state), refresh, cancel, open link, copy id, remove, clear.
import * as vscode from 'vscode';
import type { SessionActions, SessionOutcome } from './sessionActions';
import { SessionHistory, type HistoryEntry } from './sessionHistory';
import type { UiHolder } from './ui';

export const HistoryCommandIds = {
  open: 'xendit.history.open',
  refresh: 'xendit.history.refresh',
  cancel: 'xendit.history.cancel',
  openLink: 'xendit.history.openLink',
  copyId: 'xendit.history.copyId',
  remove: 'xendit.history.remove',
  clear: 'xendit.history.clear',
} as const;

export class HistoryCommands implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly history: SessionHistory,
    private readonly actions: SessionActions,
    private readonly ui: UiHolder,
  ) {
    this.subscriptions = [
      vscode.window.registerTreeDataProvider('xendit.history', history),
      actions.onDidComplete((outcome) => void this.recordOutcome(outcome)),
      vscode.commands.registerCommand(HistoryCommandIds.open, (e: HistoryEntry) => this.open(e)),
      vscode.commands.registerCommand(HistoryCommandIds.refresh, (e: HistoryEntry) => this.open(e)),
      vscode.commands.registerCommand(HistoryCommandIds.cancel, async (e: HistoryEntry) => {
        const adopted = await this.adopt(e);
        // The entry's panel was fetched just now: a refresh that failed has said why, and a session found final (the
        // entry said ACTIVE from an older look) cannot be cancelled, so nothing is asked or sent.
        if (adopted === undefined) return undefined;
        if (adopted !== 'shown' && (adopted.result.kind !== 'session' || adopted.result.session.status !== 'ACTIVE')) {
          if (adopted.result.kind === 'session') {
            void this.ui.current.showInformationMessage(vscode.l10n.t('Session {0} is {1}: only an ACTIVE session can be cancelled.', e.sessionId, adopted.result.session.status), {});
          }
          return undefined;
        }
        return this.actions.cancelSession(e.requestUri);
      }),
      vscode.commands.registerCommand(HistoryCommandIds.openLink, (e: HistoryEntry) => (e?.paymentLinkUrl ? this.actions.openLink(e.paymentLinkUrl, e.baseUrl) : false)),
      vscode.commands.registerCommand(HistoryCommandIds.copyId, async (e: HistoryEntry) => {
        if (e) await this.ui.current.writeClipboard(e.sessionId);
      }),
      vscode.commands.registerCommand(HistoryCommandIds.remove, (e: HistoryEntry) => (e ? this.history.remove(e) : undefined)),
      vscode.commands.registerCommand(HistoryCommandIds.clear, () => this.history.clear()),
    ];
  }

  private async recordOutcome({ operation, result, view }: SessionOutcome): Promise<void> {
    if (result.kind !== 'session') return;
    const s = result.session;
    // A refresh (an auto-refresh poll too) or a cancel of a session the user removed, or cleared, does not list it again.
    await this.history.record(
      {
        sessionId: s.payment_session_id,
        referenceId: s.reference_id,
        target: view.target.kind,
        baseUrl: view.target.baseUrl,
        status: s.status,
        amount: s.amount,
        currency: s.currency,
        paymentLinkUrl: s.payment_link_url ?? null,
        createdAt: s.created,
        requestUri: view.requestUri,
        requestLabel: view.requestLabel,
      },
      { add: operation === 'create' },
    );
  }

  /** Points the entry's panel at its session: 'shown' when it already was, else what fetching it answered. */
  private async adopt(entry: HistoryEntry): Promise<SessionOutcome | 'shown' | undefined> {
    const record = this.actions.recordOf(entry.requestUri);
    if (record?.sessionId === entry.sessionId && record.target.kind === entry.target) return 'shown';
    return this.actions.openSession({ ...entry });
  }

  /** Reopens the entry's result panel with the session's current state. */
  open(entry: HistoryEntry): Promise<SessionOutcome | undefined> {
    return this.actions.openSession({ ...entry });
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
