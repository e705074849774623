// Which documents are session requests, for the commands and helpers that look for one without being given it.
import * as vscode from 'vscode';

export function isRequestFile(document: vscode.TextDocument): boolean {
  return document.uri.path.endsWith('.session.json');
}

/** The first request file in a visible editor: what a command run from outside the editors (no active one) means. */
export function requestFileInView(): vscode.TextDocument | undefined {
  return vscode.window.visibleTextEditors.map((editor) => editor.document).find(isRequestFile);
}
