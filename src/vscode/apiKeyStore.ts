// Keeps the test and live secret keys in VS Code's SecretStorage, and nowhere else.
import * as vscode from 'vscode';

export type KeyKind = 'test' | 'live';

const SECRET_IDS: Record<KeyKind, string> = {
  test: 'xendit.secretKey.test',
  live: 'xendit.secretKey.live',
};

/**
 * Reads go through a memory copy of what SecretStorage answered: each read of SecretStorage is a round trip to
 * the workbench (5 to 7 ms per Create Session in code-server, measured), and the key is in this process's memory
 * anyway while the HTTP client holds it. The copy is dropped whenever SecretStorage reports a change (another
 * window stored or deleted a key) and whenever this window stores or deletes one.
 */
export class ApiKeyStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<KeyKind>();
  /** Fires when a key is stored or deleted, in this window or another one. */
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private readonly known = new Map<KeyKind, Promise<string | undefined>>();

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.subscription = secrets.onDidChange((e) => {
      for (const kind of Object.keys(SECRET_IDS) as KeyKind[]) {
        if (e.key !== SECRET_IDS[kind]) continue;
        this.known.delete(kind);
        this.changed.fire(kind);
      }
    });
  }

  get(kind: KeyKind): Promise<string | undefined> {
    let key = this.known.get(kind);
    if (!key) {
      const read = Promise.resolve(this.secrets.get(SECRET_IDS[kind]));
      key = read;
      this.known.set(kind, read);
      // A failed read is not remembered: the next one asks SecretStorage again.
      read.catch(() => {
        if (this.known.get(kind) === read) this.known.delete(kind);
      });
    }
    return key;
  }

  async has(kind: KeyKind): Promise<boolean> {
    return Boolean(await this.get(kind));
  }

  store(kind: KeyKind, key: string): Promise<void> {
    return this.write(kind, () => this.secrets.store(SECRET_IDS[kind], key));
  }

  delete(kind: KeyKind): Promise<void> {
    return this.write(kind, () => this.secrets.delete(SECRET_IDS[kind]));
  }

  /**
   * The copy is dropped on both sides of a write, not filled with what was written: another window's change that
   * lands in between must not be covered by this one. The next read asks SecretStorage.
   */
  private async write(kind: KeyKind, write: () => Thenable<void>): Promise<void> {
    this.known.delete(kind);
    try {
      await write();
    } finally {
      this.known.delete(kind);
    }
  }

  dispose(): void {
    this.known.clear();
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** The last four characters, the only part of a key the extension ever shows. */
export function keyHint(key: string): string {
  return `…${key.slice(-4)}`;
}
