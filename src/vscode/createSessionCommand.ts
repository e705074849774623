// Xendit: Create Session — from the active editor's JSON (saved or not) to a result panel.
// Refuses what cannot be sent, asks before sending what the model or rules reject, confirms live requests.
import * as vscode from 'vscode';
import { formatPath } from '../sessions/jsonPath';
import { withoutSchemaKey } from '../sessions/requestBody';
import { keyHint } from './apiKeyStore';
import { CommandIds, FROM_CODE_LENS } from './commandIds';
import { sayInDisplayLanguage } from './displayLanguage';
import { loadModel } from './engine';
import type { OutputLog } from './outputLog';
import { placeholderContextFor } from './placeholderProviders';
import { requestFileInView } from './requestFiles';
import type { SessionActions } from './sessionActions';
import { readSettings } from './settings';
import { TargetManager } from './targets';
import { UiHolder } from './ui';

/** How many problems the pre-send modal lists before summarising the rest. */
const MAX_LISTED_PROBLEMS = 8;
/**
 * A second Create Session for the same file this soon after the first is a double click, and is dropped, as the
 * panel's buttons drop one: a POST is never sent twice by accident, and a deliberate resend comes later than this.
 * A click (the CodeLens, the editor's button) is measured from the last click, whether or not its send is done:
 * the sandbox answers before a double click's second click. Anything else (the palette, Ctrl+Alt+R, another
 * extension) is dropped only while the first still runs, so a script may send the same file twice in a row.
 */
const DOUBLE_CLICK_MS = 500;

/** Whether Create Session's arguments say a click ran it: the CodeLens, or the editor's title button (the
 * workbench passes that button's editor group after the URI). */
function isClick(context: unknown): boolean {
  return context === FROM_CODE_LENS || (typeof context === 'object' && context !== null && typeof (context as { groupId?: unknown }).groupId === 'number');
}

export class CreateSessionCommand implements vscode.Disposable {
  private readonly registration: vscode.Disposable;
  /** When the Create Session still running for each request file began. */
  private readonly running = new Map<string, number>();
  /** When each request file's last Create Session from a click began. */
  private readonly clicked = new Map<string, number>();
  /** The double-click window; tests that resend at once on purpose set it to 0. */
  doubleClickMs = DOUBLE_CLICK_MS;
  /** The clock of the double-click window (ms); tests set it to place clicks in time. */
  clock: () => number = () => performance.now();

  constructor(
    private readonly targets: TargetManager,
    private readonly actions: SessionActions,
    private readonly ui: UiHolder,
    private readonly log?: OutputLog,
  ) {
    this.registration = vscode.commands.registerCommand(CommandIds.createSession, (uri?: unknown, context?: unknown) => this.run(uri, context));
  }

  /** Resolves to the request URI the result was shown for, or undefined when nothing was sent. */
  async run(arg?: unknown, context?: unknown): Promise<string | undefined> {
    const began = performance.now();
    const document = await this.documentFor(arg);
    if (!document) {
      await this.ui.current.showErrorMessage(
        vscode.l10n.t('Create Session needs a session request open in the editor: a JSON file such as payment.session.json. Run "Xendit: New Session Request" to start one from an example.'),
        {},
      );
      return undefined;
    }
    const key = document.uri.toString();
    const click = isClick(context);
    const at = this.clock();
    const earlier = click ? Math.max(this.running.get(key) ?? -Infinity, this.clicked.get(key) ?? -Infinity) : this.running.get(key);
    // Every click moves the window, a dropped one too: a triple click is one send, not two.
    if (click) this.clicked.set(key, at);
    if (earlier !== undefined && at - earlier < this.doubleClickMs) {
      this.log?.channel.info(`Create Session for ${vscode.workspace.asRelativePath(document.uri)} asked again within ${this.doubleClickMs} ms of the last: taken as a double click, not sent`);
      return undefined;
    }
    this.running.set(key, at);
    try {
      return await this.send(document, began);
    } finally {
      if (this.running.get(key) === at) this.running.delete(key);
    }
  }

  private async send(document: vscode.TextDocument, began: number): Promise<string | undefined> {
    const text = document.getText();
    if (text.includes('\ufffd')) {
      await this.ui.current.showErrorMessage(
        vscode.l10n.t(
          '{0} is not valid UTF-8: some bytes could not be decoded (shown as {1}). The API takes UTF-8 JSON: use "Change File Encoding" → "Reopen with Encoding", then "Save with Encoding" → UTF-8. Nothing was sent.',
          describeDocument(document),
          '\ufffd',
        ),
        {},
      );
      return undefined;
    }
    // Placeholders are resolved here, once: what is checked is what is sent (and what the panel shows as sent).
    const now = new Date();
    const analysis = loadModel().analyzeRequestText(text, { now, placeholders: placeholderContextFor(document, now) });
    const checkedAt = performance.now();
    const syntax = analysis.syntaxErrors[0];
    if (syntax || analysis.value === undefined) {
      const said = syntax ? sayInDisplayLanguage(syntax.says) : '';
      const message = syntax
        ? vscode.l10n.t(
            '{0} is not valid JSON at line {1}, column {2}: {3} Nothing was sent.',
            describeDocument(document),
            syntax.line,
            syntax.column,
            /[.!?]$/.test(said) ? said : `${said}.`,
          )
        : vscode.l10n.t('This request could not be read as JSON. Nothing was sent.');
      if (syntax) await revealOffset(document, syntax.offset, syntax.length);
      await this.ui.current.showErrorMessage(message, {});
      return undefined;
    }

    const root = analysis.value;
    if (root === null || typeof root !== 'object' || Array.isArray(root)) {
      const found = Array.isArray(root) ? vscode.l10n.t('an array') : root === null ? 'null' : vscode.l10n.t('a {0}', typeof root);
      await this.ui.current.showErrorMessage(
        vscode.l10n.t(
          '{0} holds {1}, but a session request is a JSON object: {2}. Run "Xendit: New Session Request" to start from an example. Nothing was sent.',
          describeDocument(document),
          found,
          '{ "reference_id": …, "session_type": …, … }',
        ),
        {},
      );
      return undefined;
    }

    // A secret key in the body is not something the API rejects: it would keep it. So there is no "Send anyway".
    const secret = analysis.problems.find((p) => p.source === 'secrets');
    if (secret) {
      await revealOffset(document, secret.offset, secret.length);
      await this.ui.current.showErrorMessage(vscode.l10n.t('{0} Nothing was sent.', sayInDisplayLanguage(secret.says)), {});
      return undefined;
    }

    const errors = analysis.problems.filter((p) => p.severity === 'error');
    if (errors.length > 0) {
      const listed = errors.slice(0, MAX_LISTED_PROBLEMS).map((p) => `• ${p.path.length ? `${formatPath(p.path)}: ` : ''}${sayInDisplayLanguage(p.says)}`);
      if (errors.length > MAX_LISTED_PROBLEMS) listed.push(vscode.l10n.t('…and {0} more (see the Problems panel).', errors.length - MAX_LISTED_PROBLEMS));
      const sendAnyway = vscode.l10n.t('Send anyway');
      const choice = await this.ui.current.showWarningMessage(
        errors.length === 1
          ? vscode.l10n.t('This request has 1 problem the API is expected to reject.')
          : vscode.l10n.t('This request has {0} problems the API is expected to reject.', errors.length),
        { modal: true, detail: `${listed.join('\n')}\n\n${vscode.l10n.t("Send anyway to see the API's own answer.")}` },
        sendAnyway,
      );
      if (choice !== sendAnyway) return undefined;
    }

    if (!this.ui.current.isWorkspaceTrusted() && (await this.targets.kind()) !== 'sandbox') {
      await this.ui.current.showErrorMessage(
        vscode.l10n.t('This workspace is not trusted, so requests are not sent with your API key. Trust the workspace, or pick the Sandbox target.'),
        {},
      );
      return undefined;
    }
    const targetAt = performance.now();
    const resolved = await this.targets.resolve();
    const readyAt = performance.now();
    if (!resolved.ok) {
      const setKey = vscode.l10n.t('Set API Key');
      const openSettings = vscode.l10n.t('Open Settings');
      const useSandbox = vscode.l10n.t('Use Sandbox');
      // The button that fixes it: the key, or the setting at fault (none for an environment variable's proxy).
      const fix = resolved.missingKey ? [setKey] : resolved.setting ? [openSettings] : [];
      const choice = await this.ui.current.showErrorMessage(resolved.reason, {}, ...fix, useSandbox);
      if (choice === setKey) void vscode.commands.executeCommand(CommandIds.setApiKey);
      if (choice === openSettings && resolved.setting) void vscode.commands.executeCommand('workbench.action.openSettings', resolved.setting);
      if (choice === useSandbox) await this.targets.select('sandbox');
      return undefined;
    }
    const target = resolved.target;
    const body = withoutSchemaKey(analysis.value);

    const settings = readSettings();
    if (target.kind === 'live' && settings.confirmLiveRequests) {
      const amount = describeAmount(body);
      const createLive = vscode.l10n.t('Create LIVE session');
      const choice = await this.ui.current.showWarningMessage(
        settings.forUserId
          ? vscode.l10n.t('Create a LIVE session for {0} for sub-account {1}?', amount, settings.forUserId)
          : vscode.l10n.t('Create a LIVE session for {0}?', amount),
        {
          modal: true,
          detail: vscode.l10n.t(
            'This uses your live key {0} against {1}: the session is real and can take real money. (Turn this question off with the setting xendit.confirmLiveRequests.)',
            keyHint(target.secretKey),
            target.baseUrl,
          ),
        },
        createLive,
      );
      if (choice !== createLive) return undefined;
    }

    const sendAt = performance.now();
    await this.actions.create(document, body, target);
    // Where a send's time goes, for anyone asking why it felt slow (the benchmark prints these lines). "Shown" ends
    // when the answer was posted to its panel, or, for a panel this send opened, when that panel drew it.
    const ms = (from: number, to: number) => Math.round(to - from);
    const endAt = performance.now();
    this.log?.channel.info(
      `Create Session timing: read and checked ${ms(began, checkedAt)} ms, target ready ${ms(targetAt, readyAt)} ms, sent, answered and shown ${ms(sendAt, endAt)} ms; ${ms(began, endAt)} ms in all.`,
    );
    return document.uri.toString();
  }

  private async documentFor(arg: unknown): Promise<vscode.TextDocument | undefined> {
    if (arg instanceof vscode.Uri) {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === arg.toString());
      return open ?? vscode.workspace.openTextDocument(arg);
    }
    const active = vscode.window.activeTextEditor?.document;
    if (active) return active;
    // Run from outside the editors (the walkthrough's "Create Session" link on the Welcome page), no text editor is
    // active: the request file in view is the one meant.
    return requestFileInView();
  }

  dispose(): void {
    this.registration.dispose();
  }
}

function describeDocument(document: vscode.TextDocument): string {
  return document.uri.scheme === 'untitled' ? vscode.l10n.t('This request') : vscode.workspace.asRelativePath(document.uri);
}

function describeAmount(body: unknown): string {
  const b = (body ?? {}) as { amount?: unknown; currency?: unknown };
  const amount = typeof b.amount === 'number' ? b.amount.toLocaleString('en-US') : String(b.amount ?? vscode.l10n.t('(no amount)'));
  return `${typeof b.currency === 'string' ? b.currency : vscode.l10n.t('(no currency)')} ${amount}`;
}

async function revealOffset(document: vscode.TextDocument, offset: number, length: number): Promise<void> {
  const start = document.positionAt(offset);
  const end = document.positionAt(offset + Math.max(length, 1));
  const editor = await vscode.window.showTextDocument(document, { preserveFocus: false });
  editor.selection = new vscode.Selection(start, end);
  editor.revealRange(new vscode.Range(start, end), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
