// Finds Xendit secret keys written into source text, and how to read one from the environment instead.

export interface FoundKey {
  readonly kind: 'live' | 'test';
  /** The key itself (without quotes). */
  readonly offset: number;
  readonly length: number;
  /**
   * The whole string literal when the key is all of it and the literal can be swapped for an expression: quotes,
   * triple quotes and a Python prefix (f"…", rb'''…''') included. Else the key alone, and `quoted` is false: when
   * swapping would break the code, as for a tagged template (String.raw`…`), an escaped quote inside another
   * string, or a literal glued to a keyword (typeof"…").
   */
  readonly literal: { readonly offset: number; readonly length: number; readonly quoted: boolean };
}

const KEY = /xnd_(development|production)_[A-Za-z0-9_\-+/=]{16,}/g;
const QUOTES = new Set(['"', "'", '`']);
/** Python's string prefixes, in any case: raw, bytes, f-strings, unicode, and 3.14's template strings. */
const PYTHON_PREFIX = /^(?:[rbfut]|br|rb|fr|rf|tr|rt)$/i;
const NAME_CHAR = /[\p{ID_Continue}$\u200c\u200d]/u;
/** Words after which a template is an operand, not tagged: return `…`, case `…`:. */
const OPERAND_KEYWORDS = new Set(['return', 'typeof', 'void', 'await', 'yield', 'case', 'default', 'in', 'of', 'delete', 'throw', 'else', 'do', 'instanceof']);
/** Characters after which a template starts an expression of its own: operators, openers, separators. */
const OPERAND_BEFORE = new Set([...'=(,[{:;?!&|+-*%<~^']);

export function findSecretKeys(text: string): FoundKey[] {
  const found: FoundKey[] = [];
  for (const match of text.matchAll(KEY)) {
    const offset = match.index ?? 0;
    const length = match[0].length;
    const literal = literalAround(text, offset, length);
    found.push({
      kind: match[1] === 'production' ? 'live' : 'test',
      offset,
      length,
      literal: literal ? { ...literal, quoted: true } : { offset, length, quoted: false },
    });
  }
  return found;
}

/** The literal that is exactly this key, with its quotes and prefix, when replacing it leaves valid code. */
function literalAround(text: string, offset: number, length: number): { offset: number; length: number } | undefined {
  const quote = text[offset - 1];
  const end = offset + length;
  if (quote === undefined || !QUOTES.has(quote) || text[end] !== quote) return undefined;
  let width = 1;
  if (quote !== '`') {
    const before = runOf(text, quote, offset - 1, -1);
    const after = runOf(text, quote, end, 1);
    if (before === 3 && after === 3) width = 3;
    // ""key"", """key" and the like: the key is not a whole literal of its own.
    else if (before !== 1 || after !== 1) return undefined;
  }
  const open = offset - width;
  // An escaped quote: the key sits inside another string (say, JSON written in a string).
  if (text[open - 1] === '\\') return undefined;
  const word = nameBefore(text, open);
  const start = open - word.length;
  if (word !== '') {
    // f"…", b"…", rb"""…""": Python's prefix belongs to the literal. Anything else glued to the quote (a tag,
    // typeof"…") would be glued to the replacement too.
    if (quote === '`' || !PYTHON_PREFIX.test(word) || text[start - 1] === '.') return undefined;
  } else if (quote === '`' && isTagged(text, open)) {
    return undefined;
  }
  return { offset: start, length: end + width - start };
}

/** How many `char` run from `from` in `step`'s direction, counting at most 4. */
function runOf(text: string, char: string, from: number, step: 1 | -1): number {
  let count = 0;
  for (let i = from; count < 4 && text[i] === char; i += step) count++;
  return count;
}

/** The name (or keyword) that ends right at `end`, or ''. */
function nameBefore(text: string, end: number): string {
  let start = end;
  while (start > 0 && NAME_CHAR.test(text[start - 1] ?? '')) start--;
  return text.slice(start, end);
}

/**
 * Whether the template opening at `open` may be tagged (String.raw `…`, tag`…`, f()`…`). It is surely not only
 * where what comes before it, past white space, starts an expression or is a keyword such as return.
 */
function isTagged(text: string, open: number): boolean {
  let i = open;
  while (i > 0 && /\s/.test(text[i - 1] ?? '')) i--;
  const char = text[i - 1];
  if (char === undefined || OPERAND_BEFORE.has(char)) return false;
  // => `…` returns the template; tag<T> `…` may be a tag.
  if (char === '>') return text[i - 2] !== '=';
  const word = nameBefore(text, i);
  // ) ] } ` / and the rest: maybe a call or a comment before a tag, so no fix.
  if (word === '') return true;
  const member = text[i - word.length - 1];
  return !OPERAND_KEYWORDS.has(word) || member === '.' || member === '#';
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
