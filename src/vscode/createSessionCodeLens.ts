// "Create Session · Sandbox" above the first line of every *.session.json: the target is always in view.
import * as vscode from 'vscode';
import { CommandIds, FROM_CODE_LENS } from './commandIds';
import { TARGET_LABELS, TargetManager } from './targets';

export class CreateSessionCodeLens implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly targets: TargetManager) {
    this.subscriptions = [
      this.changed,
      targets.onDidChange(() => this.changed.fire()),
      vscode.languages.registerCodeLensProvider([{ pattern: '**/*.session.json' }], this),
    ];
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    const kind = await this.targets.kind();
    const range = new vscode.Range(0, 0, 0, 0);
    return [
      new vscode.CodeLens(range, {
        title: `$(play) ${vscode.l10n.t('Create Session · {0}', kind === 'live' ? 'LIVE' : TARGET_LABELS[kind])}`,
        tooltip: vscode.l10n.t('Send this request to POST /sessions and show the result beside the editor'),
        command: CommandIds.createSession,
        arguments: [document.uri, FROM_CODE_LENS],
      }),
      new vscode.CodeLens(range, {
        title: vscode.l10n.t('Change target'),
        command: CommandIds.selectTarget,
      }),
    ];
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
