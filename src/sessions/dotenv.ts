// Reads a workspace's `.env` file for `{{$dotenv NAME}}`: plain Node, no editor needed, so the extension and
// the command line read the same file the same way.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PlaceholderContext } from './placeholders';

export const DOTENV_FILE = '.env';

/**
 * `NAME=value` lines, as dotenv writes them: `#` comments, blank lines, an optional `export `, values in single,
 * double or back quotes, and an unquoted value's trailing ` # comment` dropped. Double quotes read `\n`, `\r` and
 * `\"`; any other backslash stays as written (`"C:\temp\"` is `C:\temp\`). A quote opened and not closed on its
 * line goes on over the next lines until one closes it, as a certificate does. A later line wins over an earlier
 * one. Lines that are none of these are skipped.
 */
export function parseDotenv(text: string): Map<string, string> {
  const entries = new Map<string, string>();
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n|\r/);
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    const [, name = ''] = match;
    let rest = match[2] ?? '';
    const quote = rest[0];
    let end = -1;
    if (isQuote(quote)) {
      end = closingQuote(rest, quote);
      // Not closed means no other quote on the line (closingQuote falls back to the line's last one): the value
      // goes on over the next lines if a later quote closes it and ends its line, as a certificate's does. The
      // first later quote that does not end its line (`B="x"y`, another entry's opening quote) means this one
      // was never closed: it is read unquoted, and the lines after it stay entries of their own.
      for (let j = i + 1; end < 0 && j < lines.length; j++) {
        const next = lines[j] ?? '';
        if (!next.includes(quote)) continue;
        const joined = [rest, ...lines.slice(i + 1, j + 1)].join('\n');
        const close = firstClosingQuote(joined, quote);
        if (close < 0) continue;
        if (!/^\s*(?:#.*)?$/.test(joined.slice(close + 1))) break;
        end = close;
        rest = joined;
        i = j;
      }
    }
    entries.set(name, end > 0 && isQuote(quote) ? unquote(rest.slice(1, end), quote) : rest.replace(/\s+#.*$/, '').trim());
  }
  return entries;
}

type Quote = '"' | "'" | '`';

function isQuote(c: string | undefined): c is Quote {
  return c === '"' || c === "'" || c === '`';
}

/**
 * Where the quote that opens `text` closes, or -1: the first one not escaped by a backslash (in double quotes),
 * else the line's last one (so `"C:\dir\"` closes at its end).
 */
function closingQuote(text: string, quote: Quote): number {
  const first = firstClosingQuote(text, quote);
  if (first > 0) return first;
  const lineEnd = text.indexOf('\n');
  const last = text.lastIndexOf(quote, lineEnd < 0 ? text.length : lineEnd);
  return last > 0 ? last : -1;
}

/** The first quote after the one that opens `text`, not escaped by a backslash (in double quotes), or -1. */
function firstClosingQuote(text: string, quote: Quote): number {
  for (let k = 1; k < text.length; k++) {
    if (quote === '"' && text[k] === '\\' && text[k + 1] === '"') k++;
    else if (text[k] === quote) return k;
  }
  return -1;
}

function unquote(inner: string, quote: Quote): string {
  if (quote !== '"') return inner;
  return inner.replace(/\\([nr"])/g, (_, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : '"'));
}

/** The `.env` in `folder`, parsed, or undefined when there is none (or it cannot be read). */
export function readDotenv(folder: string): Map<string, string> | undefined {
  try {
    return parseDotenv(fs.readFileSync(path.join(folder, DOTENV_FILE), 'utf8'));
  } catch {
    return undefined;
  }
}

/** What placeholders read on this machine: `env` (process.env by default) and the `.env` in `folder`, read once and only if asked. */
export function localPlaceholderContext(folder: string | undefined, env: NodeJS.ProcessEnv = process.env, now = new Date()): PlaceholderContext {
  let dotenv: Map<string, string> | undefined | null = null;
  return {
    now,
    env: (name) => env[name],
    dotenv: () => (dotenv === null ? (dotenv = folder === undefined ? undefined : readDotenv(folder)) : dotenv),
    ...(folder === undefined ? {} : { dotenvPath: path.join(folder, DOTENV_FILE) }),
  };
}
