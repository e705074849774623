// Runs the built CLI (dist/cli.js) as a child process, the way a CI job does: builds it when it is missing or
// older than the sources, bounds every run in time, and fails any run whose output carries the secret key.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../helpers/repoRoot';

export const cliPath = join(repoRoot, 'dist', 'cli.js');

/** A key of the given kind, made at run time so the repository never holds a literal that looks like one. */
export function fakeKey(kind: 'development' | 'production' | 'public'): string {
  return ['xnd', kind, randomBytes(18).toString('hex')].join('_');
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return newest;
}

/** The tests run what users run, so the bundles are rebuilt when a source is newer than them. */
export function ensureBuilt(): void {
  const bundles = ['cli.js', 'model.js', 'client.js'].map((name) => join(repoRoot, 'dist', name));
  const built = Math.min(...bundles.map((file) => (existsSync(file) ? statSync(file).mtimeMs : 0)));
  const sources = Math.max(newestSource(join(repoRoot, 'src')), statSync(join(repoRoot, 'scripts', 'build.mjs')).mtimeMs);
  if (built < sources) execFileSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs')], { cwd: repoRoot, stdio: 'inherit', timeout: 120_000 });
}

export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

const running = new Set<ChildProcess>();

/** Every secret the tests hand to the CLI; no output may contain any of them, in any form. */
const secrets = new Set<string>();

export function registerSecret(secret: string): void {
  secrets.add(secret);
  for (const text of [`${secret}:`, secret]) {
    const base64 = Buffer.from(text).toString('base64');
    secrets.add(base64);
    secrets.add(base64.replace(/=+$/, ''));
  }
}

function assertNoSecret(run: CliRun, args: readonly string[]): void {
  for (const secret of secrets) {
    if (run.stdout.includes(secret) || run.stderr.includes(secret)) {
      throw new Error(`xendit-sessions ${args.join(' ')} printed a secret (${secret.length} characters)`);
    }
  }
}

export interface RunOptions {
  readonly cwd: string;
  /** Replaces the environment's variables; undefined removes one. */
  readonly env?: Record<string, string | undefined>;
  readonly timeoutMs?: number;
}

export function baseEnv(home: string): Record<string, string | undefined> {
  // Only what Node needs: the developer's own XENDIT_SECRET_KEY or NODE_OPTIONS must not leak into a test.
  return { PATH: process.env.PATH, HOME: home, XDG_CACHE_HOME: join(home, 'cache'), LANG: 'C.UTF-8' };
}

function environment(options: RunOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries({ ...baseEnv(options.cwd), ...options.env })) if (value !== undefined) env[name] = value;
  return env;
}

/** Runs the CLI to its end, bounded in time. */
export function runCli(args: readonly string[], options: RunOptions): Promise<CliRun> {
  const run = startCli(args, options);
  const timeoutMs = options.timeoutMs ?? 20_000;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      run.child.kill('SIGKILL');
      reject(new Error(`xendit-sessions ${args.join(' ')} did not finish within ${timeoutMs} ms\nstdout: ${run.stdout()}\nstderr: ${run.stderr()}`));
    }, timeoutMs);
    run.exited.then(
      ({ code, signal }) => {
        clearTimeout(timer);
        resolve({ code, signal, stdout: run.stdout(), stderr: run.stderr() });
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}

/** A CLI process with its output so far; the sandbox command runs until it is signalled. */
export interface CliServer {
  readonly child: ChildProcess;
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** Resolves with the process's exit code and signal. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startCli(args: readonly string[], options: RunOptions): CliServer {
  const child = spawn(process.execPath, [cliPath, ...args], { cwd: options.cwd, env: environment(options), stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      running.delete(child);
      try {
        assertNoSecret({ code, signal, stdout, stderr }, args);
        resolve({ code, signal });
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
  });
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

/** Polls until `check` returns a value, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** For after hooks: no test may leave a CLI process behind. */
export function killAll(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}
