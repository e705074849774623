// Which server a request goes to: the embedded sandbox, Xendit with the test key, or Xendit with the live key.
import * as vscode from 'vscode';
import { ApiKeyStore, KeyKind } from './apiKeyStore';
import { sayInDisplayLanguage } from './displayLanguage';
import type { ProxyChoice } from '../sessions/proxy';
import { proxyFor } from './proxySettings';
import { readSettings } from './settings';
import type { TargetKind } from './resultView';

export type { TargetKind };

export const TARGET_LABELS: Record<TargetKind, string> = {
  sandbox: 'Sandbox',
  test: 'Xendit test',
  live: 'Xendit LIVE',
};

const STATE_KEY = 'xendit.target';

/** Everything the send path needs to reach a target. The key is only ever handed to the HTTP client. */
export interface ResolvedTarget {
  readonly kind: TargetKind;
  readonly label: string;
  readonly baseUrl: string;
  readonly secretKey: string;
  /** The proxy requests go through (never for the sandbox). */
  readonly proxy?: ProxyChoice;
}

export type ResolveResult =
  | { readonly ok: true; readonly target: ResolvedTarget }
  /** `setting`: the setting to open to fix it, when a setting is the cause (not an environment variable). */
  | { readonly ok: false; readonly reason: string; readonly missingKey?: KeyKind; readonly setting?: string };

/** Starts (once) and returns the embedded sandbox: its base URL and a test key it accepts. */
export type SandboxProvider = () => Promise<{ baseUrl: string; secretKey: string }>;

export class TargetManager implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TargetKind>();
  readonly onDidChange = this.changed.event;
  private current: TargetKind | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly state: vscode.Memento,
    private readonly keys: ApiKeyStore,
    private readonly sandbox: SandboxProvider,
  ) {
    this.current = state.get<TargetKind>(STATE_KEY);
    // A key removed in another window leaves nothing to send with: fall back to the sandbox.
    this.subscriptions.push(
      keys.onDidChange(async (kind) => {
        if (this.current === kind && !(await keys.has(kind))) await this.select('sandbox');
        else this.changed.fire(await this.kind());
      }),
    );
  }

  /** The chosen target; until the user chooses, the test target when a test key is set, else the sandbox. */
  async kind(): Promise<TargetKind> {
    if (this.current) return this.current;
    return (await this.keys.has('test')) ? 'test' : 'sandbox';
  }

  async select(kind: TargetKind): Promise<void> {
    this.current = kind;
    await this.state.update(STATE_KEY, kind);
    this.changed.fire(kind);
  }

  /** The current target, ready to send to. */
  async resolve(): Promise<ResolveResult> {
    return this.resolveKind(await this.kind());
  }

  /** A given target, ready to send to (refresh and cancel go where their session was created). */
  async resolveKind(kind: TargetKind): Promise<ResolveResult> {
    if (kind === 'sandbox') {
      const sandbox = await this.sandbox();
      return { ok: true, target: { kind, label: TARGET_LABELS.sandbox, baseUrl: sandbox.baseUrl, secretKey: sandbox.secretKey } };
    }
    const secretKey = await this.keys.get(kind);
    if (!secretKey) {
      return {
        ok: false,
        missingKey: kind,
        reason: vscode.l10n.t('The target is {0}, but no {1} secret key is set. Run "Xendit: Set API Key", or pick the Sandbox target to try requests offline.', TARGET_LABELS[kind], kind),
      };
    }
    const settings = readSettings();
    // A refused base URL stops the request rather than quietly sending the key to the default.
    if (settings.apiBaseUrlProblem) return { ok: false, reason: settings.apiBaseUrlProblem, setting: 'xendit.apiBaseUrl' };
    const proxy = proxyFor(settings.apiBaseUrl);
    if (!proxy.ok) return { ok: false, reason: sayInDisplayLanguage(proxy.says), ...(proxy.source === 'http.proxy' ? { setting: 'http.proxy' } : {}) };
    return { ok: true, target: { kind, label: TARGET_LABELS[kind], baseUrl: settings.apiBaseUrl, secretKey, proxy: proxy.proxy } };
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}
