// How the CLI reports: problems as `file:line:col: severity: message` (the shape editors and CI annotate),
// one summary line per request with what to do on failure, and the JSON documents of --format json.
import type { SessionsResult } from '../sessions/client';
import { explainApiError, networkHint } from './explanations';

/** A problem found in a request file, placed by line and column (1-based; columns in UTF-16 units, as editors count). */
export interface FileProblem {
  readonly severity: 'error' | 'warning';
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly offset: number;
  readonly length: number;
  readonly message: string;
  /** The API's error code for it, or INVALID_JSON for a syntax error. */
  readonly code: string;
  /** The field, as a user writes it (`items[0].name`); null for a syntax error or the whole request. */
  readonly path: string | null;
  /** Which check found it: json, schema or rule:<name>. */
  readonly source: string;
}

export const ExitCode = { ok: 0, invalid: 1, apiError: 2, network: 3, usage: 4, internal: 5 } as const;

/** A batch exits with its worst outcome; the codes are ordered so that the worst is the largest. */
export function worstExitCode(codes: readonly number[]): number {
  return codes.reduce((worst, code) => Math.max(worst, code), ExitCode.ok);
}

export function exitCodeOf(result: SessionsResult): number {
  switch (result.kind) {
    case 'session':
      return ExitCode.ok;
    case 'networkError':
      return ExitCode.network;
    default:
      return ExitCode.apiError;
  }
}

export function problemLine(file: string, problem: FileProblem): string {
  return `${file}:${problem.line}:${problem.column}: ${problem.severity}: ${problem.message}`;
}

export function countProblems(problems: readonly FileProblem[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const problem of problems) if (problem.severity === 'error') errors++;
  return { errors, warnings: problems.length - errors };
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The closing line of `validate`. */
export function validateSummary(files: number, errors: number, warnings: number): string {
  const found = errors + warnings === 0 ? 'no problems' : [errors ? plural(errors, 'error') : '', warnings ? plural(warnings, 'warning') : ''].filter(Boolean).join(', ');
  return `${errors > 0 ? '✖' : '✔'} ${plural(files, 'file')} checked: ${found}`;
}

/** Why a file was not sent, after its problem lines. */
export function notSentLine(label: string, file: { readonly syntaxError: boolean; readonly secretKey: boolean; readonly errors: number }): string {
  const { errors } = file;
  const why = file.syntaxError
    ? 'it is not valid JSON; fix it first (--force cannot send what does not parse)'
    : file.secretKey
      ? 'it holds a secret key, which the API would keep in the session; remove it (--force never sends a key)'
      : `${plural(errors, 'error')}; fix ${errors === 1 ? 'it' : 'them'}, or add --force to see the API's own answer`;
  return `✖ ${label}  not sent: ${why}`;
}

function milliseconds(result: SessionsResult): string {
  return `${Math.round(result.timings.totalMs)} ms`;
}

/** Long server text on one line, cut short: it is a hint, the JSON output has all of it. */
function oneLine(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export interface ResultContext {
  /** What the line is about: the request file, or get/cancel. */
  readonly label: string;
}

/** The lines that report one request: a summary line, then for a failure the details and what to do. */
export function resultLines(result: SessionsResult, ctx: ResultContext): string[] {
  switch (result.kind) {
    case 'session': {
      const s = result.session;
      const link = s.payment_link_url ? `  ${s.payment_link_url}` : '';
      return [`✔ ${ctx.label}  ${result.response.status} ${s.status}  ${s.payment_session_id}${link}  ${milliseconds(result)}`];
    }
    case 'apiError': {
      const { errorCode, message, errors } = result.error;
      const lines = [`✖ ${ctx.label}  ${result.response.status} ${errorCode}  ${oneLine(message, 400)}  ${milliseconds(result)}`];
      for (const entry of errors) lines.push(`    ${entry.path ? `${entry.path}: ` : ''}${oneLine(entry.message, 400)}`);
      lines.push(`    → ${explainApiError(errorCode, result.response.status)}`);
      const rate = result.response.rateLimit;
      if (result.response.status === 429 && rate?.resetSeconds !== undefined) {
        const left = rate.remaining !== undefined && rate.limit !== undefined ? `, ${rate.remaining} of ${rate.limit} requests left` : '';
        lines.push(`    The limit resets in ${rate.resetSeconds} s (Rate-Limit-Reset${left}).`);
      }
      return lines;
    }
    case 'unexpectedResponse':
      return [
        `✖ ${ctx.label}  ${result.response.status} unexpected answer  ${result.reason}  ${milliseconds(result)}`,
        ...(result.firstBytes ? [`    first bytes: ${oneLine(result.firstBytes)}`] : []),
        '    → Check --base-url: the answer did not come from the Sessions API (a proxy or load balancer page, or another service).',
      ];
    case 'networkError':
      return [`✖ ${ctx.label}  no answer (${result.error.kind})  ${result.error.message}`, `    → ${networkHint(result.error)}`];
  }
}

/** What one sent request becomes in --format json: the client's whole result, plus what the text output explains. */
export function resultJson(result: SessionsResult): Record<string, unknown> {
  const explanation =
    result.kind === 'apiError'
      ? explainApiError(result.error.errorCode, result.response.status)
      : result.kind === 'networkError'
        ? networkHint(result.error)
        : undefined;
  return { outcome: result.kind, exitCode: exitCodeOf(result), ...(explanation ? { explanation } : {}), result };
}

/** The closing line of a `create` batch of more than one file. */
export function createSummary(codes: readonly number[]): string {
  const count = (code: number) => codes.filter((c) => c === code).length;
  const parts = [
    `${count(ExitCode.ok)} created`,
    count(ExitCode.invalid) ? `${count(ExitCode.invalid)} not sent` : '',
    count(ExitCode.apiError) ? plural(count(ExitCode.apiError), 'API error') : '',
    count(ExitCode.network) ? plural(count(ExitCode.network), 'network error') : '',
  ].filter(Boolean);
  return `${worstExitCode(codes) === ExitCode.ok ? '✔' : '✖'} ${plural(codes.length, 'file')}: ${parts.join(', ')}`;
}
