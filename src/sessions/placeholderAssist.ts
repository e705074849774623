// What the editor offers around placeholders, from the text and a cursor offset alone: the completion list
// inside `{{`, and the hover that shows a placeholder's value now. The VS Code shell only draws them.
import { getLocation } from 'jsonc-parser';
import { formatPath, isFiniteJsonNumber } from './jsonPath';
import { placeholderFieldAt, placeholderFieldName } from './placeholderFields';
import { evaluatePlaceholder, findPlaceholders, PLACEHOLDERS, placeholderSpec, type PlaceholderContext } from './placeholders';
import type { Phrase } from './phrase';
import type { JsonPath } from './problem';

export interface PlaceholderCompletion {
  /** `$isoTimestamp`. */
  readonly label: string;
  /** The text to insert (VS Code snippet syntax), closing braces included when they are not there yet. */
  readonly snippet: string;
  readonly detail: string;
  readonly documentation: string;
  /** The range of text the completion replaces: from just after `{{` to the cursor. */
  readonly replaceOffset: number;
  readonly replaceLength: number;
}

export interface PlaceholderHover {
  readonly offset: number;
  readonly length: number;
  readonly markdown: string;
  /** When the placeholder gives nothing: `markdown` is `lead` then the problem's English, said from `says`. */
  readonly problem?: { readonly lead: string; readonly says: Phrase };
}

interface StringAtCursor {
  readonly path: JsonPath;
  /** The string's JSON text, quotes included, and where it starts in the file. */
  readonly raw: string;
  readonly offset: number;
}

/** The string value the cursor is in (not a key), or undefined. */
function stringAt(text: string, offset: number): StringAtCursor | undefined {
  const location = getLocation(text, offset);
  const node = location.previousNode;
  if (location.isAtPropertyKey || !node || node.type !== 'string') return undefined;
  if (offset <= node.offset || offset > node.offset + node.length) return undefined;
  return { path: location.path, raw: text.slice(node.offset, node.offset + node.length), offset: node.offset };
}

/**
 * The placeholders, when the cursor follows `{{` (and maybe `$` and part of a name) inside a string value of a
 * field that takes one; in a numeric field, only those that give a number.
 */
export function placeholderCompletions(text: string, offset: number): PlaceholderCompletion[] {
  const string = stringAt(text, offset);
  if (!string) return [];
  const field = placeholderFieldAt(string.path);
  if (!field) return [];
  const before = string.raw.slice(0, offset - string.offset);
  const open = /\{\{\s*(\$?[A-Za-z0-9]*)$/.exec(before);
  if (!open) return [];
  const typed = open[1] ?? '';
  const closed = /^[^{}"]*\}\}/.test(string.raw.slice(offset - string.offset));
  const specs = field.kind === 'number' ? PLACEHOLDERS.filter((spec) => spec.numeric || spec.name === 'env' || spec.name === 'dotenv') : PLACEHOLDERS;
  return specs.map((spec) => ({
    label: `$${spec.name}`,
    snippet: `${spec.snippet}${closed ? '' : '}}'}`,
    detail: spec.syntax,
    documentation: spec.doc,
    replaceOffset: offset - typed.length,
    replaceLength: typed.length,
  }));
}

/** What the placeholder under the cursor gives now, or why it gives nothing. */
export function placeholderHover(text: string, offset: number, context: PlaceholderContext): PlaceholderHover | undefined {
  const string = stringAt(text, offset);
  if (!string) return undefined;
  const within = offset - string.offset;
  const match = findPlaceholders(string.raw).find((candidate) => candidate.start <= within && within <= candidate.end);
  if (!match) return undefined;
  const range = { offset: string.offset + match.start, length: match.end - match.start };
  const written = string.raw.slice(match.start, match.end);
  const field = placeholderFieldAt(string.path);
  if (!field) {
    const where = formatPath(string.path);
    return { ...range, markdown: `\`${written}\`: a placeholder is not accepted in \`${where}\`, which takes a fixed value.` };
  }
  const result = evaluatePlaceholder(match, context);
  if (!result.ok) {
    const lead = `\`${written}\`: `;
    return { ...range, markdown: lead + result.message, problem: { lead, says: result.says } };
  }
  const whole = match.start === 1 && match.end === string.raw.length - 1;
  const asNumber = field.kind === 'number' && whole;
  if (asNumber && typeof result.value === 'string' && !isFiniteJsonNumber(result.value)) {
    return { ...range, markdown: `\`${written}\` is now ${JSON.stringify(result.value)}, which is not a number, and \`${placeholderFieldName(field.path)}\` takes one: the request is not sent like this.` };
  }
  const shown = asNumber ? String(result.value) : JSON.stringify(String(result.value));
  const sent = asNumber ? ' (sent as a number)' : '';
  const doc = placeholderSpec(match.name)?.doc ?? '';
  return {
    ...range,
    markdown: `\`${written}\` in \`${placeholderFieldName(field.path)}\` is now \`${shown}\`${sent}; it is resolved again each time the request is sent.\n\n${doc}`,
  };
}
