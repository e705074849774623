// Wires the VS Code shell together. Business rules live in src/sessions; this file only registers disposables.
// Nothing here loads zod or undici: they come in with the first request file or the first send (engine.ts).
import * as vscode from 'vscode';
import { ApiKeyStore } from './vscode/apiKeyStore';
import { displayCheckoutLanguage } from './vscode/checkoutLanguage';
import { CommandIds } from './vscode/commandIds';
import { CreateSessionCodeLens } from './vscode/createSessionCodeLens';
import { CreateSessionCommand } from './vscode/createSessionCommand';
import { CredentialCommands } from './vscode/credentialCommands';
import { loadClient } from './vscode/engine';
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
import { TargetManager, type SandboxProvider } from './vscode/targets';
import { UiHolder } from './vscode/ui';
import { WalkthroughProgress } from './vscode/walkthroughProgress';

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
}

/** Starts the embedded sandbox on first use, on 127.0.0.1 and a free port, for this window only. */
function lazySandbox(log: OutputLog, context: vscode.ExtensionContext): SandboxProvider {
  let started: Promise<{ baseUrl: string; secretKey: string }> | undefined;
  return () =>
    (started ??= (async () => {
      const { startSandbox, sandboxTestKey } = loadClient();
      const sandbox = await startSandbox({ log: (line) => log.channel.info(`[Sandbox] ${line}`), checkoutLanguage: displayCheckoutLanguage() });
      context.subscriptions.push({ dispose: () => void sandbox.close() });
      return { baseUrl: sandbox.baseUrl, secretKey: sandboxTestKey() };
    })().catch((err: unknown) => {
      started = undefined;
      throw err;
    }));
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const started = performance.now();
  const testMode = context.extensionMode === vscode.ExtensionMode.Test;
  const transcript = testMode ? new Transcript() : undefined;
  const ui = new UiHolder(transcript);
  const log = new OutputLog();
  const keys = new ApiKeyStore(context.secrets);
  const sandbox = lazySandbox(log, context);
  const targets = new TargetManager(context.globalState, keys, sandbox);
  const statusBar = new TargetStatusBar(targets);
  const actions = new SessionActions(context.extensionUri, targets, ui, log, transcript);
  const credentials = new CredentialCommands(keys, targets, ui, log);
  const createSession = new CreateSessionCommand(targets, actions, ui, log);
  const newRequest = new NewRequestCommand(ui);
  const diagnostics = new RequestDiagnostics();
  const history = new SessionHistory(context.workspaceState);
  const keyLinter = new KeyLinter();
  const walkthrough = new WalkthroughProgress(actions);
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
    new FirstSendWarmUp(targets, log),
    vscode.commands.registerCommand(CommandIds.showLog, () => log.show()),
  );
  const activationMs = performance.now() - started;
  const testing: TestingApi | undefined =
    testMode && transcript
      ? { ui, keys, targets, actions, diagnostics, statusBar, credentials, createSession, newRequest, history, keyLinter, context, transcript, walkthrough, log }
      : undefined;
  return { activationMs, testing };
}

export function deactivate(): void {
  // Disposables registered on the context (the sandbox among them) are released by VS Code.
}
