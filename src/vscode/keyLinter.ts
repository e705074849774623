// Flags Xendit secret keys written into any open document (a live key is an error, a test key a warning),
// with a quick fix that reads the key from the environment in JS/TS and Python.
import * as vscode from 'vscode';
import { environmentRead, findSecretKeys, type FoundKey } from '../sessions/keyScanner';
import { DocumentWatcher } from './documentWatcher';

const DEBOUNCE_MS = 300;
const MAX_SCAN_CHARS = 5 * 1024 * 1024;
const SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs']);

interface GitApi {
  repositories: { rootUri: vscode.Uri; checkIgnore(paths: string[]): Promise<Set<string>> }[];
}

export class KeyLinter implements vscode.Disposable, vscode.CodeActionProvider {
  private readonly collection = vscode.languages.createDiagnosticCollection('xendit-keys');
  private readonly found = new Map<string, FoundKey[]>();
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    const watcher = new DocumentWatcher(
      { accepts: (d) => SCHEMES.has(d.uri.scheme), update: (d) => this.update(d), forget: (uri) => this.forget(uri) },
      DEBOUNCE_MS,
    );
    this.subscriptions = [
      this.collection,
      watcher,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('xendit.keyLinter')) watcher.rescanAll();
      }),
      vscode.languages.registerCodeActionsProvider({ scheme: '*' }, this, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    ];
  }

  /** Scans a document now. */
  async update(document: vscode.TextDocument): Promise<vscode.Diagnostic[]> {
    const config = vscode.workspace.getConfiguration('xendit.keyLinter', document.uri);
    const text = document.getText();
    let keys: FoundKey[] = [];
    if (config.get<boolean>('enabled', true) && text.length <= MAX_SCAN_CHARS && text.includes('xnd_')) {
      keys = findSecretKeys(text);
      if (keys.length > 0 && !config.get<boolean>('includeGitIgnored', false) && (await isGitIgnored(document.uri))) keys = [];
    }
    this.found.set(document.uri.toString(), keys);
    const diagnostics = keys.map((k) => {
      const range = new vscode.Range(document.positionAt(k.offset), document.positionAt(k.offset + k.length));
      const d = new vscode.Diagnostic(
        range,
        k.kind === 'live'
          ? vscode.l10n.t(
              'A live Xendit secret key in source code: anyone who can read this file can take payments and refunds on your account. Remove it, revoke it in the Xendit Dashboard, and read it from the environment (XENDIT_SECRET_KEY).',
            )
          : vscode.l10n.t('A Xendit test secret key in source code: keep keys out of files that are shared or committed, and read it from the environment (XENDIT_SECRET_KEY).'),
        k.kind === 'live' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
      );
      d.source = 'Xendit';
      d.code = k.kind === 'live' ? 'live-secret-key' : 'test-secret-key';
      return d;
    });
    this.collection.set(document.uri, diagnostics);
    return diagnostics;
  }

  private forget(uri: vscode.Uri): void {
    this.found.delete(uri.toString());
    this.collection.delete(uri);
  }

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range): vscode.CodeAction[] {
    const read = environmentRead(document.languageId);
    if (!read) return [];
    const actions: vscode.CodeAction[] = [];
    for (const k of this.found.get(document.uri.toString()) ?? []) {
      const keyRange = new vscode.Range(document.positionAt(k.offset), document.positionAt(k.offset + k.length));
      if (!keyRange.intersection(range) || !k.literal.quoted) continue;
      const literalRange = new vscode.Range(document.positionAt(k.literal.offset), document.positionAt(k.literal.offset + k.literal.length));
      const action = new vscode.CodeAction(vscode.l10n.t('Read the key from the environment: {0}', read), vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      action.edit.replace(document.uri, literalRange, read);
      if (document.languageId === 'python' && !/^\s*import os\b/m.test(document.getText())) {
        action.edit.insert(document.uri, new vscode.Position(0, 0), 'import os\n');
      }
      action.diagnostics = this.collection.get(document.uri)?.filter((d) => d.range.intersection(keyRange)) ?? [];
      action.isPreferred = true;
      actions.push(action);
    }
    return actions;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

/** Asks the built-in Git extension, when it is already running; never activates it just for this. */
async function isGitIgnored(uri: vscode.Uri): Promise<boolean> {
  if (uri.scheme !== 'file') return false;
  const git = vscode.extensions.getExtension<{ getAPI(v: 1): GitApi }>('vscode.git');
  if (!git?.isActive) return false;
  try {
    const api = git.exports.getAPI(1);
    const repo = api.repositories.find((r) => uri.fsPath.startsWith(r.rootUri.fsPath));
    if (!repo) return false;
    const ignored = await repo.checkIgnore([uri.fsPath]);
    return ignored.has(uri.fsPath);
  } catch {
    return false;
  }
}
