// Wires the VS Code shell together. Business rules live in src/sessions; this file only registers disposables.
// Nothing here loads zod or undici: they come in with the first request file or the first send (engine.ts).
import * as vscode from 'vscode';
import { ApiKeyStore } from './vscode/apiKeyStore';
import { CommandIds } from './vscode/commandIds';
import { CreateSessionCodeLens } from './vscode/createSessionCodeLens';
import { CreateSessionCommand } from './vscode/createSessionCommand';
import { CredentialCommands } from './vscode/credentialCommands';
import { EmbeddedSandbox } from './vscode/embeddedSandbox';
import { FirstSendWarmUp } from './vscode/firstSendWarmUp';
import { HistoryCommands } from './vscode/historyCommands';
import { KeyLinter } from './vscode/keyLinter';
import { NewRequestCommand } from './vscode/newRequestCommand';
import { OutputLog } from './vscode/outputLog';
import { PlaceholderProviders } from './vscode/placeholderProviders';
import { RequestDiagnostics } from './vscode/requestDiagnostics';
import { SessionActions } from './vscode/sessionActions';
import { SessionHistory } from './vscode/sessionHistory';
import { TargetStatusBar } from './vscode/targetStatusBar';
import { Transcript } from './vscode/transcript';
import { TargetManager } from './vscode/targets';
import { UiHolder } from './vscode/ui';
import { WalkthroughProgress } from './vscode/walkthroughProgress';
import { Webhooks } from './vscode/webhooks';

export interface ExtensionApi {
  /** Milliseconds spent in activate(), measured by the extension itself (read by tests and the benchmark). */
  readonly activationMs: number;
  /** Test seams; present only when VS Code runs the extension's tests (ExtensionMode.Test). */
  readonly testing?: TestingApi;
}

export interface TestingApi {
  readonly ui: UiHolder;
  readonly keys: ApiKeyStore;
  readonly targets: TargetManager;
  readonly actions: SessionActions;
  readonly diagnostics: RequestDiagnostics;
  readonly statusBar: TargetStatusBar;
  readonly credentials: CredentialCommands;
  readonly createSession: CreateSessionCommand;
  readonly newRequest: NewRequestCommand;
  readonly history: SessionHistory;
  readonly keyLinter: KeyLinter;
  readonly context: vscode.ExtensionContext;
  /** Everything shown or handed out during the test run. */
  readonly transcript: Transcript;
  /** The "Xendit Sessions" log channel (the leak audit writes a marker to know the file on disk is complete). */
  readonly log: OutputLog;
  readonly walkthrough: WalkthroughProgress;
  readonly sandbox: EmbeddedSandbox;
  readonly webhooks: Webhooks;
}

/** Webhook retries in test runs: the sandbox's default waits are Xendit's intervals read as seconds (15 s …). */
export const TEST_WEBHOOK_RETRY_DELAYS_MS = [100, 200, 300];

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const started = performance.now();
  const testMode = context.extensionMode === vscode.ExtensionMode.Test;
  const transcript = testMode ? new Transcript() : undefined;
  const ui = new UiHolder(transcript);
  const log = new OutputLog();
  const keys = new ApiKeyStore(context.secrets);
  const sandbox = new EmbeddedSandbox(log, { webhookRetryDelaysMs: testMode ? TEST_WEBHOOK_RETRY_DELAYS_MS : undefined });
  const targets = new TargetManager(context.globalState, keys, sandbox.provider);
  const statusBar = new TargetStatusBar(targets);
  const actions = new SessionActions(context.extensionUri, targets, ui, log, { transcript, state: context.workspaceState });
  const credentials = new CredentialCommands(keys, targets, ui, log);
  const createSession = new CreateSessionCommand(targets, actions, ui, log);
  const newRequest = new NewRequestCommand(ui);
  const diagnostics = new RequestDiagnostics();
  const history = new SessionHistory(context.workspaceState);
  const keyLinter = new KeyLinter();
  const walkthrough = new WalkthroughProgress(actions);
  const webhooks = new Webhooks(context, sandbox, history, ui, log);
  context.subscriptions.push(
    log,
    keys,
    targets,
    statusBar,
    actions,
    actions.panels.register(),
    credentials,
    createSession,
    newRequest,
    diagnostics,
    new CreateSessionCodeLens(targets),
    new PlaceholderProviders(),
    history,
    new HistoryCommands(history, actions, ui),
    keyLinter,
    walkthrough,
    sandbox,
    webhooks,
    new FirstSendWarmUp(targets, log),
    vscode.commands.registerCommand(CommandIds.showLog, () => log.show()),
  );
  const activationMs = performance.now() - started;
  const testing: TestingApi | undefined =
    testMode && transcript
      ? { ui, keys, targets, actions, diagnostics, statusBar, credentials, createSession, newRequest, history, keyLinter, context, transcript, walkthrough, log, sandbox, webhooks }
      : undefined;
  return { activationMs, testing };
}

export function deactivate(): void {
  // Disposables registered on the context (the sandbox among them) are released by VS Code.
}
