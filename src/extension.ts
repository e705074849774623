// Wires the VS Code shell together. Business rules live in src/sessions; this file only registers disposables.
import * as vscode from 'vscode';
import { CommandIds } from './vscode/commandIds';
import { OutputLog } from './vscode/outputLog';

export interface ExtensionApi {
  /** Milliseconds spent in activate(), measured by the extension itself (read by tests and the benchmark). */
  readonly activationMs: number;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const started = performance.now();
  const log = new OutputLog();
  context.subscriptions.push(
    log,
    vscode.commands.registerCommand(CommandIds.showLog, () => log.show()),
  );
  return { activationMs: performance.now() - started };
}

export function deactivate(): void {
  // Disposables registered on the context are released by VS Code.
}
