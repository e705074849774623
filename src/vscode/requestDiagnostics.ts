// Live diagnostics and quick fixes for open *.session.json documents, from the same model and rules the
// sandbox and the send path use. What the contributed JSON schema already reports is left to it.
import * as vscode from 'vscode';
import type { Fix } from '../sessions/problem';
import { sayInDisplayLanguage } from './displayLanguage';
import { DocumentWatcher } from './documentWatcher';
import { loadModel } from './engine';
import { placeholderContextFor } from './placeholderProviders';

const DEBOUNCE_MS = 250;

export function isSessionRequestDocument(document: vscode.TextDocument): boolean {
  return /\.session\.json$/i.test(document.uri.path) && document.uri.scheme !== 'git' && document.uri.scheme !== 'output';
}

export class RequestDiagnostics implements vscode.Disposable, vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix];

  private readonly collection = vscode.languages.createDiagnosticCollection('xendit');
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.subscriptions = [
      this.collection,
      new DocumentWatcher({ accepts: isSessionRequestDocument, update: (d) => this.update(d), forget: (uri) => this.collection.delete(uri) }, DEBOUNCE_MS),
      vscode.languages.registerCodeActionsProvider(
        [{ pattern: '**/*.session.json' }],
        this,
        { providedCodeActionKinds: RequestDiagnostics.providedCodeActionKinds },
      ),
    ];
  }

  /** Recomputes a document's diagnostics now. */
  update(document: vscode.TextDocument): vscode.Diagnostic[] {
    const now = new Date();
    const analysis = loadModel().analyzeRequestText(document.getText(), { now, skipSchemaCovered: true, placeholders: placeholderContextFor(document, now) });
    const diagnostics: vscode.Diagnostic[] = [];
    // Syntax errors are the JSON language service's to report; the model speaks once the JSON parses.
    for (const problem of analysis.problems) {
      const range = new vscode.Range(document.positionAt(problem.offset), document.positionAt(problem.offset + problem.length));
      const diagnostic = new vscode.Diagnostic(
        range,
        sayInDisplayLanguage(problem.says),
        problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
      );
      diagnostic.source = 'Xendit';
      diagnostic.code = problem.code;
      diagnostics.push(diagnostic);
    }
    this.collection.set(document.uri, diagnostics);
    return diagnostics;
  }

  /**
   * Offers the model's fixes for every problem under the cursor, whoever reported it: some problems are
   * underlined by the JSON schema (so they are not underlined twice) yet only the model knows their fix.
   */
  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const model = loadModel();
    const text = document.getText();
    const analysis = model.analyzeRequestText(text, { placeholders: placeholderContextFor(document) });
    const actions: vscode.CodeAction[] = [];
    const seen = new Set<string>();
    for (const problem of analysis.problems) {
      if (!problem.fix) continue;
      const problemRange = new vscode.Range(document.positionAt(problem.offset), document.positionAt(problem.offset + problem.length));
      if (!problemRange.intersection(range)) continue;
      const fix: Fix = problem.fix;
      const id = `${fix.title}|${JSON.stringify(fix.path)}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const edits = model.fixEdits(text, fix, { eol: document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n' });
      // None when the fix cannot be made safely (a key written twice on its way): no action rather than one that does nothing.
      if (edits.length === 0) continue;
      const edit = new vscode.WorkspaceEdit();
      for (const e of edits) {
        edit.replace(document.uri, new vscode.Range(document.positionAt(e.offset), document.positionAt(e.offset + e.length)), e.content);
      }
      const action = new vscode.CodeAction(fix.titleSays ? sayInDisplayLanguage(fix.titleSays) : fix.title, vscode.CodeActionKind.QuickFix);
      action.edit = edit;
      action.diagnostics = context.diagnostics.filter((d) => d.range.intersection(problemRange));
      action.isPreferred = true;
      actions.push(action);
    }
    return actions;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
