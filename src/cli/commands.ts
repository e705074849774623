// The CLI's commands. Each checks its usage first, loads the model and the client only if it uses them
// (bundles.ts), and returns its exit code; nothing here prints except through Output.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SandboxHandle, SandboxOptions } from '../sandbox/sandboxServer';
import type { SessionsClient, SessionsResult } from '../sessions/client';
import { localPlaceholderContext } from '../sessions/dotenv';
import { formatPath } from '../sessions/jsonPath';
import { withoutSchemaKey } from '../sessions/requestBody';
import type { Substitution } from '../sessions/resolveRequest';
import { SECRET_KEY_IN_REQUEST } from '../sessions/secretsInRequest';
import { chooseProxy } from '../sessions/proxy';
import { UsageError, type Command } from './args';
import { loadClient, loadModel, type Model } from './bundles';
import {
  countProblems,
  createSummary,
  ExitCode,
  exitCodeOf,
  notSentLine,
  problemLine,
  resultJson,
  resultLines,
  validateSummary,
  worstExitCode,
  type FileProblem,
} from './format';
import { junitReport, type JunitCase } from './junit';
import type { Output } from './output';
import { KEY_VARIABLE, resolveTarget, type ResolvedTarget } from './target';
import { chooseCallbackToken, madeTokenLine } from '../sessions/forwardUrl';

export type CommandOf<N extends Command['name']> = Extract<Command, { name: N }>;
type SendingCommand = CommandOf<'create' | 'get' | 'cancel'>;

interface CheckedFile {
  readonly file: string;
  readonly problems: FileProblem[];
  readonly errors: number;
  readonly warnings: number;
  readonly syntaxError: boolean;
  /** It holds a secret key, which is never sent, not even with --force: the API would keep it. */
  readonly secretKey: boolean;
  /** The parsed request with its placeholders resolved, when the text is JSON. */
  readonly value?: unknown;
  /** The strings that held placeholders, as the file writes them. */
  readonly substitutions?: readonly Substitution[];
}

/** Reads every file before anything is checked or sent, so a typo in a path stops the run before it starts. */
export function readRequestFiles(files: readonly string[]): { file: string; text: string }[] {
  return files.map((file) => {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const why =
        code === 'ENOENT'
          ? 'there is no such file'
          : code === 'EISDIR'
            ? 'it is a folder; pass the request files in it, e.g. folder/*.session.json'
            : code === 'EACCES'
              ? 'permission denied'
              : (err as Error).message;
      throw new UsageError(`Cannot read ${file}: ${why}.`);
    }
    return { file, text: decodeRequestFile(file, bytes) };
  });
}

// A byte order mark stays in the text, as it did when files were read as 'utf8': the model reads it as a space.
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const UTF16LE = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true });
const SAVE_AS_UTF8 =
  'the API takes UTF-8 JSON. Save it as UTF-8 and run again (in VS Code: "Change File Encoding" → "Reopen with Encoding" with the one it was written in, then "Save with Encoding" → UTF-8). No file was checked or sent.';

/**
 * A request file's text: UTF-8, or UTF-16 when it starts with that byte order mark (what Windows PowerShell's `>`
 * writes). Other bytes stop the run: read as UTF-8 anyway, `café` in Latin-1 would be checked, and sent, with U+FFFD for its é.
 * So does a NUL byte, which JSON text never holds (a string writes it `\u0000`): UTF-16 or UTF-32 without a byte
 * order mark is full of them, and read as UTF-8 it gave an error for each.
 */
function decodeRequestFile(file: string, bytes: Buffer): string {
  // UTF-32's byte order marks, big- and little-endian (the latter begins like UTF-16's).
  const utf32 = (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0);
  if (utf32) throw new UsageError(`Cannot read ${file}: it is UTF-32, and ${SAVE_AS_UTF8}`);
  const text = decodeBytes(file, bytes);
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    const line = text.slice(0, nul).split('\n').length;
    throw new UsageError(`Cannot read ${file}: line ${line} holds a NUL byte, which JSON text never does: it is likely UTF-16 or UTF-32 without a byte order mark, and ${SAVE_AS_UTF8}`);
  }
  return text;
}

function decodeBytes(file: string, bytes: Buffer): string {
  const bigEndian = bytes[0] === 0xfe && bytes[1] === 0xff;
  if (bigEndian || (bytes[0] === 0xff && bytes[1] === 0xfe)) {
    try {
      // swap16 throws on an odd length, as the decoder does on a lone surrogate: either is not UTF-16.
      return UTF16LE.decode(bigEndian ? Buffer.from(bytes).swap16() : bytes);
    } catch {
      throw new UsageError(`Cannot read ${file}: it starts with a UTF-16 byte order mark but is not valid UTF-16, and ${SAVE_AS_UTF8}`);
    }
  }
  try {
    return UTF8.decode(bytes);
  } catch {
    throw new UsageError(`Cannot read ${file}: it is not valid UTF-8 (line ${firstLineNotUtf8(bytes)} holds bytes that are not), and ${SAVE_AS_UTF8}`);
  }
}

/** The 1-based line of the first bytes that are not UTF-8; a line feed byte is never part of a longer character. */
function firstLineNotUtf8(bytes: Buffer): number {
  let line = 1;
  for (let start = 0; ; line++) {
    const end = bytes.indexOf(0x0a, start);
    try {
      UTF8.decode(bytes.subarray(start, end === -1 ? bytes.length : end));
    } catch {
      return line;
    }
    if (end === -1) return line;
    start = end + 1;
  }
}

/**
 * Placeholders read the environment and the `.env` of the folder the command runs in (a CI job's checkout);
 * each file is resolved when it is checked, and `create` checks each again just before it sends it.
 */
export function checkFile(model: Model, file: string, text: string, env: NodeJS.ProcessEnv): CheckedFile {
  const now = new Date();
  const analysis = model.analyzeRequestText(text, { now, placeholders: localPlaceholderContext(process.cwd(), env, now) });
  const place = (offset: number, length: number) => {
    const start = model.offsetToLineColumn(text, offset);
    const end = length > 0 ? model.offsetToLineColumn(text, offset + length) : start;
    return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column, offset, length };
  };
  const problems: FileProblem[] = [
    ...analysis.syntaxErrors.map((error) => ({
      severity: 'error' as const,
      ...place(error.offset, error.length),
      line: error.line,
      column: error.column,
      message: error.message,
      code: 'INVALID_JSON',
      path: null,
      source: 'json',
    })),
    ...analysis.problems.map((problem) => ({
      severity: problem.severity,
      ...place(problem.offset, problem.length),
      message: problem.message,
      code: problem.code,
      path: problem.path.length > 0 ? formatPath(problem.path) : null,
      source: problem.source,
    })),
  ];
  // Reported in the order of the text, as compilers and editors list them.
  problems.sort((a, b) => a.offset - b.offset);
  const { errors, warnings } = countProblems(problems);
  const secretKey = analysis.problems.some((problem) => problem.source === 'secrets');
  return { file, problems, errors, warnings, syntaxError: analysis.syntaxErrors.length > 0, secretKey, value: analysis.value, substitutions: analysis.substitutions };
}

export function runValidate(command: CommandOf<'validate'>, env: NodeJS.ProcessEnv, out: Output): number {
  const inputs = readRequestFiles(command.files);
  const model = loadModel();
  const checked = inputs.map(({ file, text }) => checkFile(model, file, text, env));
  const resolved = (c: CheckedFile) => (command.resolve && !c.syntaxError ? { resolved: withoutSchemaKey(c.value) } : {});
  if (command.format === 'json') {
    out.json(checked.map((c) => ({ file: c.file, valid: c.errors === 0, errors: c.errors, warnings: c.warnings, problems: c.problems, ...resolved(c) })));
  } else {
    for (const c of checked) {
      for (const problem of c.problems) out.out(problemLine(c.file, problem));
      if (command.resolve && !c.syntaxError) out.out(`${c.file} resolved:\n${JSON.stringify(withoutSchemaKey(c.value), null, 2)}`);
    }
    const total = countProblems(checked.flatMap((c) => c.problems));
    out.out(validateSummary(checked.length, total.errors, total.warnings));
  }
  return worstExitCode(checked.map((c) => (c.errors > 0 ? ExitCode.invalid : ExitCode.ok)));
}

/**
 * The client for one command, and the sandbox started for it, if any. Neither is closed: the process exits as soon
 * as the output is written (see main.ts), which closes the socket and stops the sandbox. Closing them first held
 * every command about 5 ms (undici's graceful close, then the sockets' close events) for nothing.
 */
interface Connection {
  readonly client: SessionsClient;
  /** Set when the sandbox lives only as long as this command. */
  readonly ownSandbox: boolean;
}

function targetFor(command: SendingCommand, env: NodeJS.ProcessEnv, out: Output): ResolvedTarget {
  const envKey = env[KEY_VARIABLE];
  out.addSecret(envKey);
  const resolved = resolveTarget({ kind: command.target, baseUrl: command.baseUrl, yes: command.yes, envKey, needsExistingSessions: command.name !== 'create' });
  if (!resolved.ok) throw new UsageError(resolved.reason);
  // HTTPS_PROXY (or HTTP_PROXY) and NO_PROXY, for Xendit's targets only: a sandbox is never reached through a proxy.
  if (resolved.target.kind === 'sandbox' || resolved.target.baseUrl === undefined) return resolved.target;
  const proxy = chooseProxy(resolved.target.baseUrl, { env });
  if (!proxy.ok) throw new UsageError(proxy.reason);
  for (const secret of proxy.proxy?.secrets ?? []) out.addSecret(secret);
  return { ...resolved.target, proxy: proxy.proxy };
}

async function connect(command: SendingCommand, target: ResolvedTarget, out: Output): Promise<Connection> {
  const lib = loadClient(target.baseUrl);
  const sandbox = target.baseUrl === undefined ? await lib.startSandbox({ log: command.verbose ? (line) => out.err(`[sandbox] ${line}`) : undefined }) : undefined;
  const baseUrl = target.baseUrl ?? sandbox?.baseUrl ?? '';
  if (sandbox && command.verbose) out.err(`sandbox started for this command on ${baseUrl}`);
  if (command.verbose) out.err(`target: ${command.target} at ${baseUrl}${target.proxy ? ` via proxy ${target.proxy.shown} (${target.proxy.source})` : ''}`);
  const secretKey = target.secretKey ?? lib.sandboxTestKey();
  out.addSecret(secretKey);
  const timeoutMs = (command.timeoutSeconds ?? 30) * 1000;
  const client = new lib.SessionsClient({
    baseUrl,
    secretKey,
    forUserId: command.forUserId,
    withSplitRule: command.name === 'create' ? command.withSplitRule : undefined,
    proxy: target.proxy,
    timeouts: { connectMs: Math.min(10_000, timeoutMs), headersMs: timeoutMs, bodyMs: timeoutMs, totalMs: timeoutMs },
    log: command.verbose ? (_level, line) => out.err(line) : undefined,
  });
  return {
    client,
    ownSandbox: sandbox !== undefined,
  };
}

function referenceIdOf(value: unknown, file: string): string {
  const id = value !== null && typeof value === 'object' ? (value as { reference_id?: unknown }).reference_id : undefined;
  return typeof id === 'string' && id !== '' ? id : path.basename(file);
}

/**
 * A test case's name: the reference_id as the file writes it, so `order-{{$randomUUID}}` names the same case on
 * every run and a CI keeps its history (the resolved one is new each time).
 */
function junitName(checked: CheckedFile): string {
  const written = checked.substitutions?.find((s) => s.path.length === 1 && s.path[0] === 'reference_id')?.template;
  return written ?? referenceIdOf(checked.value, checked.file);
}

function junitCase(file: string, seconds: number, result: SessionsResult | undefined, checked: CheckedFile): JunitCase {
  const base = { classname: file, name: junitName(checked), seconds };
  const problemText = checked.problems.map((p) => problemLine(file, p)).join('\n');
  if (!result) {
    const type = checked.syntaxError ? 'INVALID_JSON' : checked.secretKey ? SECRET_KEY_IN_REQUEST : 'INVALID_REQUEST';
    return { ...base, failure: { type, message: notSentLine(file, checked).replace(/^✖ /, ''), details: problemText } };
  }
  const details = resultLines(result, { label: file }).join('\n');
  switch (result.kind) {
    case 'session':
      return { ...base, output: details };
    case 'apiError':
      return { ...base, failure: { type: result.error.errorCode, message: `${result.response.status} ${result.error.errorCode}: ${result.error.message}`, details } };
    case 'unexpectedResponse':
      return { ...base, failure: { type: 'UNEXPECTED_RESPONSE', message: `${result.response.status}: ${result.reason}`, details } };
    case 'networkError':
      return { ...base, error: { type: result.error.kind, message: result.error.message, details } };
  }
}

export async function runCreate(command: CommandOf<'create'>, env: NodeJS.ProcessEnv, out: Output): Promise<number> {
  const target = targetFor(command, env, out);
  const inputs = readRequestFiles(command.files);
  if (command.junit !== undefined) checkReportPath(command.junit);
  const model = loadModel();
  const checked = inputs.map(({ file, text }) => checkFile(model, file, text, env));
  const sendable = (c: CheckedFile) => !c.syntaxError && !c.secretKey && (c.errors === 0 || command.force);
  const connection = checked.some(sendable) ? await connect(command, target, out) : undefined;
  const text = command.format === 'text';
  const codes: number[] = [];
  const entries: Record<string, unknown>[] = [];
  const cases: JunitCase[] = [];
  const startedAt = new Date();
  for (const [index, first] of checked.entries()) {
    // Checked again just before it is sent, so its placeholders take this moment's values: in a long batch, a
    // late file's {{$isoTimestamp +11m}} would otherwise be what it was when the batch started.
    const input = inputs[index];
    const c = connection && input?.text.includes('{{') ? checkFile(model, input.file, input.text, env) : first;
    if (text) for (const problem of c.problems) out.out(problemLine(c.file, problem));
    const entry = { file: c.file, referenceId: referenceIdOf(c.value, c.file), problems: c.problems };
    if (!connection || !sendable(c)) {
      if (text) out.out(notSentLine(c.file, c));
      codes.push(ExitCode.invalid);
      entries.push({ ...entry, outcome: 'invalid', exitCode: ExitCode.invalid });
      cases.push(junitCase(c.file, 0, undefined, c));
      continue;
    }
    const result = await connection.client.createSession(withoutSchemaKey(c.value));
    if (text) for (const line of resultLines(result, { label: c.file })) out.out(line);
    codes.push(exitCodeOf(result));
    entries.push({ ...entry, ...resultJson(result) });
    cases.push(junitCase(c.file, result.timings.totalMs / 1000, result, c));
  }
  if (!text) out.json(entries);
  else if (checked.length > 1) out.out(createSummary(codes));
  if (connection?.ownSandbox && codes.includes(ExitCode.ok)) {
    out.err('note: the sandbox for this command has stopped, so its payment links no longer open. Keep one running with `xendit-sessions sandbox` and pass its URL with --base-url.');
  }
  if (command.junit !== undefined) {
    try {
      fs.writeFileSync(command.junit, out.redact(junitReport({ name: 'xendit-sessions create', timestamp: startedAt, cases })));
      if (command.verbose) out.err(`JUnit report written to ${command.junit}`);
    } catch (err) {
      // The sessions above exist: the batch's own exit code stands, so a CI step is not re-run as if it had crashed.
      out.err(`xendit-sessions: the JUnit report could not be written to ${command.junit}: ${err instanceof Error ? err.message : String(err)}. The results above are complete.`);
    }
  }
  return worstExitCode(codes);
}

/**
 * Refuses, before anything is sent, a --junit path the report could not be written to: finding that out after
 * the batch would leave sessions created by a run that then looks failed (and a CI step re-run creates them again).
 */
function checkReportPath(file: string): void {
  const dir = path.dirname(path.resolve(file));
  if (!fs.existsSync(dir)) throw new UsageError(`--junit ${file}: the folder ${path.dirname(file)} does not exist.`);
  let existing: fs.Stats | undefined;
  try {
    existing = fs.statSync(file, { throwIfNoEntry: false });
  } catch (err) {
    // ENOTDIR (a file where a folder should be) or EACCES: no report can go there.
    throw new UsageError(`--junit ${file}: ${err instanceof Error ? err.message : String(err)}. Nothing was sent.`);
  }
  if (existing?.isDirectory()) throw new UsageError(`--junit ${file}: that is a folder; give a file name, such as ${path.join(file, 'sessions.xml')}.`);
  try {
    fs.accessSync(existing ? file : dir, fs.constants.W_OK);
  } catch {
    throw new UsageError(`--junit ${file}: ${existing ? 'the file' : `the folder ${path.dirname(file)}`} is not writable. Nothing was sent.`);
  }
}

export async function runLookup(command: CommandOf<'get' | 'cancel'>, env: NodeJS.ProcessEnv, out: Output): Promise<number> {
  const target = targetFor(command, env, out);
  const connection = await connect(command, target, out);
  const result = command.name === 'get' ? await connection.client.getSession(command.id) : await connection.client.cancelSession(command.id);
  if (command.format === 'json') out.json({ operation: command.name, id: command.id, ...resultJson(result) });
  else for (const line of resultLines(result, { label: command.name })) out.out(line);
  return exitCodeOf(result);
}

/** Runs until SIGINT or SIGTERM, then stops the sandbox and resolves 0. */
export async function runSandbox(command: CommandOf<'sandbox'>, env: NodeJS.ProcessEnv, out: Output): Promise<number> {
  // A sandbox that forwards webhooks always sends a token, as Xendit does: given, from the environment, or made.
  const callback = command.webhookUrl === undefined ? undefined : chooseCallbackToken(command.callbackToken, env);
  if (!callback?.made) out.addSecret(callback?.token);
  const lib = loadClient(undefined, { longRunning: true });
  const sandbox = await startPortSandbox(lib, {
    port: command.port,
    webhookUrl: command.webhookUrl,
    callbackToken: callback?.token,
    rejectActiveReferenceReuse: command.rejectActiveReferenceReuse,
    log: command.quiet ? undefined : (line) => out.err(`[sandbox] ${line}`),
  });
  out.out(`Xendit sandbox on ${sandbox.baseUrl}`);
  if (callback?.made) {
    // Shown once, before it joins the secrets every later line is cleaned of.
    out.err(madeTokenLine(callback.token));
    out.addSecret(callback.token);
  }
  out.err(
    `Send to it with: xendit-sessions create --target sandbox --base-url ${sandbox.baseUrl} <files…>. It takes any test key; set ${KEY_VARIABLE} to one (xnd_development_ and 8 or more letters) for every command to get or cancel sessions later. Ctrl+C stops it.`,
  );
  await stopSignal();
  await sandbox.close();
  if (!command.quiet) out.err('[sandbox] stopped');
  return ExitCode.ok;
}

/** Starts a sandbox on the command's port; a port that is taken or privileged is a usage error. */
export async function startPortSandbox(lib: ReturnType<typeof loadClient>, options: SandboxOptions & { port: number }): Promise<SandboxHandle> {
  try {
    return await lib.startSandbox(options);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UsageError(`Port ${options.port} is in use on 127.0.0.1: pick another with --port, or --port 0 for a free one.`);
    if (code === 'EACCES') throw new UsageError(`Port ${options.port} needs privileges on this system: pick one above 1023, or --port 0 for a free one.`);
    throw err;
  }
}

/** Resolves on the first SIGINT (Ctrl+C) or SIGTERM. */
export function stopSignal(): Promise<void> {
  return new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
