// Reads a workspace's `.env` file for `{{$dotenv NAME}}`: plain Node, no editor needed, so the extension and
// the command line read the same file the same way.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PlaceholderContext } from './placeholders';

export const DOTENV_FILE = '.env';

/**
 * `NAME=value` lines, as dotenv writes them: `#` comments, blank lines, an optional `export `, values in single
 * or double quotes (double quotes read `\n`), and an unquoted value's trailing ` # comment` dropped. A later
 * line wins over an earlier one. Lines that are none of these are skipped.
 */
export function parseDotenv(text: string): Map<string, string> {
  const entries = new Map<string, string>();
  for (const rawLine of text.replace(/^\ufeff/, '').split(/\r?\n|\r/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    const [, name = '', rest = ''] = match;
    entries.set(name, valueOf(rest));
  }
  return entries;
}

function valueOf(rest: string): string {
  const quote = rest[0];
  if (quote === '"' || quote === "'") {
    const end = rest.indexOf(quote, 1);
    if (end > 0) {
      const inner = rest.slice(1, end);
      return quote === '"' ? inner.replace(/\\n/g, '\n').replace(/\\"/g, '"') : inner;
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
