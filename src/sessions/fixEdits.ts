// Turns a Problem's Fix into minimal text edits with jsonc-parser, so the user's formatting and comments survive.
import { findNodeAtLocation, modify, parseTree, type EditResult, type FormattingOptions } from 'jsonc-parser';
import type { Fix, JsonPath } from './problem';

export interface TextEdit {
  readonly offset: number;
  readonly length: number;
  readonly content: string;
}

/** Edits that apply `fix` to `text`, indented like the file itself. */
export function fixEdits(text: string, fix: Fix, formatting: Partial<FormattingOptions> = {}): TextEdit[] {
  const options: FormattingOptions = { ...detectIndent(text), eol: text.includes('\r\n') ? '\r\n' : '\n', ...formatting };
  const path = fix.path as (string | number)[];
  const edits: EditResult = modify(text, path, fix.kind === 'set' ? fix.value : undefined, { formattingOptions: options });
  return edits.map((e) => ({ offset: e.offset, length: e.length, content: e.content }));
}

function detectIndent(text: string): { insertSpaces: boolean; tabSize: number } {
  const match = /\n([ \t]+)\S/.exec(text);
  if (!match) return { insertSpaces: true, tabSize: 2 };
  const indent = match[1];
  return indent.startsWith('\t') ? { insertSpaces: false, tabSize: 1 } : { insertSpaces: true, tabSize: indent.length };
}

/**
 * Reads a path the API or the model prints ("items[0].name", "metadata.order id") back into segments.
 * Keys are split on dots and brackets; a bracketed number is an array index.
 */
export function parsePathString(text: string): JsonPath {
  const path: (string | number)[] = [];
  const re = /\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]|([^.[\]]+)/g;
  let match: RegExpExecArray | null;
  while ((match = re.exec(text)) !== null) {
    if (match[1] !== undefined) path.push(Number(match[1]));
    else if (match[2] !== undefined) path.push(JSON.parse(`"${match[2]}"`) as string);
    else if (match[3] !== undefined) path.push(match[3]);
  }
  return path;
}

/**
 * Where `path` sits in `text` (which may hold comments): the property's key and value, or, when the path
 * does not exist, the nearest ancestor that does, so a click on an API error always lands somewhere useful.
 */
export function locatePath(text: string, path: JsonPath): { offset: number; length: number } | undefined {
  const root = parseTree(text);
  if (!root) return undefined;
  for (let depth = path.length; depth >= 0; depth--) {
    const node = findNodeAtLocation(root, path.slice(0, depth) as (string | number)[]);
    if (!node) continue;
    const property = node.parent?.type === 'property' ? node.parent : undefined;
    const target = property ?? node;
    return { offset: target.offset, length: target.length };
  }
  return undefined;
}
