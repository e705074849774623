// Gets the first Create Session ready while the user is still reading the request file: as soon as a
// *.session.json is in an editor, the model and the client bundles are loaded and, when the target is the
// sandbox, the embedded sandbox is started. Without this, the first click paid for all three (about a second
// of the first send in a fresh window). It runs once per window, after the editor has been drawn, and never
// sends anything: a request still goes out only when the user asks.
import * as vscode from 'vscode';
import { loadClient, loadModel } from './engine';
import type { OutputLog } from './outputLog';
import { isRequestFile } from './requestFiles';
import type { TargetManager } from './targets';

/** How long after a request file shows up the work starts, so the editor and its CodeLens are drawn first. */
const SETTLE_MS = 50;

export class FirstSendWarmUp implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[] = [];
  private started?: Promise<void>;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly targets: TargetManager,
    private readonly log: OutputLog,
  ) {
    this.subscriptions.push(vscode.window.onDidChangeVisibleTextEditors((editors) => this.consider(editors)));
    this.consider(vscode.window.visibleTextEditors);
  }

  /** Resolves when the warm-up has run (at once if it already has); never rejects. */
  whenReady(): Promise<void> {
    return this.started ?? Promise.resolve();
  }

  private consider(editors: readonly vscode.TextEditor[]): void {
    if (this.started || this.timer || !editors.some((editor) => isRequestFile(editor.document))) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.started = this.warm();
    }, SETTLE_MS);
  }

  private async warm(): Promise<void> {
    const began = performance.now();
    try {
      loadModel();
      loadClient();
      const loadedAt = performance.now();
      // Only the sandbox is started ahead: the test and live targets need nothing but the loaded client.
      const sandbox = (await this.targets.kind()) === 'sandbox' ? await this.targets.resolveKind('sandbox') : undefined;
      this.log.channel.info(
        `Ready for the first send in ${Math.round(performance.now() - began)} ms (bundles ${Math.round(loadedAt - began)} ms${sandbox?.ok ? ', sandbox started' : ''}).`,
      );
    } catch (err) {
      // The send itself will meet the same failure and explain it; here it is only noted.
      this.log.channel.debug(`Warm-up for the first send did not finish: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
