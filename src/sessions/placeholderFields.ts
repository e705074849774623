// Which fields of a request may carry a placeholder, and what each gives there. One table for the resolver
// (which refuses a placeholder anywhere else) and the JSON schema (which accepts one only here).
import type { JsonPath } from './problem';

/**
 * - `id`: an identifier that must be new for each request (a repeated one is rejected or mixes up sessions).
 * - `datetime`: a time relative to the moment of sending (a fixed one is in the past a week later).
 * - `number`: an amount; a string that is one numeric placeholder is sent as a number.
 * - `text`: free text where a fresh value helps tell requests apart (descriptions, metadata values).
 */
export type PlaceholderFieldKind = 'id' | 'datetime' | 'number' | 'text';

export interface PlaceholderField {
  /** Object keys, `*` for any array index or record key. */
  readonly path: readonly string[];
  readonly kind: PlaceholderFieldKind;
}

export const PLACEHOLDER_FIELDS: readonly PlaceholderField[] = [
  { path: ['reference_id'], kind: 'id' },
  { path: ['customer', 'reference_id'], kind: 'id' },
  { path: ['customer', 'email'], kind: 'id' },
  { path: ['expires_at'], kind: 'datetime' },
  { path: ['subscription', 'schedule', 'anchor_date'], kind: 'datetime' },
  { path: ['amount'], kind: 'number' },
  { path: ['items', '*', 'net_unit_amount'], kind: 'number' },
  { path: ['description'], kind: 'text' },
  { path: ['metadata', '*'], kind: 'text' },
  { path: ['items', '*', 'metadata', '*'], kind: 'text' },
];

/** The field at `path` that accepts a placeholder, or undefined when a placeholder is refused there. */
export function placeholderFieldAt(path: JsonPath): PlaceholderField | undefined {
  return PLACEHOLDER_FIELDS.find(
    (field) => field.path.length === path.length && field.path.every((segment, index) => segment === '*' || segment === path[index]),
  );
}

/** A field as a user reads it, e.g. "items[].reference_id" or "metadata.*". */
export function placeholderFieldName(path: readonly string[]): string {
  let name = '';
  path.forEach((segment, index) => {
    if (segment === '*') name += path[index - 1] === 'items' ? '[]' : '.*';
    else name += index === 0 ? segment : `.${segment}`;
  });
  return name;
}

/** Every field that accepts a placeholder, for messages. */
export function describePlaceholderFields(): string {
  return PLACEHOLDER_FIELDS.map((field) => placeholderFieldName(field.path)).join(', ');
}
