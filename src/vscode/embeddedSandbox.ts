// The embedded sandbox of this window: started on first use, on 127.0.0.1 and a free port, closed with the window.
// The send path gets its base URL and a key (SandboxProvider); the webhook side gets the handle itself.
import * as vscode from 'vscode';
import type { SandboxHandle } from '../sandbox/sandboxServer';
import { displayCheckoutLanguage } from './checkoutLanguage';
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
  private readonly preparers: ((handle: SandboxHandle) => unknown)[] = [];

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

  /**
   * Runs `prepare` on the sandbox once it listens and before anyone gets it (its base URL, its handle), so the
   * forward target is set before the first session can be paid: the first event is forwarded like the others.
   */
  onStart(prepare: (handle: SandboxHandle) => unknown): vscode.Disposable {
    this.preparers.push(prepare);
    return {
      dispose: () => {
        const i = this.preparers.indexOf(prepare);
        if (i >= 0) this.preparers.splice(i, 1);
      },
    };
  }

  /** The running sandbox, or undefined when nothing has started it yet. */
  get current(): SandboxHandle | undefined {
    return this.running;
  }

  private start(): Promise<{ handle: SandboxHandle; secretKey: string }> {
    return (this.started ??= (async () => {
      const { startSandbox, sandboxTestKey } = loadClient();
      const handle = await startSandbox({
        log: (line) => this.log.channel.info(`[Sandbox] ${line}`),
        webhookRetryDelaysMs: this.options.webhookRetryDelaysMs,
        checkoutLanguage: displayCheckoutLanguage(),
      });
      this.running = handle;
      for (const prepare of [...this.preparers]) {
        try {
          await prepare(handle);
        } catch (err) {
          // The sandbox still serves requests; what failed to prepare says so in the log.
          this.log.channel.error(`sandbox start: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      return { handle, secretKey: sandboxTestKey() };
    })().catch((err: unknown) => {
      this.started = undefined;
      throw err;
    }));
  }

  dispose(): void {
    void this.running?.close();
    this.preparers.length = 0;
  }
}
