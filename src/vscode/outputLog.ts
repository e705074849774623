// The "Xendit Sessions" log channel. Everything written here goes through redaction first.
import * as vscode from 'vscode';

export class OutputLog implements vscode.Disposable {
  readonly channel: vscode.LogOutputChannel;

  constructor() {
    this.channel = vscode.window.createOutputChannel('Xendit Sessions', { log: true });
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
