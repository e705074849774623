// The window functions the extension talks to the user through. Tests replace them (modal dialogs are refused
// while extension tests run), and only in ExtensionMode.Test, so no other extension can intercept a key prompt.
import * as vscode from 'vscode';

export interface Ui {
  showInformationMessage(message: string, options: vscode.MessageOptions, ...items: string[]): Thenable<string | undefined>;
  showWarningMessage(message: string, options: vscode.MessageOptions, ...items: string[]): Thenable<string | undefined>;
  showErrorMessage(message: string, options: vscode.MessageOptions, ...items: string[]): Thenable<string | undefined>;
  showInputBox(options: vscode.InputBoxOptions): Thenable<string | undefined>;
  showQuickPick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Thenable<T | undefined>;
  showSaveDialog(options: vscode.SaveDialogOptions): Thenable<vscode.Uri | undefined>;
  openExternal(uri: vscode.Uri): Thenable<boolean>;
  writeClipboard(text: string): Thenable<void>;
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
};

/** Holds the current Ui; the shell always reads `ui.current` at call time. */
export class UiHolder {
  current: Ui = windowUi;

  /** Replace some functions (tests). Returns a function that restores the previous ones. */
  override(partial: Partial<Ui>): () => void {
    const previous = this.current;
    this.current = { ...previous, ...partial };
    return () => {
      this.current = previous;
    };
  }
}
