// Keeps the test and live secret keys in VS Code's SecretStorage, and nowhere else.
import * as vscode from 'vscode';

export type KeyKind = 'test' | 'live';

const SECRET_IDS: Record<KeyKind, string> = {
  test: 'xendit.secretKey.test',
  live: 'xendit.secretKey.live',
};

export class ApiKeyStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<KeyKind>();
  /** Fires when a key is stored or deleted, in this window or another one. */
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.subscription = secrets.onDidChange((e) => {
      for (const kind of Object.keys(SECRET_IDS) as KeyKind[]) {
        if (e.key === SECRET_IDS[kind]) this.changed.fire(kind);
      }
    });
  }

  get(kind: KeyKind): Thenable<string | undefined> {
    return this.secrets.get(SECRET_IDS[kind]);
  }

  async has(kind: KeyKind): Promise<boolean> {
    return Boolean(await this.get(kind));
  }

  store(kind: KeyKind, key: string): Thenable<void> {
    return this.secrets.store(SECRET_IDS[kind], key);
  }

  delete(kind: KeyKind): Thenable<void> {
    return this.secrets.delete(SECRET_IDS[kind]);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** The last four characters, the only part of a key the extension ever shows. */
export function keyHint(key: string): string {
  return `…${key.slice(-4)}`;
}
