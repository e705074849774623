// Reads the text of a request file: JSON syntax errors with line and column, and every validation problem
// with the range of text it is about, so an editor can underline it.
import { findNodeAtOffset, parseTree, type Node, type ParseError } from 'jsonc-parser';
import { JsonLocator, type TextRange } from './jsonLocator';
import type { PlaceholderContext } from './placeholders';
import { type Phrase, type PhraseArg, phrase, say, scrubArgs } from './phrase';
import { type Problem, spoken, titled } from './problem';
import { resolvePlaceholders, type PlaceholderProblem, type Substitution } from './resolveRequest';
import { secretKeyFindings } from './secretsInRequest';
import { findProblems, type Finding, type ValidateOptions } from './validate';

// jsonc-parser declares its error codes as a const enum, which isolated transpilation cannot read.
const ParseErrorCode = {
  InvalidSymbol: 1,
  InvalidNumberFormat: 2,
  PropertyNameExpected: 3,
  ValueExpected: 4,
  ColonExpected: 5,
  CommaExpected: 6,
  CloseBraceExpected: 7,
  CloseBracketExpected: 8,
  EndOfFileExpected: 9,
  InvalidCommentToken: 10,
  UnexpectedEndOfComment: 11,
  UnexpectedEndOfString: 12,
  UnexpectedEndOfNumber: 13,
  InvalidUnicode: 14,
  InvalidEscapeCharacter: 15,
  InvalidCharacter: 16,
} as const;

export interface JsonSyntaxError {
  /** What is wrong and how to fix it, e.g. "Expected a comma or closing brace: ...". */
  readonly message: string;
  /** The same as a phrase, for the editor's language: `say(says) === message`. */
  readonly says: Phrase;
  readonly offset: number;
  readonly length: number;
  /** 1-based; columns count UTF-16 code units, as VS Code does. */
  readonly line: number;
  readonly column: number;
}

export type LocatedProblem = Problem & { readonly offset: number; readonly length: number };

export interface RequestAnalysis {
  readonly syntaxErrors: JsonSyntaxError[];
  /** The parsed request with its placeholders resolved (what is sent); absent while the text has syntax errors. */
  readonly value?: unknown;
  /** The strings that held placeholders, as written. */
  readonly substitutions?: readonly Substitution[];
  readonly problems: LocatedProblem[];
}

export interface AnalyzeOptions extends ValidateOptions {
  /** What `{{$env}}` and `{{$dotenv}}` read (see dotenv.ts); without it they find nothing. The clock is `now`. */
  readonly placeholders?: Omit<PlaceholderContext, 'now'>;
}

const NO_VARIABLES: Omit<PlaceholderContext, 'now'> = { env: () => undefined, dotenv: () => undefined };

const EMPTY_FILE = phrase(
  'The file is empty: a session request is a JSON object, e.g. {0}. Start from an example with "New Session Request".',
  '{ "reference_id": "order-1", "session_type": "PAY", ... }',
);

/**
 * Decisions, each for the user's sake:
 * - Syntax errors stop validation: the parser's recovered value would add confusing "missing field"
 *   problems for text the user is half way through typing.
 * - Comments are warnings, not errors: the playground sends the parsed value as strict JSON, so a
 *   comment never reaches the API, yet the user should know the file is not plain JSON. With
 *   `skipSchemaCovered` they are left to VS Code's JSON mode, which reports them itself.
 * - A byte order mark is ignored (read as a space, so offsets still match the text given).
 * - A Xendit secret key anywhere in the resolved request is an error (secretsInRequest.ts): the API would keep it.
 * - Ranges: a value problem underlines the value; a problem about a key being there (unknown or not
 *   allowed) underlines the key; a missing key underlines the key of the object that lacks it, or the
 *   first brace for the top-level object, as VS Code's JSON language service does for missing properties.
 * Speed: strict JSON is read by JSON.parse, and jsonc-parser only runs when that fails (to explain the
 * syntax error, or to read past comments); positions come from a JsonLocator that only looks into the
 * parts of the text a problem points to.
 */
export function analyzeRequestText(text: string, options: AnalyzeOptions = {}): RequestAnalysis {
  const source = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  if (source.trim() === '') {
    return { syntaxErrors: [{ ...spoken(EMPTY_FILE), offset: 0, length: 0, line: 1, column: 1 }], problems: [] };
  }
  let json = source;
  let comments: LocatedProblem[] = [];
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (parseError) {
    const errors: ParseError[] = [];
    const root = parseTree(source, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const syntax = errors.filter((error) => error.error !== ParseErrorCode.InvalidCommentToken);
    const commentRanges = errors.filter((error) => error.error === ParseErrorCode.InvalidCommentToken);
    if (!options.skipSchemaCovered) comments = commentRanges.map(commentProblem);
    if (syntax.length > 0 || !root) {
      return { syntaxErrors: describeSyntaxErrors(source, syntax, root), problems: comments };
    }
    // Blanking the comments keeps every offset, so the locator below reads the same positions.
    json = blankOut(source, commentRanges);
    try {
      value = JSON.parse(json);
    } catch {
      const says = withKeysInWords(phrase('Invalid JSON: {0}', parseError instanceof Error ? parseError.message : String(parseError)));
      return { syntaxErrors: [{ ...spoken(says), offset: 0, length: 0, line: 1, column: 1 }], problems: comments };
    }
  }
  const now = options.now ?? new Date();
  const resolution = resolvePlaceholders(value, { ...(options.placeholders ?? NO_VARIABLES), now });
  const { findings } = findProblems(resolution.value, { ...options, now });
  const locator = new JsonLocator(json);
  const placeholderProblems = options.skipSchemaCovered ? resolution.problems.filter((problem) => !problem.schemaCovered) : resolution.problems;
  const located = [...comments, ...placeholderProblems.map((problem) => locatePlaceholderProblem(locator, json, problem))];
  located.push(...resolvedFindings(findings, resolution, options).map((finding) => ({ ...finding.problem, ...rangeOf(locator, finding) })));
  // A key is reported wherever it is, in a string whose placeholder failed too (it would be sent as written), and
  // its message never quotes the string's template (which holds the key).
  located.push(...secretKeyFindings(resolution.value).map((finding) => ({ ...finding.problem, ...rangeOf(locator, finding) })));
  const substitutions = resolution.substitutions.length > 0 ? { substitutions: resolution.substitutions } : {};
  // A message may quote what the file holds (a template, an object key): never a secret key there. Its English
  // says whether it does, so most problems (none quote a key) are passed on as they are.
  const problems = located.map((problem) =>
    mayHoldKey(problem.message) || (problem.fix !== undefined && mayHoldKey(problem.fix.title))
      ? {
          ...problem,
          ...spoken(withKeysInWords(problem.says)),
          ...(problem.fix?.titleSays ? { fix: { ...problem.fix, ...titled(withKeysInWords(problem.fix.titleSays)) } } : {}),
        }
      : problem,
  );
  return { syntaxErrors: [], value: resolution.value, ...substitutions, problems };
}

/**
 * The model's findings about the resolved request, as the file's reader needs them: a value whose placeholder
 * failed is reported once (by the placeholder's problem); a problem in a resolved value says what the file
 * holds, offers no fix (it would replace the placeholder with today's value), and is never left to the JSON
 * schema, which sees only the placeholder.
 */
function resolvedFindings(findings: readonly Finding[], resolution: ReturnType<typeof resolvePlaceholders>, options: AnalyzeOptions): Finding[] {
  const failed = new Set(resolution.problems.map((problem) => JSON.stringify(problem.path)));
  const templates = new Map(resolution.substitutions.map((substitution) => [JSON.stringify(substitution.path), substitution.template]));
  const shown: Finding[] = [];
  for (const finding of findings) {
    const key = JSON.stringify(finding.problem.path);
    if (failed.has(key)) continue;
    const template = templates.get(key);
    if (template === undefined) {
      if (!(options.skipSchemaCovered && finding.schemaCovered)) shown.push(finding);
      continue;
    }
    const { fix: _fix, ...problem } = finding.problem;
    shown.push({ ...finding, problem: { ...problem, ...spoken(phrase('{0} (This is the value of "{1}" now.)', problem.says, brief(template))) } });
  }
  return shown;
}

/** Longest template a message quotes whole; a longer one (a description of a thousand characters) is cut. */
const QUOTED_TEMPLATE_MAX = 80;

/** The template as a message quotes it: a key in it said in words before it is cut, so no part of one is left. */
function brief(template: string): string {
  const said = withoutSecretKeys(template);
  return said.length <= QUOTED_TEMPLATE_MAX ? said : `${said.slice(0, QUOTED_TEMPLATE_MAX - 1)}…`;
}

/** Any Xendit secret key in a message, whole or cut short (a value quoted up to a length), said in words. */
const KEY_IN_MESSAGE = /xnd_(development|production)_[A-Za-z0-9_\-+/=]*/g;

function withoutSecretKeys(message: string): string {
  return message.replace(KEY_IN_MESSAGE, (_key, kind: string) => `[a Xendit ${kind === 'production' ? 'live' : 'test'} secret key]`);
}

/** The words withoutSecretKeys puts in a key's place. */
const KEY_IN_WORDS = /\[a Xendit (live|test) secret key\]/;

/**
 * Whether an English text quotes a key, or the words one was already replaced with (which withKeysInWords turns
 * into a phrase to be translated): only then has withKeysInWords anything to change.
 */
function mayHoldKey(english: string): boolean {
  return english.search(KEY_IN_MESSAGE) >= 0 || KEY_IN_WORDS.test(english);
}

/**
 * A text a message quotes, with any Xendit secret key said in words (withoutSecretKeys); where it held one, a phrase,
 * so that the editor says those words in its language too. A text cut short after its keys were said keeps its words.
 */
function keysInWords(text: string): PhraseArg {
  const parts = withoutSecretKeys(text).split(KEY_IN_WORDS);
  // parts: text, kind, text, kind, ..., text; built from the end, each phrase holds the rest.
  let said: PhraseArg = parts[parts.length - 1] ?? '';
  for (let index = parts.length - 2; index > 0; index -= 2) {
    const before = parts[index - 1] ?? '';
    said = parts[index] === 'live' ? phrase('{0}[a Xendit live secret key]{1}', before, said) : phrase('{0}[a Xendit test secret key]{1}', before, said);
  }
  return said;
}

/**
 * The phrase with every key in the values it quotes said in words. A key comes in only through a value (templates are
 * written in the source); one split across two values would still be said whole: then the sentence is one value.
 */
function withKeysInWords(says: Phrase): Phrase {
  const [scrubbed = says] = scrubArgs([says], keysInWords);
  const english = say(scrubbed);
  return english.search(KEY_IN_MESSAGE) < 0 ? scrubbed : phrase('{0}', withoutSecretKeys(english));
}

/** The placeholder itself when it can be found in the string's JSON text (escapes aside), else the whole string. */
function locatePlaceholderProblem(locator: JsonLocator, json: string, problem: PlaceholderProblem): LocatedProblem {
  const { placeholder, occurrence, schemaCovered: _covered, ...rest } = problem;
  const location = locator.locate(problem.path);
  if (!location.found) return { ...rest, offset: 0, length: 0 };
  const written = JSON.stringify(placeholder).slice(1, -1);
  const value = json.slice(location.value.offset, location.value.offset + location.value.length);
  let index = value.indexOf(written);
  for (let skipped = 0; skipped < occurrence && index >= 0; skipped++) index = value.indexOf(written, index + 1);
  return index < 0 ? { ...rest, ...location.value } : { ...rest, offset: location.value.offset + index, length: written.length };
}

/** `text` with each range replaced by spaces (line breaks kept), so offsets stay where they were. */
function blankOut(text: string, ranges: readonly { offset: number; length: number }[]): string {
  let result = '';
  let copied = 0;
  for (const { offset, length } of ranges) {
    result += text.slice(copied, offset) + text.slice(offset, offset + length).replace(/[^\r\n]/g, ' ');
    copied = offset + length;
  }
  return result + text.slice(copied);
}

function commentProblem(error: ParseError): LocatedProblem {
  return {
    severity: 'warning',
    path: [],
    ...spoken(
      phrase(
        'Comments are not part of JSON, and the API takes strict JSON. The playground drops comments when it sends the request; remove them if the file is used elsewhere.',
      ),
    ),
    code: 'API_VALIDATION_ERROR',
    source: 'schema',
    offset: error.offset,
    length: error.length,
  };
}

function rangeOf(locator: JsonLocator, finding: Finding): TextRange {
  const location = locator.locate(finding.problem.path);
  if (location.found) return finding.anchor === 'key' && location.key ? location.key : location.value;
  if (location.containerKind !== 'object') return location.container;
  return location.containerKey ?? { offset: location.container.offset, length: 1 };
}

function describeSyntaxErrors(source: string, errors: readonly ParseError[], root: Node | undefined): JsonSyntaxError[] {
  const lines = lineStarts(source);
  const described: JsonSyntaxError[] = [];
  // One mistake often makes the parser complain twice at the same spot; the first complaint is the useful one.
  const seenOffsets = new Set<number>();
  // A value the parser cannot read ('PAY', NaN, True, 012) also leaves it expecting a value at the token right after
  // it: that complaint follows from the first and points at the wrong place. A mistake further on is its own.
  let echoFrom: number | undefined;
  for (const error of errors) {
    if (seenOffsets.has(error.offset)) continue;
    seenOffsets.add(error.offset);
    if (echoFrom !== undefined && FOLLOW_ON_ERRORS.has(error.error) && source.slice(echoFrom, error.offset).trim() === '') {
      echoFrom = error.offset + error.length;
      continue;
    }
    echoFrom = error.error === ParseErrorCode.InvalidSymbol || leadingZeroAt(source, error) ? error.offset + error.length : undefined;
    const { says, offset, length } = describeSyntaxError(source, error, root);
    // A key pasted without quotes is an unexpected symbol, which the message would quote.
    described.push({ ...spoken(withKeysInWords(says)), offset, length, ...lineColumnIn(lines, offset) });
  }
  return described;
}

/** What the parser says after a token it could not read, at the tokens that follow it. */
const FOLLOW_ON_ERRORS: ReadonlySet<number> = new Set<number>([
  ParseErrorCode.ValueExpected,
  ParseErrorCode.PropertyNameExpected,
  ParseErrorCode.ColonExpected,
  ParseErrorCode.CommaExpected,
]);

/** A "comma expected" that is really a number written with a leading zero (`012`: JSON reads 0, then 12). */
function leadingZeroAt(source: string, error: ParseError): boolean {
  return error.error === ParseErrorCode.CommaExpected && /\d/.test(source[error.offset] ?? '') && /(^|[^\d.eE+-])-?0$/.test(source.slice(Math.max(0, error.offset - 3), error.offset));
}

function describeSyntaxError(source: string, error: ParseError, root: Node | undefined): { says: Phrase; offset: number; length: number } {
  const at = { offset: error.offset, length: error.length };
  const trailingComma = trailingCommaBefore(source, error.offset);
  switch (error.error) {
    case ParseErrorCode.PropertyNameExpected:
    case ParseErrorCode.ValueExpected:
      if (trailingComma !== undefined) {
        return { says: phrase('Trailing comma: JSON allows no comma after the last entry. Remove it.'), offset: trailingComma, length: 1 };
      }
      return error.error === ParseErrorCode.PropertyNameExpected
        ? { says: phrase('Expected a property name in double quotes, e.g. "amount".'), ...at }
        : { says: phrase('Expected a value: a string in double quotes, a number, true, false, null, an object or an array.'), ...at };
    case ParseErrorCode.CommaExpected:
      if (leadingZeroAt(source, error)) {
        let start = error.offset;
        while (source[start - 1] === '0') start--;
        if (source[start - 1] === '-') start--;
        const end = error.offset + (/^\d+/.exec(source.slice(error.offset))?.[0].length ?? 0);
        const written = source.slice(start, end);
        const number = written.replace(/^(-?)0+(?=\d)/, '$1');
        return {
          says: phrase('A JSON number cannot start with 0: write {0}, or "{1}" in double quotes if the leading zero matters (an id, a code).', number, written),
          offset: start,
          length: end - start,
        };
      }
      return containerAt(root, error.offset) === 'array'
        ? { says: phrase('Expected a comma or closing bracket: separate array entries with commas.'), ...at }
        : { says: phrase('Expected a comma or closing brace: separate properties with commas.'), ...at };
    case ParseErrorCode.CloseBraceExpected:
      return { says: phrase('Expected a comma or closing brace: an object is not closed. Add the missing }.'), ...at };
    case ParseErrorCode.CloseBracketExpected:
      return { says: phrase('Expected a comma or closing bracket: an array is not closed. Add the missing ].'), ...at };
    case ParseErrorCode.ColonExpected:
      return { says: phrase('Expected a colon after the property name, e.g. "amount": 10000.'), ...at };
    case ParseErrorCode.InvalidSymbol:
    case ParseErrorCode.EndOfFileExpected: {
      if (root && error.offset >= root.offset + root.length) {
        return { says: phrase('Unexpected text after the end of the request: a request file holds exactly one JSON object. Remove it.'), ...at };
      }
      const symbol = source.slice(error.offset, error.offset + error.length);
      if (symbol.startsWith("'")) return { says: phrase('JSON strings and property names need double quotes, not single quotes.'), ...at };
      return { says: phrase('Unexpected {0}: expected a string in double quotes, a number, true, false, null, an object or an array.', JSON.stringify(symbol)), ...at };
    }
    case ParseErrorCode.InvalidNumberFormat:
      return { says: phrase('Invalid number: write it as digits with an optional decimal point, e.g. 150000 or 0.5.'), ...at };
    case ParseErrorCode.UnexpectedEndOfComment:
      return { says: phrase('A block comment is not closed. Add */ (better still, remove the comment: the API takes strict JSON).'), ...at };
    case ParseErrorCode.UnexpectedEndOfString:
      return { says: phrase('A string is not closed. Add the closing double quote.'), ...at };
    case ParseErrorCode.UnexpectedEndOfNumber:
      return { says: phrase('A number is not complete: put digits after the decimal point or exponent.'), ...at };
    case ParseErrorCode.InvalidUnicode:
      return { says: phrase('Invalid \\u escape in a string: it takes four hexadecimal digits, e.g. \\u00e9.'), ...at };
    case ParseErrorCode.InvalidEscapeCharacter:
      return { says: phrase('Invalid escape in a string: only \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX are allowed. Write \\\\ for a backslash.'), ...at };
    case ParseErrorCode.InvalidCharacter:
      return { says: phrase('A string contains a control character (such as a tab or line break). Escape it, e.g. \\t or \\n.'), ...at };
    default:
      return { says: phrase('Invalid JSON here.'), ...at };
  }
}

/** The offset of a comma that directly precedes the closing brace or bracket at `offset`, if any. */
function trailingCommaBefore(source: string, offset: number): number | undefined {
  const closing = source[offset];
  if (closing !== '}' && closing !== ']') return undefined;
  let index = offset - 1;
  while (index >= 0 && /\s/.test(source[index] ?? '')) index--;
  return source[index] === ',' ? index : undefined;
}

function containerAt(root: Node | undefined, offset: number): 'object' | 'array' | undefined {
  let node = root ? findNodeAtOffset(root, offset, true) : undefined;
  while (node && node.type !== 'object' && node.type !== 'array') node = node.parent;
  return node?.type === 'object' || node?.type === 'array' ? node.type : undefined;
}

/** Offsets where each line starts; "\r\n", "\n" and a lone "\r" all end a line. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 10 || (code === 13 && text.charCodeAt(index + 1) !== 10)) starts.push(index + 1);
  }
  return starts;
}

function lineColumnIn(starts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
}

/** 1-based line and column of `offset` in `text`. */
export function offsetToLineColumn(text: string, offset: number): { line: number; column: number } {
  return lineColumnIn(lineStarts(text), offset);
}
