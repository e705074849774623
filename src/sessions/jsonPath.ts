// Small helpers for paths into a request's JSON: show a path the way a user writes it, and read a value at one.
import type { JsonPath } from './problem';
import { type PhraseArg, phrase, say } from './phrase';

const spokenArg = (arg: PhraseArg): string => (typeof arg === 'object' ? say(arg) : String(arg));

/** `items[2].net_unit_amount`, `metadata["my key"]`; the empty path reads as "the request". */
export function formatPath(path: JsonPath): string {
  return spokenArg(pathPhrase(path));
}

/** formatPath as a message's argument: the top level is said in words, a phrase to be translated. */
export function pathPhrase(path: JsonPath): PhraseArg {
  if (path.length === 0) return phrase('the request');
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `path`, or undefined when any step is missing or of the wrong kind. */
export function valueAt(root: unknown, path: JsonPath): unknown {
  let current = root;
  for (const segment of path) {
    if (typeof segment === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[segment];
    } else {
      if (!isPlainObject(current) || !Object.hasOwn(current, segment)) return undefined;
      current = current[segment];
    }
  }
  return current;
}

/** Whether the object holding the last step of `path` lacks that key (the field is absent, not null). */
export function isMissing(root: unknown, path: JsonPath): boolean {
  if (path.length === 0) return root === undefined;
  const parent = valueAt(root, path.slice(0, -1));
  const last = path[path.length - 1];
  return typeof last === 'string' && isPlainObject(parent) && !Object.hasOwn(parent, last);
}

/** A value shown inside a message: strings quoted and cut short, containers by kind. */
export function describeValue(value: unknown): string {
  return spokenArg(valuePhrase(value));
}

/** describeValue as a message's argument: the words for a container or a missing value are a phrase, to be translated. */
export function valuePhrase(value: unknown): PhraseArg {
  if (value === undefined) return phrase('missing');
  if (value === null) return 'null';
  if (Array.isArray(value)) return phrase('an array');
  if (typeof value === 'object') return phrase('an object');
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  return String(value);
}

/** The JSON pointer the live API writes for a path into the request body, e.g. `/body/items/0/name`. */
export function bodyPointer(path: JsonPath): string {
  return ['/body', ...path.map((segment) => String(segment).replace(/~/g, '~0').replace(/\//g, '~1'))].join('/');
}

/** A JSON number as the grammar writes one (and the API reads one): no hex, no leading zeros, no `+`, no `Infinity`. */
export const JSON_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

/** Whether `text` (spaces around it aside) is a JSON number JavaScript can hold: not `0x10`, not `1e400`. */
export function isFiniteJsonNumber(text: string): boolean {
  return JSON_NUMBER.test(text.trim()) && Number.isFinite(Number(text));
}
