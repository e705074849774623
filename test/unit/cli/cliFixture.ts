// What every cli.*.test.ts needs: the session files it runs the CLI on, a sandbox, a port where nothing listens,
// a server that never answers, fake keys, and a runner bound to them. useCliFixture() sets these up in the
// calling describe's before hook and tears them down in its after hook.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type SandboxHandle } from '../../../src/sandbox/sandboxServer';
import { ensureBuilt, fakeKey, killAll, registerSecret, runCli, type CliRun } from './cliProcess';

export const valid = {
  $schema: '../schemas/session-request.schema.json',
  reference_id: 'cli-order-1',
  session_type: 'PAY',
  currency: 'IDR',
  amount: 10000,
  mode: 'PAYMENT_LINK',
  country: 'ID',
};

// Line 5, column 13 is the value of "amount": the test reads the position back from the output.
export const invalidText = `{
  "reference_id": "cli-invalid-1",
  "session_type": "PAY",
  "currency": "IDR",
  "amount": "ten thousand",
  "mode": "PAYMENT_LINK",
  "country": "ID"
}
`;

// The trailing comma is line 3, column 24.
export const syntaxText = `{
  "reference_id": "cli-syntax-1",
  "session_type": "PAY",
}
`;

export function json(run: CliRun): unknown {
  try {
    return JSON.parse(run.stdout);
  } catch {
    throw new Error(`stdout is not one JSON document:\n${run.stdout}\nstderr:\n${run.stderr}`);
  }
}

export type Entry = {
  file: string;
  outcome: string;
  exitCode: number;
  explanation?: string;
  problems: { severity: string; line: number; column: number; code: string; message: string }[];
  result?: {
    kind: string;
    request: { body?: string; headers: [string, string][] };
    session?: { payment_session_id: string; status: string; metadata?: Record<string, string> };
    error?: { errorCode?: string; kind?: string };
  };
};

export interface CliFixture {
  /** The folder holding the session files; the CLI runs in it. Set in before. */
  readonly dir: string;
  readonly sandbox: SandboxHandle;
  /** A URL on 127.0.0.1 where nothing listens. */
  readonly closedPortUrl: string;
  /** A server on 127.0.0.1 that accepts connections and never answers. */
  readonly silentUrl: string;
  readonly testKey: string;
  readonly liveKey: string;
  readonly publicKey: string;
  file(name: string): string;
  /** null: no XENDIT_SECRET_KEY at all. */
  env(key?: string | null): { XENDIT_SECRET_KEY: string | undefined };
  cli(args: string[], key?: string | null, timeoutMs?: number): Promise<CliRun>;
  /** How many POST /sessions the shared sandbox has answered so far. */
  postsSeen(): number;
}

/**
 * Gives the calling describe the CLI's time limit and registers its before and after hooks; the returned fixture's
 * state is set once before has run.
 */
export function useCliFixture(suite: Mocha.Suite): CliFixture {
  suite.timeout(60_000);
  let dir = '';
  let sandbox: SandboxHandle | undefined;
  let closedPortUrl = '';
  let silent: { server: Server; sockets: Set<Socket>; url: string } | undefined;
  const sandboxLog: string[] = [];
  const testKey = fakeKey('development');
  const liveKey = fakeKey('production');
  const publicKey = fakeKey('public');

  const file = (name: string) => join(dir, name);
  const env = (key: string | null = testKey) => ({ XENDIT_SECRET_KEY: key ?? undefined });

  before(async function () {
    this.timeout(180_000);
    ensureBuilt();
    for (const key of [testKey, liveKey, publicKey]) registerSecret(key);
    dir = mkdtempSync(join(tmpdir(), 'xendit-sessions-cli-'));
    writeFileSync(file('valid.session.json'), `${JSON.stringify(valid, null, 2)}\n`);
    writeFileSync(file('second.session.json'), `${JSON.stringify({ ...valid, reference_id: 'cli-order-2' }, null, 2)}\n`);
    writeFileSync(file('warning.session.json'), `${JSON.stringify({ ...valid, reference_id: 'cli-warning-1', ammount: 1 }, null, 2)}\n`);
    writeFileSync(file('invalid.session.json'), invalidText);
    writeFileSync(file('syntax.session.json'), syntaxText);
    // Every character XML must escape, in a value that lands in attributes and text of the JUnit report.
    writeFileSync(file('hostile.session.json'), JSON.stringify({ ...valid, reference_id: `<a & "b" 'c'>`, amount: 'x' }));
    // A key pasted into the body: never sent, as the API would keep it.
    writeFileSync(file('keyed.session.json'), JSON.stringify({ ...valid, reference_id: 'cli-keyed-1', metadata: { note: `key ${testKey}` } }));
    // A key pasted into the wrong field: the model's message quotes the value.
    writeFileSync(file('leaky.session.json'), JSON.stringify({ ...valid, reference_id: 'cli-leaky-1', amount: testKey }));
    sandbox = await startSandbox({ log: (line) => sandboxLog.push(line) });

    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const address = probe.address();
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    closedPortUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 1}`;

    // Accepts connections and never answers: what a hung server looks like.
    const sockets = new Set<Socket>();
    const server = createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const silentAddress = server.address();
    silent = { server, sockets, url: `http://127.0.0.1:${typeof silentAddress === 'object' && silentAddress ? silentAddress.port : 1}` };
  });

  after(async () => {
    killAll();
    for (const socket of silent?.sockets ?? []) socket.destroy();
    await new Promise<void>((resolve) => (silent ? silent.server.close(() => resolve()) : resolve()));
    await sandbox?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  return {
    get dir() {
      return dir;
    },
    get sandbox() {
      if (!sandbox) throw new Error('the sandbox is not started: use the fixture inside a test');
      return sandbox;
    },
    get closedPortUrl() {
      return closedPortUrl;
    },
    get silentUrl() {
      return silent?.url ?? '';
    },
    testKey,
    liveKey,
    publicKey,
    file,
    env,
    cli: (args, key = testKey, timeoutMs) => runCli(args, { cwd: dir, env: env(key), timeoutMs }),
    postsSeen: () => sandboxLog.filter((line) => line.startsWith('POST /sessions →')).length,
  };
}
