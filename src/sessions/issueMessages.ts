// The model's (zod's) issues as sentences a payments developer reads: what is wrong, where, and how to fix it,
// with a fix where the fix is no guess. validate.ts turns them into Problems.
import * as z from 'zod/mini';
import { closest } from './closest';
import { isFiniteJsonNumber, isMissing, isPlainObject, pathPhrase, valueAt, valuePhrase } from './jsonPath';
import { type Phrase, type PhraseArg, phrase } from './phrase';
import { type Fix, type JsonPath, titled } from './problem';
import { SessionRequest } from './schema';
import { refusalPhrase } from './schemaKit';
import { FORMAT_MESSAGES, FORMAT_PHRASES, REFUSED_SESSION_TYPES } from './vocabulary';

export type Issue = z.core.$ZodIssue;

const EXPECTED_TYPE: Record<string, PhraseArg> = {
  string: phrase('a string (in double quotes)'),
  number: phrase('a number'),
  int: phrase('a whole number'),
  boolean: phrase('true or false'),
  object: phrase('an object ({0})', '{ ... }'),
  array: phrase('an array ({0})', '[ ... ]'),
  null: 'null',
};

/** Enum lists longer than this are not spelled out in a message (the payment channels are 150 long). */
const LISTED_VALUES_MAX = 12;

/** A zod issue as a phrase (validate.ts says its English), with a fix where the fix is no guess. */
export function describeIssue(issue: Issue, path: JsonPath, root: unknown): { says: Phrase; fix?: Fix } {
  const field = pathPhrase(path);
  const value = valueAt(root, path);
  if (path.length === 0 && issue.code === 'invalid_type') {
    return {
      says: phrase('A session request is a JSON object ({0}), but this is {1}. Start from an example request.', '{ "reference_id": ..., "session_type": ..., ... }', describeRoot(root)),
    };
  }
  if (issue.code === 'invalid_type' && issue.expected === 'never') return refusedKey(field, path, root);
  const refusedType = issue.code === 'invalid_value' && path.length === 1 && path[0] === 'session_type' && typeof value === 'string' ? REFUSED_SESSION_TYPES[value] : undefined;
  if (refusedType && typeof value === 'string') {
    return {
      says: phrase('session_type {0} is not supported (the API answers SESSION_TYPE_NOT_SUPPORTED): {1}.', value, refusedType),
      fix: {
        ...titled(phrase('Use session_type PAY with capture_method MANUAL')),
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
    return {
      says: about ? phrase('{0} is required ({1}). Add it: {2}.', field, lowerFirst(about), expected) : phrase('{0} is required. Add it: {1}.', field, expected),
    };
  }
  switch (issue.code) {
    case 'invalid_type':
      return wrongType(field, issue.expected, value, path);
    case 'invalid_value':
      return wrongValue(field, issue.values, value, path);
    case 'too_small':
    case 'too_big':
      return { says: outOfRange(field, issue, value) };
    case 'invalid_format':
      return { says: phrase('{0} {1}; it is {2}.', field, formatRule(issue.message), valuePhrase(value)) };
    case 'invalid_key': {
      const inner = issue.issues[0];
      const key = String(path[path.length - 1]);
      const limit = inner && inner.code === 'too_big' ? phrase('at most {0} characters', String(inner.maximum)) : phrase('a valid key');
      return {
        says: phrase('{0} key "{1}" is {2} characters long, but keys may have {3}. Shorten the key.', pathPhrase(path.slice(0, -1)), key, key.length, limit),
      };
    }
    case 'custom': {
      const most = /^can have at most (\d+) keys$/.exec(issue.message)?.[1];
      const rule = most === undefined ? issue.message : phrase('can have at most {0} keys', most);
      return {
        says: isPlainObject(value)
          ? phrase('{0} {1}; it has {2}. Remove the extra entries.', field, rule, Object.keys(value).length)
          : phrase('{0} {1}. Remove the extra entries.', field, rule),
      };
    }
    default:
      return { says: phrase('{0}: {1}.', field, issue.message) };
  }
}

/** A format check's text (vocabulary.ts) as its phrase; zod's own text for any other. */
function formatRule(message: string): PhraseArg {
  const name = (Object.keys(FORMAT_MESSAGES) as (keyof typeof FORMAT_MESSAGES)[]).find((key) => FORMAT_MESSAGES[key] === message);
  return name ? FORMAT_PHRASES[name] : message;
}

/** A key the API refuses: the model's text says why; the fix removes it, or moves it where it belongs. */
function refusedKey(field: PhraseArg, path: JsonPath, root: unknown): { says: Phrase; fix: Fix } {
  const says = refusalPhrase(unwrap(schemaAt(path))) ?? phrase('{0} is not allowed. Remove it.', field);
  const key = path[path.length - 1];
  const parent = path.slice(0, -1);
  if (key === 'failed_cycle_action' && parent.join('.') === 'subscription.schedule') {
    const target: JsonPath = ['subscription', 'failed_cycle_action'];
    return {
      says,
      fix: {
        ...titled(phrase('Move failed_cycle_action to subscription')),
        kind: 'edits',
        path,
        edits: [
          ...(isMissing(root, target) ? [{ kind: 'set', path: target, value: valueAt(root, path) } as const] : []),
          { kind: 'remove', path },
        ],
      },
    };
  }
  return { says, fix: { ...titled(phrase('Remove {0}', String(key))), kind: 'remove', path } };
}

function wrongType(field: PhraseArg, expectedType: string, value: unknown, path: JsonPath): { says: Phrase; fix?: Fix } {
  const expected = EXPECTED_TYPE[expectedType] ?? expectedType;
  if (expectedType === 'int' && typeof value === 'number') {
    return { says: phrase('{0} must be a whole number; it is {1}.', field, value) };
  }
  const described = valuePhrase(value);
  // Only a string that is a JSON number as written ("0x10" or "1e999" is not one), and the fixes keep the file's
  // own digits: a 19-digit id or "1.50" read as a number would come back changed.
  if (expectedType === 'number' && typeof value === 'string' && isFiniteJsonNumber(value)) {
    return {
      says: phrase('{0} must be {1}, but it is {2}. Write the number without quotes.', field, expected, described),
      fix: { ...titled(phrase('Use the number {0}', value.trim())), kind: 'unquote', path },
    };
  }
  if (expectedType === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
    return {
      says: phrase('{0} must be {1}, but it is {2}. Put it in double quotes.', field, expected, described),
      fix: { ...titled(phrase('Put it in double quotes')), kind: 'quote', path },
    };
  }
  return { says: phrase('{0} must be {1}, but it is {2}.', field, expected, described) };
}

function wrongValue(field: PhraseArg, values: readonly unknown[], value: unknown, path: JsonPath): { says: Phrase; fix?: Fix } {
  const allowed = values.filter((candidate): candidate is string => typeof candidate === 'string');
  const described = valuePhrase(value);
  const listed =
    allowed.length <= LISTED_VALUES_MAX
      ? phrase('{0} must be {1}; it is {2}.', field, oneOf(allowed), described)
      : phrase('{0} is not one of the {1} values the API accepts; it is {2}.', field, allowed.length, described);
  if (typeof value !== 'string') return { says: listed };
  // Same letters in another case or with spaces or dashes is not a guess, so it earns a fix.
  const normalized = value.trim().toUpperCase().replace(/[\s-]+/g, '_');
  const exact = allowed.find((candidate) => candidate.toUpperCase() === normalized);
  if (exact) {
    return { says: phrase('{0} Write it as "{1}".', listed, exact), fix: { ...titled(phrase('Use "{0}"', exact)), kind: 'set', path, value: exact } };
  }
  const suggestion = closest(value, allowed);
  return { says: suggestion ? phrase('{0} Did you mean "{1}"?', listed, suggestion) : listed };
}

function outOfRange(field: PhraseArg, issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig, value: unknown): Phrase {
  const small = issue.code === 'too_small';
  const limit = Number(small ? issue.minimum : issue.maximum);
  if (issue.origin === 'string' && typeof value === 'string') {
    if (small && limit === 1) return phrase('{0} must not be empty.', field);
    if (issue.exact && small) return phrase('{0} must be exactly {1} characters long; it has {2}.', field, limit, value.length);
    if (issue.exact) return phrase('{0} must be exactly {1} characters long; it has {2}. Shorten it.', field, limit, value.length);
    return small
      ? phrase('{0} must be at least {1} characters long; it has {2}.', field, limit, value.length)
      : phrase('{0} must be at most {1} characters long; it has {2}. Shorten it.', field, limit, value.length);
  }
  if (issue.origin === 'array' && Array.isArray(value)) {
    return small
      ? phrase('{0} must have at least {1} entries; it has {2}.', field, limit, value.length)
      : phrase('{0} must have at most {1} entries; it has {2}.', field, limit, value.length);
  }
  const described = valuePhrase(value);
  if (small) return issue.inclusive ? phrase('{0} must be at least {1}; it is {2}.', field, limit, described) : phrase('{0} must be more than {1}; it is {2}.', field, limit, described);
  return issue.inclusive ? phrase('{0} must be at most {1}; it is {2}.', field, limit, described) : phrase('{0} must be less than {1}; it is {2}.', field, limit, described);
}

function describeRoot(root: unknown): PhraseArg {
  if (Array.isArray(root)) return phrase('an array');
  if (root === null) return 'null';
  if (typeof root === 'string') return phrase('a string');
  if (typeof root === 'number') return phrase('a number');
  if (typeof root === 'boolean') return phrase('a boolean');
  return phrase('a {0}', typeof root);
}

function oneOf(values: readonly unknown[]): PhraseArg {
  const shown = values.map((value) => String(value));
  if (shown.length === 1) return shown[0] ?? '';
  return phrase('one of {0} or {1}', shown.slice(0, -1).join(', '), shown[shown.length - 1] ?? '');
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

