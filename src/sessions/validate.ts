// The one check every path uses (sandbox, editor, pre-send, CLI): the zod model, then the cross-field
// rules, reported as Problems whose messages say what is wrong, where, and how to fix it.
import * as z from 'zod/mini';
import { describeValue, formatPath, isMissing, isPlainObject, valueAt } from './jsonPath';
import type { Fix, JsonPath, Problem } from './problem';
import { RULES, type ReadPattern, type Rule } from './rules';
import { SessionRequest } from './schema';

export interface ValidateOptions {
  /** The time `expires_at` is compared with; defaults to the current time. */
  readonly now?: Date;
  /**
   * Leave out what the generated JSON schema already reports in the editor (the model's checks, unknown
   * keys, and the rules marked `coveredByJsonSchema`), so a problem is not underlined twice. `ok` still
   * reflects every check.
   */
  readonly skipSchemaCovered?: boolean;
}

export interface ValidationResult {
  /** False iff some check found an error (warnings do not count). */
  readonly ok: boolean;
  /**
   * The request, typed, whenever its structure matches the model (unknown keys aside), even if a
   * cross-field rule failed: callers that need a sendable request check `ok` first.
   */
  readonly request?: SessionRequest;
  readonly problems: Problem[];
}

/** A problem and where the editor should underline it (see requestDocument.ts). */
export interface Finding {
  readonly problem: Problem;
  readonly anchor: 'value' | 'key';
  /** Whether the generated JSON schema reports the same thing. */
  readonly schemaCovered: boolean;
}

export function validateSessionRequest(value: unknown, options: ValidateOptions = {}): ValidationResult {
  const { findings, request } = findProblems(value, options);
  const ok = !findings.some((finding) => finding.problem.severity === 'error');
  const reported = options.skipSchemaCovered ? findings.filter((finding) => !finding.schemaCovered) : findings;
  const problems = reported.map((finding) => finding.problem);
  return request ? { ok, request, problems } : { ok, problems };
}

/**
 * Rules run on partly valid requests too, so a user sees every problem at once: a rule is skipped
 * only when the model found a problem at a path the rule reads (or above it). The fields it does read
 * are then of the declared type, which keeps the rules simple. Unknown keys never stop a rule.
 */
export function findProblems(value: unknown, options: ValidateOptions = {}): { findings: Finding[]; request?: SessionRequest } {
  const parsed = SessionRequest.safeParse(value);
  const issues = parsed.success ? [] : parsed.error.issues;
  const findings = findingsFromIssues(issues, value);
  const blocking = issues.filter((issue) => issue.code !== 'unrecognized_keys').map((issue) => issue.path);
  const candidate = isPlainObject(value) ? (value as SessionRequest) : undefined;
  if (candidate) {
    const context = { now: options.now ?? new Date() };
    for (const rule of RULES) {
      if (blocking.some((path) => blocksRule(path, rule))) continue;
      for (const problem of rule.check(candidate, context)) {
        findings.push({ problem, anchor: rule.anchor, schemaCovered: rule.coveredByJsonSchema });
      }
    }
  }
  const request = parsed.success ? parsed.data : blocking.length === 0 ? candidate : undefined;
  return request ? { findings, request } : { findings };
}

function blocksRule(issuePath: readonly PropertyKey[], rule: Rule): boolean {
  return rule.reads.some((pattern) => isPrefixOfPattern(issuePath, pattern));
}

function isPrefixOfPattern(path: readonly PropertyKey[], pattern: ReadPattern): boolean {
  if (path.length > pattern.length) return false;
  return path.every((segment, index) => pattern[index] === segment || (pattern[index] === '*' && typeof segment === 'number'));
}

type Issue = z.core.$ZodIssue;

function findingsFromIssues(issues: readonly Issue[], root: unknown): Finding[] {
  const findings: Finding[] = [];
  // zod may report a field twice (say, pattern and length); the first says enough, and one underline is clearer.
  const seen = new Set<string>();
  for (const issue of issues) {
    const path = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) findings.push(unknownKeyFinding([...path, key], root));
      continue;
    }
    const key = JSON.stringify(path);
    if (seen.has(key)) continue;
    seen.add(key);
    const { message, fix } = describeIssue(issue, path, root);
    const problem: Problem = { severity: 'error', path, message, code: codeForPath(path), source: 'schema', ...(fix ? { fix } : {}) };
    findings.push({ problem, anchor: issue.code === 'invalid_key' ? 'key' : 'value', schemaCovered: true });
  }
  return findings;
}

// Unknown keys are warnings, not errors: a typo such as "ammount" is worth flagging, but the create-session
// page lags behind the API, and a field it does not list yet must not stop a request the API would take.
function unknownKeyFinding(path: JsonPath, root: unknown): Finding {
  const key = String(path[path.length - 1]);
  const parentPath = path.slice(0, -1);
  const where = parentPath.length === 0 ? 'in the request' : `in ${formatPath(parentPath)}`;
  const suggestion = closest(key, knownKeys(parentPath, root));
  const hint = suggestion
    ? `Did you mean "${suggestion}"? Fix the spelling, or remove it if it is not meant for the API.`
    : 'Check the spelling, or remove it if it is not meant for the API.';
  return {
    problem: {
      severity: 'warning',
      path,
      message: `Unknown field "${key}" ${where}: the create-session API does not document it, so it is probably a typo. ${hint}`,
      code: 'API_VALIDATION_ERROR',
      source: 'schema',
    },
    anchor: 'key',
    schemaCovered: true,
  };
}

const CODE_BY_FIELD: Record<string, string> = {
  currency: 'INVALID_CURRENCY',
  country: 'INVALID_COUNTRY',
  customer_id: 'INVALID_CUSTOMER_ID',
  amount: 'INVALID_AMOUNT',
  net_unit_amount: 'INVALID_AMOUNT',
  expires_at: 'INVALID_EXPIRY_DATE',
  success_return_url: 'INVALID_URL',
  cancel_return_url: 'INVALID_URL',
  failure_return_url: 'INVALID_URL',
  return_url: 'INVALID_URL',
  url: 'INVALID_URL',
  image_url: 'INVALID_URL',
  origins: 'INVALID_URL',
  primary_payment_channels: 'INVALID_PAYMENT_CHANNEL',
  allowed_payment_channels: 'INVALID_PAYMENT_CHANNEL',
  metadata: 'INVALID_METADATA',
};

/** The API's error code for a field problem: the nearest named field decides, metadata anywhere wins. */
function codeForPath(path: JsonPath): string {
  if (path.includes('metadata')) return 'INVALID_METADATA';
  for (let index = path.length - 1; index >= 0; index--) {
    const segment = path[index];
    if (typeof segment === 'string') return CODE_BY_FIELD[segment] ?? 'API_VALIDATION_ERROR';
  }
  return 'API_VALIDATION_ERROR';
}

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

function describeIssue(issue: Issue, path: JsonPath, root: unknown): { message: string; fix?: Fix } {
  const field = formatPath(path);
  const value = valueAt(root, path);
  if (path.length === 0 && issue.code === 'invalid_type') {
    return {
      message: `A session request is a JSON object ({ "reference_id": ..., "session_type": ..., ... }), but this is ${describeRoot(root)}. Start from an example request.`,
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

function wrongType(field: string, expectedType: string, value: unknown, path: JsonPath): { message: string; fix?: Fix } {
  const expected = EXPECTED_TYPE[expectedType] ?? expectedType;
  if (expectedType === 'int' && typeof value === 'number') {
    return { message: `${field} must be a whole number; it is ${value}.` };
  }
  const message = `${field} must be ${expected}, but it is ${describeValue(value)}.`;
  if (expectedType === 'number' && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
    const number = Number(value);
    return { message: `${message} Write the number without quotes.`, fix: { title: `Use the number ${number}`, kind: 'set', path, value: number } };
  }
  if (expectedType === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
    const text = String(value);
    return { message: `${message} Put it in double quotes.`, fix: { title: `Use the string "${text}"`, kind: 'set', path, value: text } };
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
function schemaAt(path: JsonPath): z.core.$ZodType | undefined {
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

function unwrap(schema: z.core.$ZodType | undefined): z.core.$ZodType | undefined {
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

function knownKeys(objectPath: JsonPath, root: unknown): string[] {
  const schema = unwrap(schemaAt(objectPath));
  if (schema?._zod.def.type !== 'object') return [];
  const object = valueAt(root, objectPath);
  // A key already present is no suggestion for a typo of it.
  return Object.keys((schema._zod.def as z.core.$ZodObjectDef).shape).filter((key) => !(isPlainObject(object) && Object.hasOwn(object, key)));
}

/** The candidate within a small edit distance of `word` (typos, case), or undefined. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const target = word.toLowerCase();
  let best: string | undefined;
  const limit = target.length <= 4 ? 1 : target.length <= 8 ? 2 : 3;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const distance = editDistance(target, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
