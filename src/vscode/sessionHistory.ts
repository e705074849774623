// The "Xendit Sessions" history: sessions created from this workspace, newest first, kept in workspaceState.
// Entries hold what a list needs (ids, status, amount, target, link) and never a key or a request body.
import * as vscode from 'vscode';
import type { TargetKind } from './resultView';
import { TARGET_LABELS } from './targets';

export interface HistoryEntry {
  readonly sessionId: string;
  readonly referenceId: string;
  readonly target: TargetKind;
  readonly baseUrl: string;
  status: string;
  readonly amount?: number;
  readonly currency?: string;
  paymentLinkUrl?: string | null;
  readonly createdAt: string;
  updatedAt: string;
  /** The request file it was created from, to reopen its panel. */
  readonly requestUri: string;
  readonly requestLabel: string;
}

const STATE_KEY = 'xendit.history';
export const HISTORY_LIMIT = 200;

export class SessionHistory implements vscode.TreeDataProvider<HistoryEntry>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<HistoryEntry | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly state: vscode.Memento) {}

  entries(): HistoryEntry[] {
    const stored = this.state.get<HistoryEntry[]>(STATE_KEY, []);
    return Array.isArray(stored) ? stored : [];
  }

  private async save(entries: HistoryEntry[]): Promise<void> {
    await this.state.update(STATE_KEY, entries.slice(0, HISTORY_LIMIT));
    this.changed.fire(undefined);
  }

  /** Updates the entry of this session, or, with `add` (the default), lists it first when it is not listed. */
  async record(entry: Omit<HistoryEntry, 'updatedAt' | 'createdAt'> & { createdAt?: string }, options: { add?: boolean } = {}): Promise<void> {
    const entries = this.entries();
    const now = new Date().toISOString();
    const existing = entries.find((e) => e.sessionId === entry.sessionId && e.target === entry.target);
    if (existing) {
      existing.status = entry.status;
      existing.updatedAt = now;
      if (entry.paymentLinkUrl !== undefined) existing.paymentLinkUrl = entry.paymentLinkUrl;
      await this.save(entries);
      return;
    }
    if (options.add === false) return;
    await this.save([{ ...entry, createdAt: entry.createdAt ?? now, updatedAt: now }, ...entries]);
  }

  async remove(entry: HistoryEntry): Promise<void> {
    await this.save(this.entries().filter((e) => !(e.sessionId === entry.sessionId && e.target === entry.target)));
  }

  async clear(): Promise<void> {
    await this.save([]);
  }

  getTreeItem(entry: HistoryEntry): vscode.TreeItem {
    const item = new vscode.TreeItem(entry.referenceId, vscode.TreeItemCollapsibleState.None);
    const amount = entry.currency !== undefined && entry.amount !== undefined ? `${entry.currency} ${entry.amount.toLocaleString('en-US')}` : '';
    const when = new Date(entry.createdAt).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });
    item.description = [entry.target === 'live' ? 'LIVE' : TARGET_LABELS[entry.target], entry.status, amount, when].filter(Boolean).join(' · ');
    item.tooltip = new vscode.MarkdownString(
      [
        vscode.l10n.t('{0} on {1}', `**${escapeMarkdown(entry.referenceId)}**`, TARGET_LABELS[entry.target]),
        `- ${vscode.l10n.t('session {0}', `\`${entry.sessionId}\``)}`,
        `- ${vscode.l10n.t('status {0}', entry.status)}`,
        amount ? `- ${vscode.l10n.t('amount {0}', amount)}` : '',
        `- ${vscode.l10n.t('created {0}', entry.createdAt)}`,
        `- ${vscode.l10n.t('from {0}', escapeMarkdown(entry.requestLabel))}`,
      ]
        .filter(Boolean)
        .join('\n'),
    );
    item.iconPath = new vscode.ThemeIcon(ICONS[entry.status] ?? 'circle-outline', entry.target === 'live' ? new vscode.ThemeColor('list.warningForeground') : undefined);
    // e.g. xendit.session.active.sandbox.link: the menus match its start (state, target) and its end (a link).
    item.contextValue = `xendit.session.${entry.status === 'ACTIVE' ? 'active' : 'final'}.${entry.target}${entry.paymentLinkUrl ? '.link' : ''}`;
    item.command = { command: 'xendit.history.open', title: vscode.l10n.t('Open session'), arguments: [entry] };
    item.accessibilityInformation = { label: `${entry.referenceId}, ${item.description}` };
    return item;
  }

  getChildren(element?: HistoryEntry): HistoryEntry[] {
    return element ? [] : this.entries();
  }

  dispose(): void {
    this.changed.dispose();
  }
}

const ICONS: Record<string, string> = {
  ACTIVE: 'circle-large-outline',
  COMPLETED: 'pass',
  EXPIRED: 'watch',
  CANCELED: 'circle-slash',
};

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
