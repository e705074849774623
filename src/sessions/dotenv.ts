// Reads a workspace's `.env` file for `{{$dotenv NAME}}`: plain Node, no editor needed, so the extension and
// the command line read the same file the same way.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PlaceholderContext } from './placeholders';

export const DOTENV_FILE = '.env';

/**
 * `NAME=value` lines, as dotenv writes them: `#` comments, blank lines, an optional `export `, values in single,
 * double or back quotes (a quoted value may go on over several lines, as a certificate does; double quotes read
 * `\n`, `\r`, `\t`, `\"` and `\\`), and an unquoted value's trailing ` # comment` dropped. A later line wins over
 * an earlier one. Lines that are none of these are skipped.
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
    if (isQuote(quote) && closingQuote(rest, quote) < 0) {
      // Opened but not closed on this line: the value goes on until a line closes it (or, if none does, it is
      // this line's text as written).
      let joined = rest;
      for (let j = i + 1; j < lines.length; j++) {
        joined += `\n${lines[j] ?? ''}`;
        if (closingQuote(joined, quote) > 0) {
          rest = joined;
          i = j;
          break;
        }
      }
    }
    entries.set(name, valueOf(rest));
  }
  return entries;
}

type Quote = '"' | "'" | '`';

function isQuote(c: string | undefined): c is Quote {
  return c === '"' || c === "'" || c === '`';
}

/** Where the quote that opens `rest` closes (a backslash escapes a double quote), or -1. */
function closingQuote(rest: string, quote: Quote): number {
  for (let k = 1; k < rest.length; k++) {
    if (quote === '"' && rest[k] === '\\') k++;
    else if (rest[k] === quote) return k;
  }
  return -1;
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

function valueOf(rest: string): string {
  const quote = rest[0];
  if (isQuote(quote)) {
    const end = closingQuote(rest, quote);
    if (end > 0) {
      const inner = rest.slice(1, end);
      return quote === '"' ? inner.replace(/\\(.)/gs, (escape, c: string) => ESCAPES[c] ?? escape) : inner;
    }
  }
  return rest.replace(/\s+#.*$/, '').trim();
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
