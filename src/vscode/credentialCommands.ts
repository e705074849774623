// Set API Key, Clear API Key and Select Target: the only ways a key enters or leaves SecretStorage.
import * as vscode from 'vscode';
import { classifyKey } from '../sessions/keys';
import { ApiKeyStore, KeyKind, keyHint } from './apiKeyStore';
import { CommandIds } from './commandIds';
import { TARGET_LABELS, TargetKind, TargetManager } from './targets';
import { UiHolder } from './ui';
import type { OutputLog } from './outputLog';

export class CredentialCommands implements vscode.Disposable {
  private readonly registrations: vscode.Disposable[];

  constructor(
    private readonly keys: ApiKeyStore,
    private readonly targets: TargetManager,
    private readonly ui: UiHolder,
    private readonly log: OutputLog,
  ) {
    this.registrations = [
      vscode.commands.registerCommand(CommandIds.setApiKey, () => this.setApiKey()),
      vscode.commands.registerCommand(CommandIds.clearApiKey, () => this.clearApiKey()),
      vscode.commands.registerCommand(CommandIds.selectTarget, () => this.selectTarget()),
    ];
  }

  /** Asks for a key in a password box; its prefix decides whether it is the test or the live key. */
  async setApiKey(): Promise<KeyKind | undefined> {
    const entered = await this.ui.current.showInputBox({
      title: vscode.l10n.t('Xendit secret API key'),
      prompt: vscode.l10n.t("Paste a secret key (xnd_development_… for test mode, xnd_production_… for live). It is kept in VS Code's secret storage only."),
      password: true,
      ignoreFocusOut: true,
      placeHolder: 'xnd_development_…',
      validateInput: (value) => explainKey(value.trim()),
    });
    if (entered === undefined) return undefined;
    const key = entered.trim();
    const problem = explainKey(key);
    if (problem) {
      await this.ui.current.showErrorMessage(problem, {});
      return undefined;
    }
    const kind = classifyKey(key) as KeyKind;
    await this.keys.store(kind, key);
    this.log.channel.info(`${kind} secret key ${keyHint(key)} stored in secret storage`);
    if (kind === 'test') {
      await this.targets.select('test');
      void this.ui.current.showInformationMessage(vscode.l10n.t('Test key {0} saved. Requests now go to Xendit in test mode.', keyHint(key)), {});
    } else {
      const useLive = vscode.l10n.t('Use LIVE');
      const choice = await this.ui.current.showWarningMessage(
        vscode.l10n.t('Live key {0} saved. Requests with it create real sessions that can take real money. Switch the target to LIVE now?', keyHint(key)),
        {},
        useLive,
        vscode.l10n.t('Keep current target'),
      );
      if (choice === useLive) await this.targets.select('live');
    }
    return kind;
  }

  async clearApiKey(): Promise<void> {
    const present: KeyKind[] = [];
    for (const kind of ['test', 'live'] as const) if (await this.keys.has(kind)) present.push(kind);
    if (present.length === 0) {
      await this.ui.current.showInformationMessage(vscode.l10n.t('No Xendit key is stored.'), {});
      return;
    }
    const items = present.map((kind) => ({ label: kind === 'live' ? vscode.l10n.t('Live key') : vscode.l10n.t('Test key'), keys: [kind] }));
    if (present.length > 1) items.push({ label: vscode.l10n.t('Both keys'), keys: present });
    const picked = present.length === 1 ? items[0] : await this.ui.current.showQuickPick(items, { title: vscode.l10n.t('Remove which Xendit key?') });
    if (!picked) return;
    const remove = picked.keys;
    for (const kind of remove) await this.keys.delete(kind);
    if (remove.includes((await this.targets.kind()) as KeyKind)) await this.targets.select('sandbox');
    this.log.channel.info(`removed the ${remove.join(' and ')} secret key${remove.length > 1 ? 's' : ''}`);
    void this.ui.current.showInformationMessage(remove.length > 1 ? vscode.l10n.t('Removed the test and live keys.') : remove[0] === 'live' ? vscode.l10n.t('Removed the live key.') : vscode.l10n.t('Removed the test key.'), {});
  }

  async selectTarget(): Promise<TargetKind | undefined> {
    const current = await this.targets.kind();
    const hasTest = await this.keys.has('test');
    const hasLive = await this.keys.has('live');
    const items: (vscode.QuickPickItem & { target: TargetKind })[] = [
      { target: 'sandbox', label: `$(beaker) ${TARGET_LABELS.sandbox}`, description: vscode.l10n.t('offline, on this machine; no key needed') },
      { target: 'test', label: `$(key) ${TARGET_LABELS.test}`, description: hasTest ? vscode.l10n.t('test secret key set') : vscode.l10n.t('no test key yet: you will be asked for one') },
      { target: 'live', label: `$(warning) ${TARGET_LABELS.live}`, description: hasLive ? vscode.l10n.t('live secret key set: real money') : vscode.l10n.t('no live key yet: you will be asked for one') },
    ];
    for (const item of items) if (item.target === current) item.detail = vscode.l10n.t('current target');
    const picked = await this.ui.current.showQuickPick(items, { title: vscode.l10n.t('Where should Xendit requests go?') });
    if (!picked) return undefined;
    const kind = picked.target;
    if (kind !== 'sandbox' && !(kind === 'test' ? hasTest : hasLive)) {
      // Set API Key moves the target itself: to test for a test key, to LIVE only if asked and the user agrees.
      // "Keep current target" keeps it, although LIVE was picked here.
      const stored = await this.setApiKey();
      return stored === kind && (await this.targets.kind()) === kind ? kind : undefined;
    }
    await this.targets.select(kind);
    return kind;
  }

  dispose(): void {
    for (const r of this.registrations) r.dispose();
  }
}

/** Why a pasted key cannot be used, or undefined when it is a secret key. Never repeats the key itself. */
export function explainKey(key: string): string | undefined {
  if (key === '') return vscode.l10n.t('Paste a secret key; it starts with xnd_development_ (test) or xnd_production_ (live).');
  if (/\s/.test(key)) return vscode.l10n.t('The key contains spaces or line breaks; paste the key alone.');
  switch (classifyKey(key)) {
    case 'test':
    case 'live':
      return undefined;
    case 'public':
      return vscode.l10n.t('That is a public key (xnd_public_…): it can only tokenize cards and cannot create sessions. Use a secret key from Settings → API Keys in the Xendit Dashboard.');
    default:
      return vscode.l10n.t('That does not look like a Xendit secret key: it should start with xnd_development_ (test mode) or xnd_production_ (live).');
  }
}
