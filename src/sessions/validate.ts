// The one check every path uses (sandbox, editor, pre-send, CLI): the zod model, then the cross-field
// rules, reported as Problems whose messages say what is wrong, where, and how to fix it.
import * as z from 'zod/mini';
import { isMissing, isPlainObject, pathPhrase, valueAt } from './jsonPath';
import { phrase } from './phrase';
import { type JsonPath, type Problem, spoken } from './problem';
import { closest } from './closest';
import { describeIssue, schemaAt, unwrap, type Issue } from './issueMessages';
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

export { closest } from './closest';

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
    const { says, fix } = describeIssue(issue, path, root);
    const problem: Problem = { severity: 'error', path, ...spoken(says), code: codeForIssue(issue, path, root), source: 'schema', ...(fix ? { fix } : {}) };
    findings.push({ problem, anchor: issue.code === 'invalid_key' ? 'key' : 'value', schemaCovered: true });
  }
  return findings;
}

// Unknown keys are warnings, not errors: a typo such as "ammount" is worth flagging, but the reference lags
// behind the API, and a field it does not list yet must not stop a request the API would take. The JSON schema
// leaves objects open for the same reason, so the editor hears of unknown keys from here alone.
function unknownKeyFinding(path: JsonPath, root: unknown): Finding {
  const key = String(path[path.length - 1]);
  const parentPath = path.slice(0, -1);
  const where = parentPath.length === 0 ? phrase('the request') : pathPhrase(parentPath);
  const suggestion = closest(key, knownKeys(parentPath, root));
  const hint = suggestion ? phrase('Did you mean "{0}"?', suggestion) : phrase('The API may ignore or refuse it: check it is meant for the API.');
  return {
    problem: {
      severity: 'warning',
      path,
      ...spoken(phrase('"{0}" in {1} is not in the API reference. {2}', key, where, hint)),
      code: 'API_VALIDATION_ERROR',
      source: 'schema',
    },
    anchor: 'key',
    schemaCovered: false,
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

/** The API's error code for a model problem: an unsupported session type or mode, else the field's. */
function codeForIssue(issue: Issue, path: JsonPath, root: unknown): string {
  if (issue.code === 'invalid_value' && path.length === 1 && !isMissing(root, path)) {
    if (path[0] === 'session_type') return 'SESSION_TYPE_NOT_SUPPORTED';
    if (path[0] === 'mode') return 'MODE_NOT_SUPPORTED';
  }
  return codeForPath(path);
}

/** The API's error code for a field problem: the nearest named field decides, metadata anywhere wins. */
function codeForPath(path: JsonPath): string {
  if (path.includes('metadata')) return path[0] === 'items' ? 'INVALID_ITEM_METADATA' : 'INVALID_METADATA';
  // The error docs name invalid components_configuration.origins an API_VALIDATION_ERROR, not an INVALID_URL.
  if (path[0] === 'components_configuration' && path[1] === 'origins') return 'API_VALIDATION_ERROR';
  for (let index = path.length - 1; index >= 0; index--) {
    const segment = path[index];
    if (typeof segment === 'string') return CODE_BY_FIELD[segment] ?? 'API_VALIDATION_ERROR';
  }
  return 'API_VALIDATION_ERROR';
}

function knownKeys(objectPath: JsonPath, root: unknown): string[] {
  const schema = unwrap(schemaAt(objectPath));
  if (schema?._zod.def.type !== 'object') return [];
  const object = valueAt(root, objectPath);
  // A key already present is no suggestion for a typo of it.
  return Object.keys((schema._zod.def as z.core.$ZodObjectDef).shape).filter((key) => !(isPlainObject(object) && Object.hasOwn(object, key)));
}
