// Sandbox triggers from the editor: pay a session, expire it now, cancel it (no webhook: Xendit sends none for a
// cancel), and "Trigger Webhook Event…", which creates a sandbox session from the active request file and pays or
// expires it in one step. Sessions come from an argument (a history entry or an id) or a pick of this window's
// active sandbox sessions.
import * as vscode from 'vscode';
import type { SandboxHandle } from '../sandbox/sandboxServer';
import type { TriggerAction } from '../sandbox/sandboxTriggers';
import { withoutSchemaKey } from '../sessions/requestBody';
import type { EmbeddedSandbox } from './embeddedSandbox';
import { sayInDisplayLanguage } from './displayLanguage';
import { loadClient, loadModel } from './engine';
import type { OutputLog } from './outputLog';
import { placeholderContextFor } from './placeholderProviders';
import { isRequestFile, requestFileInView } from './requestFiles';
import type { HistoryEntry, SessionHistory } from './sessionHistory';
import type { UiHolder } from './ui';
import { readForwardUrl } from './webhookForwarding';

export interface TriggerOutcome {
  readonly sessionId: string;
  readonly status: string;
  readonly event?: string;
}

type SessionArg = HistoryEntry | { readonly record: { readonly sessionId: string } } | string | undefined;

export class WebhookTriggers {
  constructor(
    private readonly sandbox: EmbeddedSandbox,
    private readonly history: SessionHistory,
    private readonly ui: UiHolder,
    private readonly log: OutputLog,
  ) {}

  /** Pays, expires or cancels a sandbox session of this window; resolves to what happened, or undefined. */
  async run(action: TriggerAction, arg: SessionArg): Promise<TriggerOutcome | undefined> {
    const handle = await this.sandbox.handle();
    const id = await this.sessionId(handle, arg, action);
    if (!id) return undefined;
    const result = handle.trigger(id, action);
    if (!result.ok) {
      const message =
        result.reason === 'not-found'
          ? vscode.l10n.t('Session {0} is not in this window\'s sandbox: sandbox sessions end when the window closes or reloads. Create a new one.', id)
          : vscode.l10n.t('Session {0} is {1}; only ACTIVE sessions can be paid, expired or cancelled.', id, result.status ?? '?');
      await this.ui.current.showErrorMessage(message, {});
      return undefined;
    }
    const status = String(result.session.body.status);
    await this.updateHistory(id, status);
    void this.ui.current.showInformationMessage(this.describe(id, status, result.event), {});
    return { sessionId: id, status, event: result.event };
  }

  /** Xendit: Trigger Webhook Event…: a new sandbox session from the active request file, then paid or expired. */
  async triggerEvent(choice?: unknown, arg?: unknown): Promise<TriggerOutcome | undefined> {
    const document = arg instanceof vscode.Uri ? await vscode.workspace.openTextDocument(arg) : requestInView();
    if (!document) {
      await this.ui.current.showErrorMessage(vscode.l10n.t('Trigger Webhook Event needs a session request open in the editor (a *.session.json file).'), {});
      return undefined;
    }
    const completed = 'payment_session.completed';
    const expired = 'payment_session.expired';
    const picked =
      choice === 'completed' || choice === 'expired'
        ? `payment_session.${choice}`
        : (
            await this.ui.current.showQuickPick(
              [
                { label: completed, description: vscode.l10n.t('create a session and pay it') },
                { label: expired, description: vscode.l10n.t('create a session and expire it') },
              ],
              { title: vscode.l10n.t('Which event should the sandbox emit?') },
            )
          )?.label;
    if (!picked) return undefined;
    const now = new Date();
    const analysis = loadModel().analyzeRequestText(document.getText(), { now, placeholders: placeholderContextFor(document, now) });
    const errors = analysis.problems.filter((p) => p.severity === 'error').length + analysis.syntaxErrors.length;
    if (errors > 0 || analysis.value === null || typeof analysis.value !== 'object' || Array.isArray(analysis.value)) {
      await this.ui.current.showErrorMessage(vscode.l10n.t('{0} has errors (see the Problems panel): fix them, then trigger the event again. Nothing was created.', vscode.workspace.asRelativePath(document.uri)), {});
      return undefined;
    }
    const handle = await this.sandbox.handle();
    const { secretKey } = await this.sandbox.provider();
    const client = new (loadClient().SessionsClient)({ baseUrl: handle.baseUrl, secretKey });
    const created = await client.createSession(withoutSchemaKey(analysis.value)).finally(() => client.close());
    if (created.kind !== 'session') {
      const why =
        created.kind === 'apiError'
          ? `${created.error.errorCode}: ${created.error.message}`
          : created.kind === 'networkError'
            ? created.error.says ? sayInDisplayLanguage(created.error.says) : created.error.message
            : created.reasonSays ? sayInDisplayLanguage(created.reasonSays) : created.reason;
      await this.ui.current.showErrorMessage(vscode.l10n.t('The sandbox did not create the session: {0}', why), {});
      return undefined;
    }
    const s = created.session;
    await this.history.record({
      sessionId: s.payment_session_id,
      referenceId: s.reference_id,
      target: 'sandbox',
      baseUrl: handle.baseUrl,
      status: s.status,
      amount: s.amount,
      currency: s.currency,
      paymentLinkUrl: s.payment_link_url ?? null,
      createdAt: s.created,
      requestUri: document.uri.toString(),
      requestLabel: vscode.workspace.asRelativePath(document.uri),
    });
    return this.run(picked === completed ? 'complete' : 'expire', s.payment_session_id);
  }

  private describe(id: string, status: string, event: string | undefined): string {
    if (!event) return vscode.l10n.t('Session {0} is {1}. No webhook was sent: Xendit sends no payment_session event for a cancelled session.', id, status);
    const { url } = readForwardUrl();
    return url
      ? vscode.l10n.t('Session {0} is {1}: the sandbox emitted {2} and is delivering it to {3} (see the Webhooks view).', id, status, event, url)
      : vscode.l10n.t('Session {0} is {1}: the sandbox emitted {2} (see the Webhooks view). Set xendit.webhooks.forwardUrl to have it delivered to your handler.', id, status, event);
  }

  private async sessionId(handle: SandboxHandle, arg: SessionArg, action: TriggerAction): Promise<string | undefined> {
    if (typeof arg === 'string' && arg.trim()) return arg.trim();
    if (arg && typeof arg === 'object' && 'record' in arg) return arg.record.sessionId;
    if (arg && typeof arg === 'object' && 'sessionId' in arg) {
      if (arg.target !== 'sandbox') {
        await this.ui.current.showErrorMessage(vscode.l10n.t('Only sandbox sessions can be paid, expired or cancelled from here; {0} was created on {1}.', arg.sessionId, arg.target), {});
        return undefined;
      }
      return arg.sessionId;
    }
    const active = this.history.entries().filter((e) => e.target === 'sandbox' && e.status === 'ACTIVE' && e.baseUrl === handle.baseUrl);
    if (active.length === 0) {
      await this.ui.current.showInformationMessage(
        vscode.l10n.t('No active sandbox session from this window. Create one with "Xendit: Create Session" (Sandbox target), or run "Xendit: Trigger Webhook Event…".'),
        {},
      );
      return undefined;
    }
    const title = action === 'complete' ? vscode.l10n.t('Pay which sandbox session?') : action === 'expire' ? vscode.l10n.t('Expire which sandbox session now?') : vscode.l10n.t('Cancel which sandbox session? (No webhook is sent for a cancel.)');
    const picked = await this.ui.current.showQuickPick(
      active.map((e) => ({ label: e.referenceId, description: e.sessionId, detail: e.currency !== undefined && e.amount !== undefined ? `${e.currency} ${e.amount}` : undefined, id: e.sessionId })),
      { title },
    );
    return picked?.id;
  }

  private async updateHistory(id: string, status: string): Promise<void> {
    const entry = this.history.entries().find((e) => e.sessionId === id && e.target === 'sandbox');
    if (entry) await this.history.record({ ...entry, status });
    this.log.channel.info(`webhooks: session ${id} is ${status} (trigger)`);
  }
}

/**
 * The request a trigger run from the Webhooks view or the palette means: the active editor's, when it is a request
 * (app.ts or package.json is not, and its "errors" would be none the Problems panel shows), else a *.session.json in view.
 */
function requestInView(): vscode.TextDocument | undefined {
  const active = vscode.window.activeTextEditor?.document;
  if (active && (isRequestFile(active) || (active.isUntitled && active.languageId === 'json'))) return active;
  return requestFileInView();
}
