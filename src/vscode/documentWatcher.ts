// Runs a check on open documents: at once when one opens, debounced while it changes, and lets go when it closes.
import * as vscode from 'vscode';

export interface DocumentCheck {
  accepts(document: vscode.TextDocument): boolean;
  update(document: vscode.TextDocument): unknown;
  forget(uri: vscode.Uri): void;
}

export class DocumentWatcher implements vscode.Disposable {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly check: DocumentCheck,
    private readonly debounceMs: number,
  ) {
    this.subscriptions = [
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document, this.debounceMs)),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.cancel(d.uri.toString());
        check.forget(d.uri);
      }),
    ];
    this.rescanAll();
  }

  /** Checks every open document again (after a settings change). */
  rescanAll(): void {
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    if (!this.check.accepts(document)) return;
    const key = document.uri.toString();
    this.cancel(key);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        if (!document.isClosed) void this.check.update(document);
      }, delay),
    );
  }

  private cancel(key: string): void {
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const s of this.subscriptions) s.dispose();
  }
}
