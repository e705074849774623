// The Webhooks view: every payment_session event the embedded sandbox emitted for this workspace, newest first,
// each with its delivery attempts to the forward URL. Kept in workspaceState so a reload keeps them; bounded; the
// records hold the event's payload (a session: no key) and the attempts' answers with the callback token removed.
import * as vscode from 'vscode';
import type { DeliveryAttempt, WebhookRecord } from '../sandbox/webhookDispatcher';
import { redact } from '../sessions/redact';

const STATE_KEY = 'xendit.webhooks';
/** How many events the view keeps (the oldest go first). */
export const WEBHOOK_VIEW_LIMIT = 100;
/** How many attempts are kept per event (the latest). */
export const ATTEMPTS_KEPT = 20;
export const PAYLOAD_SCHEME = 'xendit-webhook';

export type StoredEvent = Omit<WebhookRecord, 'nextAttemptAt'>;
export type WebhookNode = { readonly kind: 'event'; readonly record: StoredEvent } | { readonly kind: 'attempt'; readonly record: StoredEvent; readonly attempt: DeliveryAttempt };

export class WebhookLog implements vscode.TreeDataProvider<WebhookNode>, vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<WebhookNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private writes: Promise<void> = Promise.resolve();

  /** Resolves once the events a closed window was still delivering are settled (see settleInterrupted). */
  readonly ready: Promise<void>;

  /**
   * `secrets` gives what must never be stored (the callback token): removed from every record before it is. A new
   * view is made when the extension starts, before any sandbox of the window runs: it settles what the last window
   * left 'delivering'.
   */
  constructor(
    private readonly state: vscode.Memento,
    private readonly secrets: () => readonly string[],
  ) {
    this.ready = this.settleInterrupted();
  }

  events(): StoredEvent[] {
    const stored = this.state.get<StoredEvent[]>(STATE_KEY, []);
    return Array.isArray(stored) ? stored : [];
  }

  find(id: string): StoredEvent | undefined {
    return this.events().find((e) => e.id === id);
  }

  /** Adds the event at the top, or replaces the stored copy of a known one. Writes go one after the other. */
  record(record: WebhookRecord): Promise<void> {
    const { nextAttemptAt: _next, ...rest } = record;
    const copy: StoredEvent = redact({ ...rest, attempts: record.attempts.slice(-ATTEMPTS_KEPT) }, this.secrets());
    return this.write((events) => {
      const i = events.findIndex((e) => e.id === copy.id);
      if (i >= 0) events[i] = copy;
      else events.unshift(copy);
      return events;
    });
  }

  /**
   * Events still being delivered when the window that emitted them closed: a delivery does not survive its
   * window (the next sandbox takes the events back as history), so they were not delivered.
   */
  private settleInterrupted(): Promise<void> {
    if (!this.events().some((e) => e.outcome === 'pending')) return this.writes;
    return this.write((events) => events.map((e): StoredEvent => (e.outcome === 'pending' ? { ...e, outcome: 'failed' } : e)));
  }

  clear(): Promise<void> {
    return this.write(() => []);
  }

  /** Resolves once every write asked for so far is stored. */
  flushed(): Promise<void> {
    return this.writes;
  }

  private write(change: (events: StoredEvent[]) => StoredEvent[]): Promise<void> {
    this.writes = this.writes
      .then(async () => {
        await this.state.update(STATE_KEY, change(this.events()).slice(0, WEBHOOK_VIEW_LIMIT));
        this.changed.fire(undefined);
      })
      .catch(() => undefined);
    return this.writes;
  }

  /** The read-only document that shows an event's payload. */
  static payloadUri(record: StoredEvent): vscode.Uri {
    return vscode.Uri.from({ scheme: PAYLOAD_SCHEME, path: `/${record.id}/${record.event}.json` });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const id = uri.path.split('/')[1];
    const record = id ? this.find(id) : undefined;
    return record ? `${JSON.stringify(record.payload, null, 2)}\n` : `${JSON.stringify({ note: vscode.l10n.t('This event is no longer in the Webhooks view.') }, null, 2)}\n`;
  }

  getTreeItem(node: WebhookNode): vscode.TreeItem {
    if (node.kind === 'attempt') return attemptItem(node.record, node.attempt);
    const r = node.record;
    const item = new vscode.TreeItem(r.event, r.attempts.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = r.id;
    item.description = [r.referenceId, r.status, shortTime(r.created), outcomeLabel(r.outcome)].join(' · ');
    item.tooltip = new vscode.MarkdownString(
      [
        `**${r.event}**`,
        `- ${vscode.l10n.t('session {0}', `\`${r.sessionId}\``)}`,
        `- ${vscode.l10n.t('reference {0}', `\`${r.referenceId}\``)}`,
        `- ${vscode.l10n.t('status {0}', r.status)}`,
        `- ${vscode.l10n.t('emitted {0}', r.created)}`,
        `- ${outcomeLabel(r.outcome)}`,
      ].join('\n'),
    );
    item.iconPath = new vscode.ThemeIcon(r.outcome === 'delivered' ? 'pass' : r.outcome === 'failed' ? 'error' : r.outcome === 'pending' ? 'sync' : 'circle-outline');
    item.contextValue = 'xendit.webhookEvent';
    item.command = { command: 'xendit.webhooks.openPayload', title: vscode.l10n.t('Open payload'), arguments: [node] };
    item.accessibilityInformation = { label: `${r.event}, ${item.description}` };
    return item;
  }

  getChildren(node?: WebhookNode): WebhookNode[] {
    if (!node) return this.events().map((record) => ({ kind: 'event', record }));
    if (node.kind === 'attempt') return [];
    const record = this.find(node.record.id) ?? node.record;
    return [...record.attempts].reverse().map((attempt) => ({ kind: 'attempt', record, attempt }));
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function attemptItem(record: StoredEvent, a: DeliveryAttempt): vscode.TreeItem {
  const ok = a.status !== undefined && a.status >= 200 && a.status < 300;
  const label = a.status !== undefined ? `HTTP ${a.status}` : vscode.l10n.t('no answer');
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  item.id = `${record.id}#${a.attempt}`;
  const what = a.kind === 'resend' ? vscode.l10n.t('resend') : vscode.l10n.t('attempt {0}', a.attempt);
  const answer = a.error ?? a.answer ?? '';
  item.description = [what, shortTime(a.at), `${a.durationMs} ms`, answer.replace(/\s+/g, ' ').slice(0, 80)].filter(Boolean).join(' · ');
  item.tooltip = [`${what}: ${label} → ${a.url}`, a.at, a.error ? vscode.l10n.t('error: {0}', a.error) : '', a.answer ? vscode.l10n.t('answer: {0}', a.answer) : ''].filter(Boolean).join('\n');
  item.iconPath = new vscode.ThemeIcon(ok ? 'check' : 'close');
  item.contextValue = 'xendit.webhookAttempt';
  return item;
}

function outcomeLabel(outcome: StoredEvent['outcome']): string {
  switch (outcome) {
    case 'delivered':
      return vscode.l10n.t('delivered');
    case 'failed':
      return vscode.l10n.t('not delivered');
    case 'pending':
      return vscode.l10n.t('delivering');
    default:
      return vscode.l10n.t('not forwarded (no forward URL)');
  }
}

function shortTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}
