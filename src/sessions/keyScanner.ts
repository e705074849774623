// Finds Xendit secret keys written into source text, and how to read one from the environment instead.

export interface FoundKey {
  readonly kind: 'live' | 'test';
  /** The key itself (without quotes). */
  readonly offset: number;
  readonly length: number;
  /** The whole string literal when the key is the entire literal (quotes included), else the key alone. */
  readonly literal: { readonly offset: number; readonly length: number; readonly quoted: boolean };
}

const KEY = /xnd_(development|production)_[A-Za-z0-9_\-+/=]{16,}/g;
const QUOTES = new Set(['"', "'", '`']);

export function findSecretKeys(text: string): FoundKey[] {
  const found: FoundKey[] = [];
  for (const match of text.matchAll(KEY)) {
    const offset = match.index ?? 0;
    const length = match[0].length;
    const before = text[offset - 1];
    const after = text[offset + length];
    const quoted = before !== undefined && before === after && QUOTES.has(before);
    found.push({
      kind: match[1] === 'production' ? 'live' : 'test',
      offset,
      length,
      literal: quoted ? { offset: offset - 1, length: length + 2, quoted } : { offset, length, quoted },
    });
  }
  return found;
}

const ENV_READ: Record<string, string> = {
  javascript: 'process.env.XENDIT_SECRET_KEY',
  javascriptreact: 'process.env.XENDIT_SECRET_KEY',
  typescript: 'process.env.XENDIT_SECRET_KEY',
  typescriptreact: 'process.env.XENDIT_SECRET_KEY',
  python: 'os.environ["XENDIT_SECRET_KEY"]',
};

/** The expression that reads the key from the environment in this language, where that is plain. */
export function environmentRead(languageId: string): string | undefined {
  return ENV_READ[languageId];
}
