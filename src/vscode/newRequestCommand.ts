// Xendit: New Session Request — a quick pick of the reference examples; writes a new *.session.json and opens it.
import * as vscode from 'vscode';
import { CommandIds } from './commandIds';
import { loadModel } from './engine';
import { UiHolder } from './ui';

export class NewRequestCommand implements vscode.Disposable {
  private readonly registration: vscode.Disposable;

  constructor(private readonly ui: UiHolder) {
    this.registration = vscode.commands.registerCommand(CommandIds.newSessionRequest, () => this.run());
  }

  /** Resolves to the new file, or undefined when the user stopped. Never overwrites a file without asking. */
  async run(): Promise<vscode.Uri | undefined> {
    const model = loadModel();
    const picked = await this.ui.current.showQuickPick(
      model.SESSION_REQUEST_EXAMPLES.map((example) => ({ label: example.label, description: model.exampleFileName(example), detail: example.description, example })),
      { title: vscode.l10n.t('New session request from an example'), matchOnDetail: true },
    );
    if (!picked) return undefined;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const suggested = folder ? vscode.Uri.joinPath(folder, model.exampleFileName(picked.example)) : undefined;
    const target = await this.ui.current.showSaveDialog({
      title: vscode.l10n.t('Save the new session request'),
      defaultUri: suggested,
      filters: { [vscode.l10n.t('Session request')]: ['session.json'], JSON: ['json'] },
      saveLabel: vscode.l10n.t('Create request'),
    });
    if (!target) return undefined;
    const uri = /\.session\.json$/i.test(target.path) ? target : target.with({ path: target.path.replace(/(\.json)?$/i, '.session.json') });
    // The save dialog asks before replacing an existing file; the renamed variant must ask here.
    if (uri.toString() !== target.toString() && (await exists(uri))) {
      const replace = vscode.l10n.t('Replace');
      const choice = await this.ui.current.showWarningMessage(vscode.l10n.t('{0} exists. Replace it?', vscode.workspace.asRelativePath(uri)), { modal: true }, replace);
      if (choice !== replace) return undefined;
    }
    // No $schema key: the extension's jsonValidation covers *.session.json wherever the file lives.
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(model.exampleFileText(picked.example)));
    await vscode.window.showTextDocument(uri, { preview: false });
    return uri;
  }

  dispose(): void {
    this.registration.dispose();
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
