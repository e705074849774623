// The model's (zod's) issues as sentences a payments developer reads: what is wrong, where, and how to fix it,
// with a fix where the fix is no guess. validate.ts turns them into Problems.
import * as z from 'zod/mini';
import { closest } from './closest';
import { describeValue, formatPath, isFiniteJsonNumber, isMissing, isPlainObject, valueAt } from './jsonPath';
import type { Fix, JsonPath } from './problem';
import { SessionRequest } from './schema';
import { refusalText } from './schemaKit';
import { REFUSED_SESSION_TYPES } from './vocabulary';

export type Issue = z.core.$ZodIssue;

const EXPECTED_TYPE: Record<string, string> = {
  string: 'a string (in double quotes)',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object ({ ... })',
  array: 'an array ([ ... ])',
  null: 'null',
};

/** Enum lists longer than this are not spelled out in a message (the payment channels are 150 long). */
const LISTED_VALUES_MAX = 12;

export function describeIssue(issue: Issue, path: JsonPath, root: unknown): { message: string; fix?: Fix } {
  const field = formatPath(path);
  const value = valueAt(root, path);
  if (path.length === 0 && issue.code === 'invalid_type') {
    return {
      message: `A session request is a JSON object ({ "reference_id": ..., "session_type": ..., ... }), but this is ${describeRoot(root)}. Start from an example request.`,
    };
  }
  if (issue.code === 'invalid_type' && issue.expected === 'never') return refusedKey(field, path, root);
  if (issue.code === 'invalid_value' && path.length === 1 && path[0] === 'session_type' && typeof value === 'string' && REFUSED_SESSION_TYPES[value]) {
    return {
      message: `session_type ${value} is not supported (the API answers SESSION_TYPE_NOT_SUPPORTED): ${REFUSED_SESSION_TYPES[value]}.`,
      fix: {
        title: 'Use session_type PAY with capture_method MANUAL',
        kind: 'edits',
        path,
        edits: [
          { kind: 'set', path: ['session_type'], value: 'PAY' },
          { kind: 'set', path: ['capture_method'], value: 'MANUAL' },
        ],
      },
    };
  }
  if (isMissing(root, path) && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
    const expected = issue.code === 'invalid_value' ? oneOf(issue.values) : (EXPECTED_TYPE[issue.expected] ?? issue.expected);
    const about = descriptionAt(path);
    return { message: `${field} is required${about ? ` (${lowerFirst(about)})` : ''}. Add it: ${expected}.` };
  }
  switch (issue.code) {
    case 'invalid_type':
      return wrongType(field, issue.expected, value, path);
    case 'invalid_value':
      return wrongValue(field, issue.values, value, path);
    case 'too_small':
    case 'too_big':
      return { message: outOfRange(field, issue, value) };
    case 'invalid_format':
      return { message: `${field} ${issue.message}; it is ${describeValue(value)}.` };
    case 'invalid_key': {
      const inner = issue.issues[0];
      const key = String(path[path.length - 1]);
      const limit = inner && inner.code === 'too_big' ? `at most ${String(inner.maximum)} characters` : 'a valid key';
      return { message: `${formatPath(path.slice(0, -1))} key "${key}" is ${key.length} characters long, but keys may have ${limit}. Shorten the key.` };
    }
    case 'custom': {
      const size = isPlainObject(value) ? `; it has ${Object.keys(value).length}` : '';
      return { message: `${field} ${issue.message}${size}. Remove the extra entries.` };
    }
    default:
      return { message: `${field}: ${issue.message}.` };
  }
}

/** A key the API refuses: the model's text says why; the fix removes it, or moves it where it belongs. */
function refusedKey(field: string, path: JsonPath, root: unknown): { message: string; fix: Fix } {
  const message = refusalText(unwrap(schemaAt(path))) ?? `${field} is not allowed. Remove it.`;
  const key = path[path.length - 1];
  const parent = path.slice(0, -1);
  if (key === 'failed_cycle_action' && parent.join('.') === 'subscription.schedule') {
    const target: JsonPath = ['subscription', 'failed_cycle_action'];
    return {
      message,
      fix: {
        title: 'Move failed_cycle_action to subscription',
        kind: 'edits',
        path,
        edits: [
          ...(isMissing(root, target) ? [{ kind: 'set', path: target, value: valueAt(root, path) } as const] : []),
          { kind: 'remove', path },
        ],
      },
    };
  }
  return { message, fix: { title: `Remove ${String(key)}`, kind: 'remove', path } };
}

function wrongType(field: string, expectedType: string, value: unknown, path: JsonPath): { message: string; fix?: Fix } {
  const expected = EXPECTED_TYPE[expectedType] ?? expectedType;
  if (expectedType === 'int' && typeof value === 'number') {
    return { message: `${field} must be a whole number; it is ${value}.` };
  }
  const message = `${field} must be ${expected}, but it is ${describeValue(value)}.`;
  // Only a string that is a JSON number as written ("0x10" or "1e999" is not one), and the fixes keep the file's
  // own digits: a 19-digit id or "1.50" read as a number would come back changed.
  if (expectedType === 'number' && typeof value === 'string' && isFiniteJsonNumber(value)) {
    return { message: `${message} Write the number without quotes.`, fix: { title: `Use the number ${value.trim()}`, kind: 'unquote', path } };
  }
  if (expectedType === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
    return { message: `${message} Put it in double quotes.`, fix: { title: 'Put it in double quotes', kind: 'quote', path } };
  }
  return { message };
}

function wrongValue(field: string, values: readonly unknown[], value: unknown, path: JsonPath): { message: string; fix?: Fix } {
  const allowed = values.filter((candidate): candidate is string => typeof candidate === 'string');
  const listed = allowed.length <= LISTED_VALUES_MAX ? ` must be ${oneOf(allowed)}` : ` is not one of the ${allowed.length} values the API accepts`;
  const message = `${field}${listed}; it is ${describeValue(value)}.`;
  if (typeof value !== 'string') return { message };
  // Same letters in another case or with spaces or dashes is not a guess, so it earns a fix.
  const normalized = value.trim().toUpperCase().replace(/[\s-]+/g, '_');
  const exact = allowed.find((candidate) => candidate.toUpperCase() === normalized);
  if (exact) {
    return { message: `${message} Write it as "${exact}".`, fix: { title: `Use "${exact}"`, kind: 'set', path, value: exact } };
  }
  const suggestion = closest(value, allowed);
  return { message: suggestion ? `${message} Did you mean "${suggestion}"?` : message };
}

function outOfRange(field: string, issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig, value: unknown): string {
  const small = issue.code === 'too_small';
  const limit = Number(small ? issue.minimum : issue.maximum);
  if (issue.origin === 'string' && typeof value === 'string') {
    if (small && limit === 1) return `${field} must not be empty.`;
    const bound = issue.exact ? 'exactly' : small ? 'at least' : 'at most';
    return `${field} must be ${bound} ${limit} characters long; it has ${value.length}.${small ? '' : ' Shorten it.'}`;
  }
  if (issue.origin === 'array' && Array.isArray(value)) {
    return `${field} must have ${small ? 'at least' : 'at most'} ${limit} entries; it has ${value.length}.`;
  }
  const bound = small ? (issue.inclusive ? 'at least' : 'more than') : issue.inclusive ? 'at most' : 'less than';
  return `${field} must be ${bound} ${limit}; it is ${describeValue(value)}.`;
}

function describeRoot(root: unknown): string {
  if (Array.isArray(root)) return 'an array';
  if (root === null) return 'null';
  if (typeof root === 'string') return 'a string';
  return `a ${typeof root}`;
}

function oneOf(values: readonly unknown[]): string {
  const shown = values.map((value) => String(value));
  if (shown.length === 1) return shown[0] ?? '';
  return `one of ${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}`;
}

/** "The amount to..." reads as "(the amount to...)" inside a sentence; "ISO 4217 ..." keeps its capitals. */
function lowerFirst(text: string): string {
  const trimmed = text.replace(/\.$/, '');
  return /^[A-Z](?![A-Z0-9])/.test(trimmed) ? trimmed.charAt(0).toLowerCase() + trimmed.slice(1) : trimmed;
}

/** The model's schema at `path`, unwrapped from optional/nullable, or undefined past an open end. */
export function schemaAt(path: JsonPath): z.core.$ZodType | undefined {
  let schema: z.core.$ZodType | undefined = SessionRequest;
  for (const segment of path) {
    schema = unwrap(schema);
    const def: z.core.$ZodTypeDef | undefined = schema?._zod.def;
    if (def?.type === 'object' && typeof segment === 'string') schema = (def as z.core.$ZodObjectDef).shape[segment];
    else if (def?.type === 'array') schema = (def as z.core.$ZodArrayDef).element;
    else if (def?.type === 'record') schema = (def as z.core.$ZodRecordDef).valueType;
    else return undefined;
  }
  return schema;
}

export function unwrap(schema: z.core.$ZodType | undefined): z.core.$ZodType | undefined {
  let current = schema;
  while (current && (current._zod.def.type === 'optional' || current._zod.def.type === 'nullable')) {
    current = (current._zod.def as z.core.$ZodOptionalDef).innerType;
  }
  return current;
}

/** The field's description from the model's metadata (the text the editor shows on hover). */
function descriptionAt(path: JsonPath): string | undefined {
  let schema = schemaAt(path);
  while (schema) {
    const description = z.globalRegistry.get(schema)?.description;
    if (description) return description;
    const def = schema._zod.def;
    schema = def.type === 'optional' || def.type === 'nullable' ? (def as z.core.$ZodOptionalDef).innerType : undefined;
  }
  return undefined;
}

