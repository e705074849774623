// The window functions the extension talks to the user through. Tests replace them (modal dialogs are refused
// while extension tests run), and only in ExtensionMode.Test, so no other extension can intercept a key prompt.
import * as vscode from 'vscode';
import type { Transcript } from './transcript';

export interface Ui {
  showInformationMessage(message: string, options: vscode.MessageOptions, ...items: string[]): Thenable<string | undefined>;
  showWarningMessage(message: string, options: vscode.MessageOptions, ...items: string[]): Thenable<string | undefined>;
  showErrorMessage(message: string, options: vscode.MessageOptions, ...items: string[]): Thenable<string | undefined>;
  showInputBox(options: vscode.InputBoxOptions): Thenable<string | undefined>;
  showQuickPick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Thenable<T | undefined>;
  showSaveDialog(options: vscode.SaveDialogOptions): Thenable<vscode.Uri | undefined>;
  openExternal(uri: vscode.Uri): Thenable<boolean>;
  writeClipboard(text: string): Thenable<void>;
  withProgress<R>(options: vscode.ProgressOptions, task: (progress: vscode.Progress<{ message?: string }>, token: vscode.CancellationToken) => Thenable<R>): Thenable<R>;
  /** Whether the user trusts this workspace (requests with a key are only sent from trusted ones). */
  isWorkspaceTrusted(): boolean;
}

export const windowUi: Ui = {
  showInformationMessage: (m, o, ...i) => vscode.window.showInformationMessage(m, o, ...i),
  showWarningMessage: (m, o, ...i) => vscode.window.showWarningMessage(m, o, ...i),
  showErrorMessage: (m, o, ...i) => vscode.window.showErrorMessage(m, o, ...i),
  showInputBox: (o) => vscode.window.showInputBox(o),
  showQuickPick: (items, o) => vscode.window.showQuickPick(items, o),
  showSaveDialog: (o) => vscode.window.showSaveDialog(o),
  openExternal: (uri) => vscode.env.openExternal(uri),
  writeClipboard: (text) => vscode.env.clipboard.writeText(text),
  withProgress: (options, task) => vscode.window.withProgress(options, task),
  isWorkspaceTrusted: () => vscode.workspace.isTrusted,
};

/** Holds the current Ui; the shell always reads `ui.current` at call time. */
export class UiHolder {
  private impl: Ui = windowUi;
  private recorded: Ui | undefined;

  /** With a transcript (test runs), every message shown and every clipboard write is also recorded. */
  constructor(private readonly transcript?: Transcript) {}

  get current(): Ui {
    if (!this.transcript) return this.impl;
    return (this.recorded ??= recording(this.impl, this.transcript));
  }

  /** Replace some functions (tests). Returns a function that restores the previous ones. */
  override(partial: Partial<Ui>): () => void {
    const previous = this.impl;
    this.impl = { ...previous, ...partial };
    this.recorded = undefined;
    return () => {
      this.impl = previous;
      this.recorded = undefined;
    };
  }
}

function recording(ui: Ui, t: Transcript): Ui {
  return {
    ...ui,
    showInformationMessage: (m, o, ...i) => (t.add('info', [m, o.detail]), ui.showInformationMessage(m, o, ...i)),
    showWarningMessage: (m, o, ...i) => (t.add('warning', [m, o.detail]), ui.showWarningMessage(m, o, ...i)),
    showErrorMessage: (m, o, ...i) => (t.add('error', [m, o.detail]), ui.showErrorMessage(m, o, ...i)),
    showInputBox: (o) => (t.add('inputBox', [o.title, o.prompt, o.placeHolder, o.value]), ui.showInputBox(o)),
    writeClipboard: (text) => (t.add('clipboard', text), ui.writeClipboard(text)),
    openExternal: (uri) => (t.add('openExternal', uri.toString()), ui.openExternal(uri)),
    withProgress: (options, task) => (t.add('progress', [options.title]), ui.withProgress(options, task)),
  };
}
