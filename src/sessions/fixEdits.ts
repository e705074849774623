// Turns a Problem's Fix into minimal text edits with jsonc-parser, so the user's formatting and comments survive.
import { applyEdits, findNodeAtLocation, modify, parseTree, type EditResult, type FormattingOptions, type Node } from 'jsonc-parser';
import { JSON_NUMBER } from './jsonPath';
import type { Fix, FixStep, JsonPath } from './problem';

export interface TextEdit {
  readonly offset: number;
  readonly length: number;
  readonly content: string;
}

/** Edits that apply `fix` to `text`, indented like the file itself. */
export function fixEdits(text: string, fix: Fix, formatting: Partial<FormattingOptions> = {}): TextEdit[] {
  // A key written twice: JSON.parse (and so the check) reads the last, the edit would change the first. No edit,
  // rather than one that leaves the problem in place (VS Code's own JSON check flags the duplicate).
  const root = parseTree(text);
  const paths = fix.kind === 'edits' ? fix.edits.map((step) => step.path) : [fix.path];
  if (paths.some((path) => hasDuplicateKeyAlong(root, path))) return [];
  const options: FormattingOptions = { ...detectIndent(text), eol: text.includes('\r\n') ? '\r\n' : '\n', ...formatting };
  if (fix.kind === 'set' || fix.kind === 'remove') return stepEdits(text, fix, options);
  if (fix.kind !== 'edits') return retypeEdits(text, root, fix.kind, fix.path);
  // Steps apply one after another, each to the text the previous left; the result is one edit over the span
  // that changed, so an editor applies (and undoes) the whole fix at once.
  let result = text;
  for (const step of fix.edits) result = applyEdits(result, stepEdits(result, step, options));
  return [spanEdit(text, result)];
}

function stepEdits(text: string, step: FixStep, options: FormattingOptions): TextEdit[] {
  const edits: EditResult = modify(text, step.path as (string | number)[], step.kind === 'set' ? step.value : undefined, { formattingOptions: options });
  return edits.map((e) => ({ offset: e.offset, length: e.length, content: e.content }));
}

/** Whether an object on the way to `path` has the next key more than once. */
function hasDuplicateKeyAlong(root: Node | undefined, path: JsonPath): boolean {
  let node = root;
  for (const segment of path) {
    if (!node?.children) return false;
    if (node.type === 'object') {
      const same = node.children.filter((property) => property.children?.[0]?.value === segment);
      if (same.length > 1) return true;
      node = same[0]?.children?.[1];
    } else {
      node = typeof segment === 'number' ? node.children[segment] : undefined;
    }
  }
  return false;
}

/** The value at `path` as written, in double quotes or out of them; nothing when it is not what the fix expects. */
function retypeEdits(text: string, root: Node | undefined, kind: 'quote' | 'unquote', path: JsonPath): TextEdit[] {
  const node = root && findNodeAtLocation(root, path as (string | number)[]);
  if (!node) return [];
  const written = text.slice(node.offset, node.offset + node.length);
  if (kind === 'quote') return node.type === 'number' || node.type === 'boolean' ? [{ offset: node.offset, length: node.length, content: JSON.stringify(written) }] : [];
  const inner = typeof node.value === 'string' ? node.value.trim() : '';
  return node.type === 'string' && JSON_NUMBER.test(inner) ? [{ offset: node.offset, length: node.length, content: inner }] : [];
}

/** The one edit that turns `before` into `after`: what lies between their common start and common end. */
function spanEdit(before: string, after: string): TextEdit {
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before[start] === after[start]) start++;
  let end = 0;
  while (end < shorter - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return { offset: start, length: before.length - end - start, content: after.slice(start, after.length - end) };
}

function detectIndent(text: string): { insertSpaces: boolean; tabSize: number } {
  const match = /\n([ \t]+)\S/.exec(text);
  if (!match) return { insertSpaces: true, tabSize: 2 };
  const indent = match[1];
  return indent.startsWith('\t') ? { insertSpaces: false, tabSize: 1 } : { insertSpaces: true, tabSize: indent.length };
}

/**
 * Reads a path the API or the model prints back into segments. Two forms: the live API's JSON pointer into the
 * request ("/body/items/0/name", `~1` and `~0` escaped, `body` dropped), and the older dotted form
 * ("items[0].name", "metadata.order id"): keys split on dots and brackets, a bracketed number an array index.
 */
export function parsePathString(text: string): JsonPath {
  if (text.startsWith('/')) return parsePointer(text);
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

function parsePointer(text: string): JsonPath {
  const segments = text.slice(1).split('/').map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  const rest = segments[0] === 'body' ? segments.slice(1) : segments;
  return rest.filter((segment) => segment !== '').map((segment) => (/^(0|[1-9]\d*)$/.test(segment) ? Number(segment) : segment));
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
