// Placeholders in the editor: completion after `{{` in a request file's string values, and a hover that shows
// what a placeholder gives now. The logic is the model's (src/sessions/placeholderAssist.ts); this draws it.
import * as vscode from 'vscode';
import { localPlaceholderContext } from '../sessions/dotenv';
import type { PlaceholderContext } from '../sessions/placeholders';
import { sayInDisplayLanguage } from './displayLanguage';
import { loadModel } from './engine';

const SELECTOR: vscode.DocumentSelector = [{ pattern: '**/*.session.json' }];

/** What `{{$env}}` and `{{$dotenv}}` read for a document: VS Code's environment and its workspace folder's `.env`. */
export function placeholderContextFor(document: vscode.TextDocument, now = new Date()): PlaceholderContext {
  const folder = vscode.workspace.getWorkspaceFolder(document.uri) ?? (document.isUntitled ? vscode.workspace.workspaceFolders?.[0] : undefined);
  return localPlaceholderContext(folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined, process.env, now);
}

export class PlaceholderProviders implements vscode.Disposable, vscode.CompletionItemProvider, vscode.HoverProvider {
  private readonly registrations = [
    vscode.languages.registerCompletionItemProvider(SELECTOR, this, '{', '$'),
    vscode.languages.registerHoverProvider(SELECTOR, this),
  ];

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    const offset = document.offsetAt(position);
    return loadModel()
      .placeholderCompletions(document.getText(), offset)
      .map((completion) => {
        const item = new vscode.CompletionItem(completion.label, vscode.CompletionItemKind.Variable);
        item.insertText = new vscode.SnippetString(completion.snippet);
        item.range = new vscode.Range(document.positionAt(completion.replaceOffset), document.positionAt(completion.replaceOffset + completion.replaceLength));
        item.detail = completion.detail;
        item.documentation = new vscode.MarkdownString(completion.documentation);
        item.sortText = `0${completion.label}`;
        return item;
      });
  }

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const hover = loadModel().placeholderHover(document.getText(), document.offsetAt(position), placeholderContextFor(document));
    if (!hover) return undefined;
    // A placeholder that gives nothing repeats its problem, in the display language as the Problems panel does.
    const markdown = new vscode.MarkdownString(hover.problem ? hover.problem.lead + sayInDisplayLanguage(hover.problem.says) : hover.markdown);
    markdown.isTrusted = false;
    return new vscode.Hover(markdown, new vscode.Range(document.positionAt(hover.offset), document.positionAt(hover.offset + hover.length)));
  }

  dispose(): void {
    for (const registration of this.registrations) registration.dispose();
  }
}
