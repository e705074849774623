// Completes the getting-started walkthrough's steps as the user does them: VS Code reads these context keys
// (completionEvents "onContext:…") and ticks the step.
import * as vscode from 'vscode';
import type { SessionActions } from './sessionActions';

export const WalkthroughContext = {
  openedPaymentLink: 'xendit.walkthrough.openedPaymentLink',
  sawCompleted: 'xendit.walkthrough.sawCompleted',
} as const;

export class WalkthroughProgress implements vscode.Disposable {
  private readonly done = new Set<string>();

  private readonly subscriptions: vscode.Disposable[];

  constructor(actions: SessionActions) {
    this.subscriptions = [
      actions.onDidComplete(({ result }) => {
        if (result.kind === 'session' && result.session.status === 'COMPLETED') void this.mark(WalkthroughContext.sawCompleted);
      }),
      actions.onDidOpenLink(() => void this.mark(WalkthroughContext.openedPaymentLink)),
    ];
  }

  /** Sets a context key once; VS Code remembers completed walkthrough steps itself. */
  async mark(key: string): Promise<void> {
    if (this.done.has(key)) return;
    this.done.add(key);
    await vscode.commands.executeCommand('setContext', key, true);
  }

  /** What this window has marked (tests read it; VS Code offers no API to read a context key). */
  marked(): string[] {
    return [...this.done];
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
