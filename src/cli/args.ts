// Reads the command line (with node:util.parseArgs) into one typed command, and holds the usage text. A mistake is a UsageError
// (exit 4) raised before any file is read or any request is sent.
import { parseArgs as nodeParseArgs, type ParseArgsConfig } from 'node:util';
import { checkForwardUrl } from '../sessions/forwardUrl';
import { TARGET_KINDS, type TargetKind } from './target';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export type Format = 'text' | 'json';

interface Sending {
  readonly format: Format;
  readonly target: TargetKind;
  readonly baseUrl?: string;
  readonly yes: boolean;
  readonly forUserId?: string;
  readonly timeoutSeconds?: number;
  readonly verbose: boolean;
}

export type Command =
  | { readonly name: 'help' }
  | { readonly name: 'version' }
  | { readonly name: 'validate'; readonly files: readonly string[]; readonly format: Format; readonly resolve: boolean }
  | (Sending & {
      readonly name: 'create';
      readonly files: readonly string[];
      readonly withSplitRule?: string;
      readonly force: boolean;
      readonly junit?: string;
    })
  | (Sending & { readonly name: 'get' | 'cancel'; readonly id: string })
  | {
      readonly name: 'sandbox';
      readonly port: number;
      readonly webhookUrl?: string;
      readonly callbackToken?: string;
      readonly quiet: boolean;
      readonly rejectActiveReferenceReuse: boolean;
    }
  | { readonly name: 'listen'; readonly port: number; readonly forwardTo: string; readonly callbackToken?: string; readonly verbose: boolean }
  | { readonly name: 'trigger'; readonly event: 'completed' | 'expired'; readonly file?: string; readonly baseUrl?: string; readonly format: Format };

export const USAGE = `xendit-sessions: validate and send Xendit Payment Sessions request files (*.session.json)
from a terminal or CI, with the same model, rules and client as the VS Code extension.

Usage:
  xendit-sessions validate <files…> [--resolve] [--format text|json]
  xendit-sessions create <files…> [--target sandbox|test|live] [--base-url URL] [--yes]
                  [--for-user-id ID] [--with-split-rule ID] [--timeout SECONDS]
                  [--force] [--junit FILE] [--format text|json] [--verbose]
  xendit-sessions get <payment_session_id> [--target …] [--base-url URL] [--yes]
                  [--for-user-id ID] [--timeout SECONDS] [--format text|json] [--verbose]
  xendit-sessions cancel <payment_session_id> [the options of get]
  xendit-sessions sandbox [--port N] [--webhook-url URL [--callback-token TOKEN]]
                  [--reject-active-reference-reuse] [--quiet]
  xendit-sessions listen --forward-to URL [--callback-token TOKEN] [--port N] [--verbose]
  xendit-sessions trigger completed|expired [FILE] --base-url URL [--format text|json]

Commands:
  validate  Check request files with the editor's model and rules. Prints
            file:line:col: severity: message for each problem. With --resolve, also
            prints each request as it would be sent now, its placeholders resolved.
  create    Validate each file, then POST /sessions with it, one file after another.
            A file with errors is not sent unless --force. The "$schema" key is never sent.
  get       GET /sessions/{id}.
  cancel    POST /sessions/{id}/cancel (only ACTIVE sessions can be cancelled).
  sandbox   Run the offline sandbox on 127.0.0.1 until Ctrl+C or SIGTERM; prints
            "Xendit sandbox on http://127.0.0.1:PORT" first. With --webhook-url, its webhooks
            go there with x-callback-token, chosen as listen's is.
  listen    Run a sandbox that forwards its payment_session webhooks to your handler at
            --forward-to (https, or http on localhost) with x-callback-token, retrying a failed
            delivery after 15 s, 45 s, 2, 3, 6 and 12 min (Xendit's intervals, minutes read as
            seconds). Prints its URL first, then each event and each delivery. The token is
            --callback-token, else XENDIT_CALLBACK_TOKEN, else one made for this run and shown
            once. Ctrl+C stops it (exit 0).
  trigger   Make an event happen on the running sandbox at --base-url: create a session from
            FILE (default: a small PAY request) and pay it (completed) or expire it now (expired).
            Exit 0 when the event happened; 1 when FILE has errors; 2 when the sandbox refused;
            3 when nothing answers at --base-url. (Cancelling sends no webhook: Xendit has no
            event for it.)

Targets (--target, default sandbox):
  sandbox   The offline sandbox: the one at --base-url (started with "xendit-sessions sandbox"),
            or without --base-url one started for this command only. Uses XENDIT_SECRET_KEY
            when it holds a test key, else a throwaway test key.
  test      Xendit with the test key in XENDIT_SECRET_KEY (xnd_development_…).
  live      Xendit with the live key in XENDIT_SECRET_KEY (xnd_production_…). Needs --yes.
  --base-url defaults to https://api.xendit.co for test and live. It must be https; plain http
  is accepted only for 127.0.0.1 and localhost.

Options:
  --format text|json   text (default): a line per file or request. json: one JSON document on
                       stdout (an array for validate and create) with the client's full result.
  --for-user-id ID     xenPlatform sub-account (for-user-id header).
  --with-split-rule ID xenPlatform split rule (with-split-rule header, create only).
  --timeout SECONDS    How long to wait for an answer (1 to 600, default 30). A create that
                       times out is never retried.
  --resolve            validate: print each request body with its placeholders ({{$randomUUID}},
                       {{$isoTimestamp +1d}}, …) resolved, as create would send it now.
  --force              Send files that have errors, to see the API's own answer
                       (never one that holds a secret key).
  --reject-active-reference-reuse
                       sandbox: answer 409 DUPLICATE_ERROR to a reference_id that an ACTIVE
                       session of the same key has (the API docs leave this open; off by default).
  --junit FILE         Also write a JUnit XML report of the batch (a test case per file).
  --verbose, -v        Log each request and response (redacted) and the target on stderr.
  --help, -h           This text.   --version   The version.

Exit codes (a batch exits with its worst outcome, network error first):
  0  everything valid, created, found or cancelled (warnings do not count)
  1  a request file has errors (invalid JSON, or the model or rules reject it); it was not sent
  2  the API answered with an error, or with something that is not a Sessions API answer
  3  network error: no answer (refused, timed out, DNS, TLS, connection reset)
  4  usage error: unknown command or option, unreadable file, no or the wrong kind of key
     for --target, --target live without --yes, a base URL that is not https
  5  internal error in xendit-sessions (please report it)

The key is read from XENDIT_SECRET_KEY only, and is never printed.`;

interface OptionSpec {
  readonly value: boolean;
  readonly commands: readonly string[];
  readonly short?: string;
}

const SENDING = ['create', 'get', 'cancel'];

const OPTIONS: Record<string, OptionSpec> = {
  '--format': { value: true, commands: ['validate', 'trigger', ...SENDING] },
  '--target': { value: true, commands: SENDING },
  '--base-url': { value: true, commands: [...SENDING, 'trigger'] },
  '--yes': { value: false, commands: SENDING },
  '--for-user-id': { value: true, commands: SENDING },
  '--timeout': { value: true, commands: SENDING },
  '--verbose': { value: false, commands: [...SENDING, 'listen'], short: 'v' },
  '--with-split-rule': { value: true, commands: ['create'] },
  '--force': { value: false, commands: ['create'] },
  '--resolve': { value: false, commands: ['validate'] },
  '--junit': { value: true, commands: ['create'] },
  '--port': { value: true, commands: ['sandbox', 'listen'] },
  '--webhook-url': { value: true, commands: ['sandbox'] },
  '--callback-token': { value: true, commands: ['sandbox', 'listen'] },
  '--quiet': { value: false, commands: ['sandbox'] },
  '--forward-to': { value: true, commands: ['listen'] },
  '--reject-active-reference-reuse': { value: false, commands: ['sandbox'] },
};

const COMMANDS = ['validate', 'create', 'get', 'cancel', 'sandbox', 'listen', 'trigger'];

/** OPTIONS in node:util.parseArgs's terms, with --help (-h) and --version, which any command line may carry. */
const PARSE_OPTIONS: ParseArgsConfig['options'] = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  ...Object.fromEntries(Object.entries(OPTIONS).map(([flag, spec]) => [flag.slice(2), { type: spec.value ? 'string' : 'boolean', ...(spec.short ? { short: spec.short } : {}) }])),
};

type Token = NonNullable<ReturnType<typeof nodeParseArgs>['tokens']>[number];

/**
 * The command line split by node:util.parseArgs. It runs lenient (strict: false) so that each mistake gets this
 * CLI's own words and exit code 4 rather than parseArgs's TypeError; what strict mode would refuse is refused
 * below. After `--` every argument is a file or an id, even one that looks like an option (`validate -- -h`).
 */
function tokensOf(argv: readonly string[]): Token[] {
  return nodeParseArgs({ args: [...argv], options: PARSE_OPTIONS, strict: false, allowPositionals: true, tokens: true }).tokens ?? [];
}

export function parseArgs(argv: readonly string[]): Command {
  if (argv.length === 0) throw new UsageError('No command given.');
  const tokens = tokensOf(argv);
  if (argv[0] === 'help' || tokens.some((t) => t.kind === 'option' && t.name === 'help')) return { name: 'help' };
  const first = tokens[0];
  if (first?.kind === 'option' && first.name === 'version' && first.index === 0) return { name: 'version' };
  const name = argv[0] ?? '';
  if (!COMMANDS.includes(name)) {
    throw new UsageError(name.startsWith('-') ? `A command comes first, before ${name}.` : `Unknown command "${name}"; the commands are ${COMMANDS.join(', ')}.`);
  }
  const options = new Map<string, string>();
  const positional: string[] = [];
  for (const token of tokens.slice(1)) {
    if (token.kind === 'positional') positional.push(token.value);
    if (token.kind !== 'option') continue;
    const flag = `--${token.name}`;
    const spec = OPTIONS[flag];
    if (!spec) throw new UsageError(`Unknown option ${token.rawName}.`);
    if (!spec.commands.includes(name)) throw new UsageError(`${flag} does not apply to ${name}.`);
    if (!spec.value) {
      if (token.value !== undefined) throw new UsageError(`${flag} takes no value.`);
      options.set(flag, '');
      continue;
    }
    // parseArgs takes the next argument as the value whatever it is; another option there means a forgotten value.
    if (token.value === undefined || (!token.inlineValue && token.value.startsWith('--'))) throw new UsageError(`${flag} needs a value.`);
    options.set(flag, token.value);
  }
  const text = (flag: string) => {
    const value = options.get(flag)?.trim();
    return value === undefined || value === '' ? undefined : value;
  };

  if (name === 'sandbox') {
    if (positional.length > 0) throw new UsageError(`sandbox takes no arguments; got "${positional[0]}".`);
    const webhookUrl = text('--webhook-url');
    // The callback token goes with every delivery: the same rule as listen's --forward-to and the editor's forward URL.
    const urlProblem = webhookUrl === undefined ? undefined : checkForwardUrl(webhookUrl);
    if (urlProblem) throw new UsageError(`--webhook-url: ${urlProblem}`);
    if (options.has('--callback-token') && webhookUrl === undefined) throw new UsageError('--callback-token is sent with webhooks, so it needs --webhook-url.');
    return { name, port: portOf(options.get('--port')), webhookUrl, callbackToken: text('--callback-token'), quiet: options.has('--quiet'), rejectActiveReferenceReuse: options.has('--reject-active-reference-reuse') };
  }

  if (name === 'listen') {
    if (positional.length > 0) throw new UsageError(`listen takes no arguments; got "${positional[0]}".`);
    const forwardTo = text('--forward-to');
    if (forwardTo === undefined) throw new UsageError('listen needs --forward-to URL: where your webhook handler listens, e.g. http://localhost:3000/webhooks/xendit.');
    const problem = checkForwardUrl(forwardTo);
    if (problem) throw new UsageError(`--forward-to: ${problem}`);
    return { name, port: portOf(options.get('--port')), forwardTo, callbackToken: text('--callback-token'), verbose: options.has('--verbose') };
  }

  const format = options.get('--format') ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format is text or json, not "${format}".`);
  if (name === 'trigger') {
    const [event, file, extra] = positional;
    if (event !== 'completed' && event !== 'expired') {
      throw new UsageError(`trigger takes the event first: completed or expired${event ? `, not "${event}"` : ''}. (A cancel sends no webhook, so there is nothing to trigger.)`);
    }
    if (extra !== undefined) throw new UsageError(`trigger takes at most one request file; got "${extra}" too.`);
    return { name, event, file, baseUrl: text('--base-url'), format };
  }
  if (name === 'validate') {
    if (positional.length === 0) throw new UsageError('validate needs at least one request file.');
    return { name, files: positional, format, resolve: options.has('--resolve') };
  }

  const target = options.get('--target') ?? 'sandbox';
  if (!(TARGET_KINDS as readonly string[]).includes(target)) throw new UsageError(`--target is sandbox, test or live, not "${target}".`);
  const sending: Sending = {
    format,
    target: target as TargetKind,
    baseUrl: text('--base-url'),
    yes: options.has('--yes'),
    forUserId: text('--for-user-id'),
    timeoutSeconds: timeoutOf(options.get('--timeout')),
    verbose: options.has('--verbose'),
  };
  if (name === 'create') {
    if (positional.length === 0) throw new UsageError('create needs at least one request file.');
    return { ...sending, name, files: positional, withSplitRule: text('--with-split-rule'), force: options.has('--force'), junit: text('--junit') };
  }
  const id = positional.length === 1 ? (positional[0] ?? '').trim() : '';
  if (id === '') throw new UsageError(`${name} takes one payment_session_id (ps-…).`);
  return { ...sending, name: name === 'get' ? 'get' : 'cancel', id };
}

function portOf(raw: string | undefined): number {
  if (raw === undefined) return 0;
  const port = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port takes a number from 0 to 65535 (0 picks a free port).');
  return port;
}

function timeoutOf(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const seconds = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(seconds) || seconds < 1 || seconds > 600) throw new UsageError('--timeout takes a number of seconds from 1 to 600.');
  return seconds;
}
