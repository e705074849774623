// Where the embedded sandbox forwards its webhooks: the xendit.webhooks.forwardUrl setting (https, or http on this
// machine only; a workspace's settings may only point at this machine) and the callback token, kept in
// SecretStorage and sent as x-callback-token.
// A token is generated when a forward URL is set and none is stored, and offered once to copy.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { SandboxHandle } from '../sandbox/sandboxServer';
import { checkForwardUrl } from '../sessions/forwardUrl';
import { isLoopbackHost } from '../sessions/linkPolicy';
import type { EmbeddedSandbox } from './embeddedSandbox';
import type { OutputLog } from './outputLog';
import type { UiHolder } from './ui';

export const FORWARD_URL_SETTING = 'webhooks.forwardUrl';
const TOKEN_SECRET = 'xendit.webhooks.callbackToken';

export type ForwardUrl = { readonly url?: string; readonly problem?: string };

/** The configured forward URL: none, a usable one, or why the configured one is refused. */
export function readForwardUrl(): ForwardUrl {
  const config = vscode.workspace.getConfiguration('xendit');
  const raw = config.get<string>(FORWARD_URL_SETTING, '');
  const value = typeof raw === 'string' ? raw.trim() : '';
  if (value === '') return {};
  // The workspace's refusal first: moving a plain-http URL off this machine to https would not make it usable.
  const problem = offMachineFromWorkspace(config, value) ?? checkForwardUrl(value);
  return problem ? { problem: vscode.l10n.t('The setting xendit.webhooks.forwardUrl is not used, so webhooks are not forwarded: {0}', problem) } : { url: value };
}

/**
 * Why a URL off this machine is refused when it comes from the workspace's settings: a cloned repository would
 * otherwise decide where the stored callback token (often the account's real verification token) is sent. Only the
 * user's own settings may send it elsewhere; a workspace may share its handler's address on this machine.
 */
function offMachineFromWorkspace(config: vscode.WorkspaceConfiguration, value: string): string | undefined {
  const inspected = config.inspect<string>(FORWARD_URL_SETTING);
  if (inspected?.workspaceFolderValue === undefined && inspected?.workspaceValue === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined; // not a URL: checkForwardUrl says so
  }
  const { hostname, host } = url;
  if (isLoopbackHost(hostname)) return undefined;
  return vscode.l10n.t(
    "This workspace's settings point it at {0}, off this machine, and the callback token travels with every delivery. Set a URL off this machine in your User settings, or use a localhost URL in the workspace.",
    host,
  );
}

export function generateToken(): string {
  return randomBytes(24).toString('base64url');
}

export class WebhookForwarding implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[] = [];
  private queue: Promise<void> = Promise.resolve();
  private warned: string | undefined;
  private token: string | undefined;
  private ensuring: Promise<string> | undefined;
  /** What the sandbox forwards to now (undefined: nothing), once applied. */
  applied: { readonly url: string; readonly token: string } | undefined;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly sandbox: EmbeddedSandbox,
    private readonly ui: UiHolder,
    private readonly log: OutputLog,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`xendit.${FORWARD_URL_SETTING}`)) void this.apply();
      }),
      secrets.onDidChange((e) => {
        if (e.key === TOKEN_SECRET) void this.apply();
      }),
      sandbox.onStart((handle) => this.apply(handle)),
    );
  }

  /** The stored callback token (none until one is set or generated). */
  async storedToken(): Promise<string | undefined> {
    const t = await this.secrets.get(TOKEN_SECRET);
    this.token = t || undefined;
    return this.token;
  }

  /** Tokens to keep out of anything stored or shown: the current one and the last one read. */
  knownTokens(): string[] {
    return [this.token, this.applied?.token].filter((t): t is string => Boolean(t));
  }

  async storeToken(token: string): Promise<void> {
    this.token = token;
    await this.secrets.store(TOKEN_SECRET, token);
  }

  /** The stored token, or a new one (stored, and offered once to copy) when there is none; one at a time. */
  ensureToken(): Promise<string> {
    return (this.ensuring ??= this.readOrGenerate().finally(() => (this.ensuring = undefined)));
  }

  private async readOrGenerate(): Promise<string> {
    const stored = await this.storedToken();
    if (stored) return stored;
    const token = generateToken();
    await this.storeToken(token);
    this.log.channel.info('webhooks: generated a callback token and stored it in secret storage');
    void this.offerCopy(
      vscode.l10n.t(
        "A callback token was generated for webhook deliveries (sent as x-callback-token). Copy it into your handler's configuration now: it is not shown again (\"Xendit: Set Webhook Callback Token\" replaces it).",
      ),
      token,
    );
    return token;
  }

  /** Shows `message` with a Copy button that puts `token` on the clipboard. */
  async offerCopy(message: string, token: string): Promise<void> {
    const copy = vscode.l10n.t('Copy Token');
    if ((await this.ui.current.showInformationMessage(message, {}, copy)) === copy) await this.ui.current.writeClipboard(token);
  }

  /** Reads the setting and the token and hands them to the running sandbox; one application at a time. */
  apply(handle: SandboxHandle | undefined = this.sandbox.current): Promise<void> {
    this.queue = this.queue.then(() => this.applyNow(handle)).catch((err: unknown) => this.log.channel.error(`webhooks: ${err instanceof Error ? err.message : String(err)}`));
    return this.queue;
  }

  private async applyNow(handle: SandboxHandle | undefined): Promise<void> {
    const { url, problem } = readForwardUrl();
    if (problem && problem !== this.warned) {
      this.warned = problem;
      this.log.channel.warn(`webhooks: ${problem}`);
      const open = vscode.l10n.t('Open Settings');
      void this.ui.current.showWarningMessage(problem, {}, open).then((c) => {
        if (c === open) void vscode.commands.executeCommand('workbench.action.openSettings', `xendit.${FORWARD_URL_SETTING}`);
      });
    }
    if (!problem) this.warned = undefined;
    const token = url ? await this.ensureToken() : undefined;
    if (!handle) return;
    const before = this.applied;
    this.applied = url && token ? { url, token } : undefined;
    handle.webhooks.setTarget(this.applied);
    if (before?.url !== this.applied?.url || before?.token !== this.applied?.token) {
      this.log.channel.info(this.applied ? `webhooks: forwarding to ${this.applied.url} with the callback token from secret storage` : 'webhooks: not forwarded (xendit.webhooks.forwardUrl is not set)');
    }
  }

  /** Xendit: Set Webhook Callback Token. Empty input generates one (offered once to copy). */
  async setToken(): Promise<boolean> {
    const entered = await this.ui.current.showInputBox({
      title: vscode.l10n.t('Webhook callback token'),
      prompt: vscode.l10n.t('The token your handler expects in x-callback-token (the "Webhook verification token" of your Xendit account). Leave empty to generate a new one. It is kept in secret storage only.'),
      password: true,
      ignoreFocusOut: true,
      validateInput: (v) => (/\s/.test(v.trim()) ? vscode.l10n.t('The token contains spaces or line breaks; paste the token alone.') : undefined),
    });
    if (entered === undefined) return false;
    const value = entered.trim();
    if (/\s/.test(value)) {
      await this.ui.current.showErrorMessage(vscode.l10n.t('The token contains spaces or line breaks; paste the token alone.'), {});
      return false;
    }
    const token = value || generateToken();
    await this.storeToken(token);
    this.log.channel.info(`webhooks: ${value ? 'a callback token was set' : 'a new callback token was generated'} and stored in secret storage`);
    if (value) void this.ui.current.showInformationMessage(vscode.l10n.t('Webhook callback token saved. Deliveries carry it in x-callback-token.'), {});
    else void this.offerCopy(vscode.l10n.t("A new callback token was generated. Copy it into your handler's configuration now: it is not shown again."), token);
    await this.apply();
    return true;
  }

  /** Xendit: Copy Webhook Callback Token. */
  async copyToken(): Promise<boolean> {
    const token = await this.storedToken();
    if (!token) {
      await this.ui.current.showInformationMessage(vscode.l10n.t('No webhook callback token is stored yet. Run "Xendit: Set Webhook Callback Token", or set xendit.webhooks.forwardUrl to have one generated.'), {});
      return false;
    }
    await this.ui.current.writeClipboard(token);
    return true;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
