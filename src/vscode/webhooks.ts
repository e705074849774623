// The webhook side of the editor, wired together: the Webhooks view (events kept for the workspace), forwarding
// to the developer's handler, the sandbox triggers and the handler check, with their commands.
import * as vscode from 'vscode';
import type { SandboxHandle } from '../sandbox/sandboxServer';
import type { HandlerCheckResult } from '../sessions/handlerCheck';
import type { EmbeddedSandbox } from './embeddedSandbox';
import { runHandlerCheck } from './handlerCheckCommand';
import type { OutputLog } from './outputLog';
import type { SessionHistory } from './sessionHistory';
import type { UiHolder } from './ui';
import { readForwardUrl, WebhookForwarding } from './webhookForwarding';
import { PAYLOAD_SCHEME, WebhookLog, type WebhookNode } from './webhookLog';
import { WebhookTriggers } from './webhookTriggers';

export const WebhookCommandIds = {
  openPayload: 'xendit.webhooks.openPayload',
  resend: 'xendit.webhooks.resend',
  clear: 'xendit.webhooks.clear',
  setCallbackToken: 'xendit.webhooks.setCallbackToken',
  copyCallbackToken: 'xendit.webhooks.copyCallbackToken',
  paySession: 'xendit.webhooks.paySession',
  expireSession: 'xendit.webhooks.expireSession',
  cancelSession: 'xendit.webhooks.cancelSession',
  triggerEvent: 'xendit.webhooks.triggerEvent',
  checkHandler: 'xendit.webhooks.checkHandler',
} as const;

export class Webhooks implements vscode.Disposable {
  readonly view: WebhookLog;
  readonly forwarding: WebhookForwarding;
  readonly triggers: WebhookTriggers;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    context: vscode.ExtensionContext,
    private readonly sandbox: EmbeddedSandbox,
    private readonly history: SessionHistory,
    private readonly ui: UiHolder,
    log: OutputLog,
  ) {
    this.forwarding = new WebhookForwarding(context.secrets, sandbox, ui, log);
    this.view = new WebhookLog(context.workspaceState, () => this.forwarding.knownTokens());
    this.triggers = new WebhookTriggers(sandbox, history, ui, log);
    const C = WebhookCommandIds;
    this.subscriptions = [
      this.view,
      this.forwarding,
      sandbox.onStart((handle) => this.adopt(handle)),
      vscode.window.registerTreeDataProvider('xendit.webhooks', this.view),
      vscode.workspace.registerTextDocumentContentProvider(PAYLOAD_SCHEME, this.view),
      vscode.commands.registerCommand(C.openPayload, (node?: WebhookNode) => this.openPayload(node)),
      vscode.commands.registerCommand(C.resend, (node?: WebhookNode) => this.resend(node)),
      vscode.commands.registerCommand(C.clear, () => this.clear()),
      vscode.commands.registerCommand(C.setCallbackToken, () => this.forwarding.setToken()),
      vscode.commands.registerCommand(C.copyCallbackToken, () => this.forwarding.copyToken()),
      vscode.commands.registerCommand(C.paySession, (arg?: never) => this.triggers.run('complete', arg)),
      vscode.commands.registerCommand(C.expireSession, (arg?: never) => this.triggers.run('expire', arg)),
      vscode.commands.registerCommand(C.cancelSession, (arg?: never) => this.triggers.run('cancel', arg)),
      vscode.commands.registerCommand(C.triggerEvent, (choice?: unknown, uri?: unknown) => this.triggers.triggerEvent(choice, uri)),
      vscode.commands.registerCommand(C.checkHandler, (): Promise<HandlerCheckResult | undefined> => runHandlerCheck(this.forwarding, ui, log)),
    ];
  }

  /** Empties the view, and makes the running sandbox forget the events too, so a retry still due cannot bring one back. */
  private clear(): Promise<void> {
    this.sandbox.current?.webhooks.forget();
    return this.view.clear();
  }

  /** The new sandbox takes back the events kept for the workspace (to resend them), and every change is kept. */
  private adopt(handle: SandboxHandle): void {
    handle.webhooks.restore([...this.view.events()].reverse());
    const watch = handle.webhooks.onChange((change) => {
      void this.view.record(change.record);
      if (change.kind === 'event') void this.updateHistory(handle, change.record.sessionId, change.record.status);
    });
    this.subscriptions.push(watch);
  }

  /** A session the history lists from this sandbox shows the status its event announced (COMPLETED, EXPIRED). */
  private async updateHistory(handle: SandboxHandle, sessionId: string, status: string): Promise<void> {
    const entry = this.history.entries().find((e) => e.sessionId === sessionId && e.baseUrl === handle.baseUrl);
    if (entry && entry.status !== status) await this.history.record({ ...entry, status });
  }

  private async openPayload(node: WebhookNode | undefined): Promise<vscode.TextEditor | undefined> {
    if (!node) return undefined;
    const document = await vscode.workspace.openTextDocument(WebhookLog.payloadUri(node.record));
    const json = document.languageId === 'json' ? document : await vscode.languages.setTextDocumentLanguage(document, 'json');
    return vscode.window.showTextDocument(json, { preview: true });
  }

  /** Sends the event once more to the forward URL; resolves to the attempt, or undefined when nothing was sent. */
  private async resend(node: WebhookNode | undefined) {
    if (!node) return undefined;
    const handle = await this.sandbox.handle();
    await this.forwarding.apply(handle);
    if (!this.forwarding.applied) {
      const open = vscode.l10n.t('Open Settings');
      const choice = await this.ui.current.showErrorMessage(
        readForwardUrl().problem ?? vscode.l10n.t('Nothing was resent: set xendit.webhooks.forwardUrl to your handler\'s URL first (https, or http on localhost).'),
        {},
        open,
      );
      if (choice === open) void vscode.commands.executeCommand('workbench.action.openSettings', 'xendit.webhooks.forwardUrl');
      return undefined;
    }
    const attempt = await handle.webhooks.resend(node.record.id);
    // The sandbox logs the attempt itself (without the token), as it does every delivery.
    if (!attempt) await this.ui.current.showErrorMessage(vscode.l10n.t('This event is no longer kept by the sandbox, so it cannot be resent.'), {});
    return attempt;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
