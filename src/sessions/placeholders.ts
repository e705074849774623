// Dynamic values in request files: the `{{$name args}}` placeholders, how they are found in a string, and
// what each gives. Pure apart from the clock, randomness and the environment, which the caller passes in.
import { randomInt, randomUUID } from 'node:crypto';
import { type Phrase, phrase } from './phrase';
import { spoken } from './problem';

/** What a resolution may read: one clock for the whole request, the process environment, the workspace's .env. */
export interface PlaceholderContext {
  readonly now: Date;
  readonly env: (name: string) => string | undefined;
  /** The workspace's `.env` entries, read only when a `{{$dotenv …}}` asks; undefined when there is no such file. */
  readonly dotenv: () => ReadonlyMap<string, string> | undefined;
  /** Where the `.env` is looked for, for messages (e.g. "/work/project/.env"). */
  readonly dotenvPath?: string;
}

/** A `{{…}}` found in a string: where it sits in the decoded string, and what it says. */
export interface PlaceholderMatch {
  readonly start: number;
  readonly end: number;
  /** The text between the braces, trimmed, e.g. `$isoTimestamp +30m`. */
  readonly inner: string;
  /** `isoTimestamp` for `{{$isoTimestamp +30m}}`; undefined when the text does not start with `$name`. */
  readonly name?: string;
  readonly args: readonly string[];
}

/**
 * A placeholder's value, or why it has none (a message that says how to fix it, in English, and as the phrase it is
 * said from, for the editor's language). A placeholder as written is always an argument of the phrase, never part of
 * its template: VS Code's l10n reads any `{…}` in a template as a hole.
 */
export type PlaceholderValue = { readonly ok: true; readonly value: string | number } | PlaceholderFailure;
type PlaceholderFailure = { readonly ok: false; readonly message: string; readonly says: Phrase };

function failure(says: Phrase): PlaceholderFailure {
  return { ok: false, ...spoken(says) };
}

export interface PlaceholderSpec {
  readonly name: string;
  /** How it is written, e.g. `{{$randomInt MIN MAX}}`. */
  readonly syntax: string;
  /** A snippet for completion (VS Code syntax), without the braces. */
  readonly snippet: string;
  /** One or two sentences of markdown for completion and hover. */
  readonly doc: string;
  /** Gives a number (and so may fill a numeric field; see placeholderFields.ts). */
  readonly numeric: boolean;
  readonly evaluate: (args: readonly string[], context: PlaceholderContext) => PlaceholderValue;
}

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;
/** A `{{` that opens a placeholder but is never closed (`{{$guid`, `{{$guid}`). */
const UNCLOSED = /\{\{\s*\$/;
const NAME = /^\$([A-Za-z][A-Za-z0-9]*)$/;
/** An offset: a sign, then one or more amounts with a unit, e.g. `+30m`, `-2h`, `+1d12h`, `+1M`. */
const OFFSET = /^[+-](\d+[yMwdhms])+$/;
const OFFSET_PART = /(\d+)([yMwdhms])/g;
const UNIT_MS: Record<string, number> = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 };
const DAY_MAX_28 = 'dayMax28';
/** The largest number $randomInt draws (crypto.randomInt's range is below 2^48). */
const RANDOM_INT_LIMIT = 2 ** 48 - 1;
/** A variable name, as shells and .env files write them. */
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
/**
 * Names that hold a secret: a request body is no place for one (`XENDIT_SECRET_KEY`, `MY_API_KEY`, `..._TOKEN`,
 * `AWS_ACCESS_KEY_ID`, `DB_CREDENTIALS`, `BASIC_AUTH`). `auth` counts only as a whole word: `AUTHOR_NAME` is not one.
 */
const SECRET_NAME = /secret|api_?key|access_?key|private_?key|password|passwd|passphrase|credential|token|(?:^|[_.-])auth(?:orization)?(?:[_.-]|$)|^xnd_/i;
const SECRET_VALUE = /xnd_(development|production)_/i;

export function findPlaceholders(text: string): PlaceholderMatch[] {
  if (!text.includes('{{')) return [];
  const found: PlaceholderMatch[] = [];
  for (const match of text.matchAll(PLACEHOLDER)) {
    const inner = (match[1] ?? '').trim();
    const [first = '', ...args] = inner.split(/\s+/).filter((part) => part !== '');
    const name = NAME.exec(first)?.[1];
    const start = match.index ?? 0;
    found.push({ start, end: start + match[0].length, inner, ...(name ? { name } : {}), args });
  }
  return found;
}

/** The offset of a `{{$` that no `}}` closes, if any. */
export function findUnclosed(text: string): number | undefined {
  const blanked = text.replace(PLACEHOLDER, (whole) => ' '.repeat(whole.length));
  const match = UNCLOSED.exec(blanked);
  return match ? match.index : undefined;
}

export const PLACEHOLDERS: readonly PlaceholderSpec[] = [
  {
    name: 'randomUUID',
    syntax: '{{$randomUUID}}',
    snippet: '\\$randomUUID',
    doc: 'A new random UUID (version 4), e.g. `3f2b8c1e-…`, as in Postman. 36 characters.',
    numeric: false,
    evaluate: (args) => noArgs('randomUUID', args) ?? { ok: true, value: randomUUID() },
  },
  {
    name: 'guid',
    syntax: '{{$guid}}',
    snippet: '\\$guid',
    doc: 'The same as `{{$randomUUID}}`: a new random UUID, as in Postman and REST Client.',
    numeric: false,
    evaluate: (args) => noArgs('guid', args) ?? { ok: true, value: randomUUID() },
  },
  {
    name: 'timestamp',
    syntax: '{{$timestamp [OFFSET]}}',
    snippet: '\\$timestamp',
    doc: 'The current Unix time in whole seconds, e.g. `1796216400`, as in Postman; with an offset such as `+1h`, that much later. Gives a number.',
    numeric: true,
    evaluate: (args, context) => {
      const time = shiftedTime('timestamp', args, context, false);
      return 'says' in time ? failure(time.says) : { ok: true, value: Math.floor(time.date.getTime() / 1000) };
    },
  },
  {
    name: 'isoTimestamp',
    syntax: '{{$isoTimestamp [OFFSET] [dayMax28]}}',
    snippet: '\\$isoTimestamp ${1:+30m}',
    doc:
      'The current time as an ISO 8601 date-time in UTC, e.g. `2026-12-02T15:30:00.000Z`, as in Postman. An offset moves it: ' +
      '`+30m`, `+2h`, `+1d`, `-1w`, `+1M`, `+1y`, or several at once (`+1d12h`); units `y` `M` (months) `w` `d` `h` `m` (minutes) `s`. ' +
      '`dayMax28` moves a 29th, 30th or 31st to the 1st of the next month, as `anchor_date` needs.',
    numeric: false,
    evaluate: (args, context) => {
      const time = shiftedTime('isoTimestamp', args, context, true);
      return 'says' in time ? failure(time.says) : { ok: true, value: time.date.toISOString() };
    },
  },
  {
    name: 'randomInt',
    syntax: '{{$randomInt [MIN MAX]}}',
    snippet: '\\$randomInt ${1:1000} ${2:50000}',
    doc: 'A random whole number from MIN to MAX, both included; from 0 to 1000 without them, as in Postman. Gives a number.',
    numeric: true,
    evaluate: (args) => randomIntOf(args),
  },
  {
    name: 'env',
    syntax: '{{$env NAME}}',
    snippet: '\\$env ${1:NAME}',
    doc: 'The environment variable NAME (of VS Code, or of the shell that runs `xendit-sessions`). A secret key is refused: it never goes into a request body.',
    numeric: false,
    evaluate: (args, context) =>
      variable('env', args, (name) => context.env(name), (name) =>
        phrase('The environment variable {0} is not set. Set it before starting VS Code or the command, or write the value itself.', name),
      ),
  },
  {
    name: 'dotenv',
    syntax: '{{$dotenv NAME}}',
    snippet: '\\$dotenv ${1:NAME}',
    doc: 'The entry NAME of the workspace\'s `.env` file (`NAME=value` lines). A secret key is refused: it never goes into a request body.',
    numeric: false,
    evaluate: (args, context) => {
      const where = context.dotenvPath ?? phrase('the workspace folder');
      return variable('dotenv', args, (name) => context.dotenv()?.get(name), (name) =>
        context.dotenv() === undefined
          ? phrase('There is no .env file at {0} to read {1} from. Create it with a line {2}.', where, name, `${name}=value`)
          : phrase('The .env file at {0} has no entry {1}. Add a line {2}.', where, name, `${name}=value`),
      );
    },
  },
];

const BY_NAME = new Map(PLACEHOLDERS.map((spec) => [spec.name, spec]));

export function placeholderSpec(name: string | undefined): PlaceholderSpec | undefined {
  return name === undefined ? undefined : BY_NAME.get(name);
}

/** The value of one placeholder now, or why it has none. */
export function evaluatePlaceholder(match: PlaceholderMatch, context: PlaceholderContext): PlaceholderValue {
  const spec = placeholderSpec(match.name);
  if (!spec) return failure(unknownMessage(match));
  return spec.evaluate(match.args, context);
}

function unknownMessage(match: PlaceholderMatch): Phrase {
  const known = PLACEHOLDERS.map((spec) => `$${spec.name}`).join(', ');
  if (match.name === undefined) {
    return phrase(
      '"{0}" is not a placeholder: they start with $, e.g. {1} ({2}). For a value of your own, use {3} or {4}.',
      `{{${match.inner}}}`,
      '{{$randomUUID}}',
      known,
      '{{$env NAME}}',
      '{{$dotenv NAME}}',
    );
  }
  const lower = match.name.toLowerCase();
  const near = PLACEHOLDERS.find((spec) => spec.name.toLowerCase() === lower);
  return near
    ? phrase('Unknown placeholder {0}: did you mean {1}? The placeholders are {2}.', `$${match.name}`, `$${near.name}`, known)
    : phrase('Unknown placeholder {0}. The placeholders are {1}.', `$${match.name}`, known);
}

function noArgs(name: string, args: readonly string[]): PlaceholderValue | undefined {
  return args.length === 0 ? undefined : failure(phrase('{0} takes nothing after its name; remove "{1}".', `{{$${name}}}`, args.join(' ')));
}

function shiftedTime(name: string, args: readonly string[], context: PlaceholderContext, allowDayMax: boolean): { date: Date } | { says: Phrase } {
  let date = new Date(context.now.getTime());
  let offsetSeen = false;
  let dayMax28 = false;
  for (const arg of args) {
    if (allowDayMax && arg === DAY_MAX_28 && !dayMax28) {
      dayMax28 = true;
    } else if (OFFSET.test(arg) && !offsetSeen && !dayMax28) {
      offsetSeen = true;
      date = shift(date, arg);
    } else {
      const placeholder = `{{$${name}}}`;
      return {
        says: allowDayMax
          ? phrase('{0} takes an optional offset such as +30m, +1d or -2h (units y M w d h m s), then optionally dayMax28; "{1}" is not one.', placeholder, arg)
          : phrase('{0} takes an optional offset such as +30m, +1d or -2h (units y M w d h m s); "{1}" is not one.', placeholder, arg),
      };
    }
  }
  if (dayMax28 && date.getUTCDate() > 28) date = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1, date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds()));
  if (Number.isNaN(date.getTime())) return { says: phrase('{0} goes past the dates JavaScript can represent; use a smaller offset.', `{{$${name} ${args.join(' ')}}}`) };
  return { date };
}

/**
 * `date` moved by an offset; months and years move the calendar (31 January + 1M is the last day of February), and
 * go first, as in ISO 8601 durations: 30 January + 1M1d is 1 March (28 February, then a day).
 */
function shift(date: Date, offset: string): Date {
  const sign = offset.startsWith('-') ? -1 : 1;
  let ms = 0;
  let months = 0;
  for (const [, amount = '0', unit = 's'] of offset.matchAll(OFFSET_PART)) {
    const count = sign * Number(amount);
    if (unit === 'y') months += 12 * count;
    else if (unit === 'M') months += count;
    else ms += count * (UNIT_MS[unit] ?? 0);
  }
  const shifted = new Date(date.getTime());
  if (months !== 0) {
    const day = shifted.getUTCDate();
    shifted.setUTCDate(1);
    shifted.setUTCMonth(shifted.getUTCMonth() + months);
    const lastDay = new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, 0)).getUTCDate();
    shifted.setUTCDate(Math.min(day, lastDay));
  }
  return new Date(shifted.getTime() + ms);
}

function randomIntOf(args: readonly string[]): PlaceholderValue {
  const usage = phrase('write {0} (0 to 1000) or {1} with two whole numbers, e.g. {2}', '{{$randomInt}}', '{{$randomInt MIN MAX}}', '{{$randomInt 1000 50000}}');
  if (args.length === 0) return { ok: true, value: randomInt(0, 1001) };
  if (args.length !== 2) return failure(phrase('{0} takes no bounds or two (MIN and MAX): {1}.', '{{$randomInt}}', usage));
  const [min, max] = args.map((arg) => (/^-?\d+$/.test(arg) ? Number(arg) : Number.NaN)) as [number, number];
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max)) return failure(phrase('{0}: the bounds must be whole numbers; {1}.', `{{$randomInt ${args.join(' ')}}}`, usage));
  if (min > max) return failure(phrase('{0}: MIN is larger than MAX; write {1}.', `{{$randomInt ${min} ${max}}}`, `{{$randomInt ${max} ${min}}}`));
  if (max - min >= RANDOM_INT_LIMIT) return failure(phrase('{0}: the range is too wide; keep MAX - MIN below 2^48.', `{{$randomInt ${min} ${max}}}`));
  // randomInt's upper end is exclusive and must be a safe integer: at the largest one, draw from one lower instead.
  return { ok: true, value: max < Number.MAX_SAFE_INTEGER ? randomInt(min, max + 1) : randomInt(min - 1, max) + 1 };
}

function variable(kind: 'env' | 'dotenv', args: readonly string[], read: (name: string) => string | undefined, missing: (name: string) => Phrase): PlaceholderValue {
  const [name] = args;
  if (name === undefined || args.length !== 1 || !VARIABLE_NAME.test(name)) {
    const usage = `{{$${kind} NAME}}`;
    const example = `{{$${kind} ORDER_PREFIX}}`;
    return failure(
      args.length > 1
        ? phrase('{0} takes one variable name, e.g. {1}; got "{2}".', usage, example, args.join(' '))
        : phrase('{0} takes one variable name, e.g. {1}.', usage, example),
    );
  }
  const written = `{{$${kind} ${name}}}`;
  if (SECRET_NAME.test(name)) {
    return failure(
      phrase(
        '{0} is refused: {1} names a secret, and a secret key never goes into a request body (the key is sent only in the Authorization header). Use another variable.',
        written,
        name,
      ),
    );
  }
  const value = read(name);
  if (value === undefined) return failure(missing(name));
  if (SECRET_VALUE.test(value)) {
    return failure(phrase('{0} is refused: its value looks like a Xendit secret key, and a key never goes into a request body. Point it at another variable.', written));
  }
  return { ok: true, value };
}
