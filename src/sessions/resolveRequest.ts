// Resolves the placeholders of a parsed request: every string value is read, each `{{$…}}` replaced by its
// value now, and a string that is one numeric placeholder in a numeric field becomes a number. The file is
// never touched: callers send (or check) the resolved copy, and report problems at the strings' paths.
import { JSON_NUMBER, pathPhrase } from './jsonPath';
import { type Phrase, phrase } from './phrase';
import { type JsonPath, type Problem, spoken } from './problem';
import { describePlaceholderFields, placeholderFieldAt } from './placeholderFields';
import { evaluatePlaceholder, findPlaceholders, findUnclosed, type PlaceholderContext, type PlaceholderMatch } from './placeholders';

/** A string in the file that held placeholders, and what it was written as. */
export interface Substitution {
  readonly path: JsonPath;
  readonly template: string;
}

/** A problem with a placeholder, and the placeholder's text in the (decoded) string, to underline just it. */
export type PlaceholderProblem = Problem & {
  readonly placeholder: string;
  /** How many times the same text comes earlier in the string: `{{$guid}} and {{$guid` is about the second `{{$guid`. */
  readonly occurrence: number;
  /** The generated JSON schema says the same (VS Code's JSON mode underlines it): left out with skipSchemaCovered. */
  readonly schemaCovered?: true;
};

export interface ResolvedRequest {
  /** The request with every placeholder replaced; the input itself when it has none. Failed ones stay as written. */
  readonly value: unknown;
  readonly substitutions: readonly Substitution[];
  readonly problems: readonly PlaceholderProblem[];
}

export const PLACEHOLDER_PROBLEM_CODE = 'INVALID_PLACEHOLDER';
export const PLACEHOLDER_PROBLEM_SOURCE = 'rule:placeholders';

export function resolvePlaceholders(value: unknown, context: PlaceholderContext): ResolvedRequest {
  const substitutions: Substitution[] = [];
  const problems: PlaceholderProblem[] = [];
  const resolved = walk(value, [], context, substitutions, problems);
  return { value: resolved, substitutions, problems };
}

/**
 * Copies only the containers on the way to a string that changed, and the path only for a string with `{{`, so
 * a request without placeholders costs one read. `path` is the walk's own stack, pushed and popped in place.
 */
function walk(node: unknown, path: (string | number)[], context: PlaceholderContext, substitutions: Substitution[], problems: PlaceholderProblem[]): unknown {
  if (typeof node === 'string') return node.includes('{{') ? resolveString(node, [...path], context, substitutions, problems) : node;
  if (typeof node !== 'object' || node === null) return node;
  if (Array.isArray(node)) {
    let copy: unknown[] | undefined;
    for (let index = 0; index < node.length; index++) {
      const entry: unknown = node[index];
      path.push(index);
      const next = walk(entry, path, context, substitutions, problems);
      path.pop();
      if (next !== entry) (copy ??= [...node])[index] = next;
    }
    return copy ?? node;
  }
  let copy: Record<string, unknown> | undefined;
  for (const key in node) {
    if (!Object.hasOwn(node, key)) continue;
    const entry = (node as Record<string, unknown>)[key];
    path.push(key);
    const next = walk(entry, path, context, substitutions, problems);
    path.pop();
    if (next !== entry) (copy ??= { ...(node as Record<string, unknown>) })[key] = next;
  }
  return copy ?? node;
}

function resolveString(text: string, path: JsonPath, context: PlaceholderContext, substitutions: Substitution[], problems: PlaceholderProblem[]): string | number {
  const matches = findPlaceholders(text);
  const unclosed = findUnclosed(text);
  const failAt = (start: number, end: number, says: Phrase, covered?: true): string => {
    const placeholder = text.slice(start, end);
    const occurrence = countBefore(text, placeholder, start);
    problems.push({ severity: 'error', path, ...spoken(says), code: PLACEHOLDER_PROBLEM_CODE, source: PLACEHOLDER_PROBLEM_SOURCE, placeholder, occurrence, ...(covered ? { schemaCovered: covered } : {}) });
    return text;
  };
  const fail = (says: Phrase, covered?: true): string => failAt(0, text.length, says, covered);
  /** The placeholder's value, or undefined once its problem is reported. */
  const evaluateOrFail = (match: PlaceholderMatch): string | number | undefined => {
    const result = evaluatePlaceholder(match, context);
    if (result.ok) return result.value;
    failAt(match.start, match.end, result.says);
    return undefined;
  };
  const field = placeholderFieldAt(path);
  if (unclosed !== undefined) {
    // The closed ones before it are checked too, so fixing the unclosed one reveals nothing new.
    if (field) for (const match of matches) evaluateOrFail(match);
    return failAt(unclosed, text.length, phrase('A placeholder is not closed: add {0} after its name, e.g. {1}.', '}}', '{{$randomUUID}}'));
  }
  if (matches.length === 0) return text;
  const first = matches[0];
  if (!first) return text;
  if (!field) {
    const where = path.length === 0 ? phrase('the request') : pathPhrase(path);
    return failAt(
      first.start,
      first.end,
      phrase('A placeholder is not accepted in {0}: a fixed value belongs there. Placeholders are accepted in {1}.', where, describePlaceholderFields()),
    );
  }
  // Every placeholder that gives nothing is reported, each underlined on its own, not only the first.
  const values = matches.map(evaluateOrFail);
  if (values.includes(undefined)) return text;
  if (field.kind === 'number') {
    const number = numberOf(text, matches.length === 1 && first.start === 0 && first.end === text.length ? values[0] : undefined, fail, first);
    if (typeof number === 'number') substitutions.push({ path, template: text });
    return number;
  }
  substitutions.push({ path, template: text });
  let resolved = '';
  let copied = 0;
  matches.forEach((match, index) => {
    resolved += text.slice(copied, match.start) + String(values[index]);
    copied = match.end;
  });
  return resolved + text.slice(copied);
}

/** How many times `part` occurs in `text` before `index`. */
function countBefore(text: string, part: string, index: number): number {
  let count = 0;
  for (let at = text.indexOf(part); at >= 0 && at < index; at = text.indexOf(part, at + 1)) count++;
  return count;
}

function numberOf(text: string, value: string | number | undefined, fail: (says: Phrase, covered?: true) => string, placeholder: PlaceholderMatch): string | number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && JSON_NUMBER.test(value.trim())) {
    const number = Number(value.trim());
    // 1e400 reads as Infinity, which JSON writes as null: say so rather than send null.
    if (Number.isFinite(number)) return number;
    return fail(phrase('This field takes a number, but {0} is too large to send as one (JSON has no number beyond about 1.8e308).', JSON.stringify(value)));
  }
  const example = '"{{$randomInt 1000 50000}}"';
  // The JSON schema's pattern for a numeric field says the same ("must be the whole string").
  if (value === undefined) {
    return fail(
      phrase(
        'This field takes a number, so a placeholder here must be the whole string: write the whole value as one placeholder that gives a number, e.g. {0}, and it is sent as a number.',
        example,
      ),
      true,
    );
  }
  // The whole string is one placeholder whose value is no number: name it as written, and what to change.
  const variable = (placeholder.name === 'env' || placeholder.name === 'dotenv') && placeholder.args[0];
  const change = variable ? phrase('set {0} to a number such as 50000', variable) : phrase('use one that gives a number, e.g. {0}', example);
  return fail(phrase('This field takes a number, but {0} gives {1}, which is not one: {2}.', text, JSON.stringify(value), change));
}
