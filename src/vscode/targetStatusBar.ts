// The status bar item that always shows where a request would go, and opens the target picker.
import * as vscode from 'vscode';
import { CommandIds } from './commandIds';
import { TargetKind, TargetManager } from './targets';

const TEXT: Record<TargetKind, string> = {
  sandbox: '$(beaker) Xendit: Sandbox',
  test: '$(key) Xendit: Test',
  live: '$(warning) Xendit: LIVE',
};

function tooltip(kind: TargetKind): string {
  switch (kind) {
    case 'sandbox':
      return vscode.l10n.t('Requests go to the embedded offline sandbox. Click to change the target.');
    case 'test':
      return vscode.l10n.t('Requests go to Xendit with your test key (no real money). Click to change the target.');
    case 'live':
      return vscode.l10n.t('Requests go to Xendit with your LIVE key: real sessions, real money. Click to change the target.');
  }
}

export class TargetStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly subscription: vscode.Disposable;

  constructor(targets: TargetManager) {
    this.item = vscode.window.createStatusBarItem('xendit.target', vscode.StatusBarAlignment.Left, 50);
    this.item.name = vscode.l10n.t('Xendit Sessions target');
    this.item.command = CommandIds.selectTarget;
    this.subscription = targets.onDidChange((kind) => this.render(kind));
    void targets.kind().then((kind) => this.render(kind));
  }

  /** What the item shows now (read by tests). */
  get text(): string {
    return this.item.text;
  }

  private render(kind: TargetKind): void {
    this.item.text = TEXT[kind];
    this.item.tooltip = tooltip(kind);
    this.item.backgroundColor = kind === 'live' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.accessibilityInformation = { label: vscode.l10n.t('Xendit target: {0}', kind === 'live' ? 'LIVE' : kind), role: 'button' };
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
