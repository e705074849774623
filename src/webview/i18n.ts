// The panel's own words in VS Code's display language: the extension writes its translated table
// (src/vscode/panelStrings.ts) into the page as <meta name="xsp-strings">, read once here. A key missing from it
// is shown in English, the key itself.
import type { PanelString } from '../vscode/panelStringKeys';

function readTable(): Record<string, unknown> {
  const raw = document.querySelector('meta[name="xsp-strings"]')?.getAttribute('content');
  if (!raw) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const table = readTable();

/** The text of `key`, its `{n}` holes filled with `args` (a hole without an argument stays as written). */
export function t(key: PanelString, ...args: readonly (string | number)[]): string {
  const entry = Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
  const template = typeof entry === 'string' && entry ? entry : key;
  return template.replace(/\{(\d+)\}/g, (hole, n: string) => (Number(n) < args.length ? String(args[Number(n)]) : hole));
}
