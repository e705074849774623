// The embedded sandbox of this window: started on first use, on 127.0.0.1 and a free port, closed with the window.
// The send path gets its base URL and a key (SandboxProvider); the webhook side gets the handle itself.
import * as vscode from 'vscode';
import type { SandboxHandle } from '../sandbox/sandboxServer';
import { loadClient } from './engine';
import type { OutputLog } from './outputLog';
import type { SandboxProvider } from './targets';

export interface EmbeddedSandboxOptions {
  /** The waits before each webhook retry; the sandbox's default (Xendit's intervals, in seconds) when absent. */
  readonly webhookRetryDelaysMs?: readonly number[];
}

export class EmbeddedSandbox implements vscode.Disposable {
  private started: Promise<{ handle: SandboxHandle; secretKey: string }> | undefined;
  private running: SandboxHandle | undefined;
  private readonly didStart = new vscode.EventEmitter<SandboxHandle>();
  /** Fires once the sandbox listens (before anything is sent to it). */
  readonly onDidStart = this.didStart.event;

  constructor(
    private readonly log: OutputLog,
    private readonly options: EmbeddedSandboxOptions = {},
  ) {}

  /** What the send path needs: the base URL and a test key the sandbox accepts. */
  readonly provider: SandboxProvider = async () => {
    const { handle, secretKey } = await this.start();
    return { baseUrl: handle.baseUrl, secretKey };
  };

  /** The running sandbox, starting it if needed. */
  async handle(): Promise<SandboxHandle> {
    return (await this.start()).handle;
  }

  /** The running sandbox, or undefined when nothing has started it yet. */
  get current(): SandboxHandle | undefined {
    return this.running;
  }

  private start(): Promise<{ handle: SandboxHandle; secretKey: string }> {
    return (this.started ??= (async () => {
      const { startSandbox, sandboxTestKey } = loadClient();
      const handle = await startSandbox({ log: (line) => this.log.channel.info(`[Sandbox] ${line}`), webhookRetryDelaysMs: this.options.webhookRetryDelaysMs });
      this.running = handle;
      this.didStart.fire(handle);
      return { handle, secretKey: sandboxTestKey() };
    })().catch((err: unknown) => {
      this.started = undefined;
      throw err;
    }));
  }

  dispose(): void {
    void this.running?.close();
    this.didStart.dispose();
  }
}
