// The built `xendit-sessions` CLI as a process: every subcommand, every exit code, the JUnit report read back,
// and the key never in its output. All traffic goes to servers on 127.0.0.1 that the tests start themselves.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type SandboxHandle } from '../../../src/sandbox/sandboxServer';
import { startWebhookReceiver } from '../../helpers/webhookReceiver';
import { childrenNamed, parseXml } from './junitXml';
import { cliPath, ensureBuilt, fakeKey, killAll, registerSecret, runCli, startCli, waitFor, type CliRun } from './cliProcess';

const valid = {
  $schema: '../schemas/session-request.schema.json',
  reference_id: 'cli-order-1',
  session_type: 'PAY',
  currency: 'IDR',
  amount: 10000,
  mode: 'PAYMENT_LINK',
  country: 'ID',
};

// Line 5, column 13 is the value of "amount": the test reads the position back from the output.
const invalidText = `{
  "reference_id": "cli-invalid-1",
  "session_type": "PAY",
  "currency": "IDR",
  "amount": "ten thousand",
  "mode": "PAYMENT_LINK",
  "country": "ID"
}
`;

// The trailing comma is line 3, column 24.
const syntaxText = `{
  "reference_id": "cli-syntax-1",
  "session_type": "PAY",
}
`;

function json(run: CliRun): unknown {
  try {
    return JSON.parse(run.stdout);
  } catch {
    throw new Error(`stdout is not one JSON document:\n${run.stdout}\nstderr:\n${run.stderr}`);
  }
}

type Entry = {
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

describe('xendit-sessions (the built CLI, run as a process)', function () {
  this.timeout(60_000);

  let dir: string;
  let sandbox: SandboxHandle;
  const sandboxLog: string[] = [];
  const testKey = fakeKey('development');
  const liveKey = fakeKey('production');
  const publicKey = fakeKey('public');
  let closedPortUrl: string;
  let silent: { server: Server; sockets: Set<Socket>; url: string };

  const file = (name: string) => join(dir, name);
  // null: no XENDIT_SECRET_KEY at all.
  const env = (key: string | null = testKey) => ({ XENDIT_SECRET_KEY: key ?? undefined });
  const cli = (args: string[], key: string | null = testKey, timeoutMs?: number) => runCli(args, { cwd: dir, env: env(key), timeoutMs });
  const postsSeen = () => sandboxLog.filter((line) => line.startsWith('POST /sessions →')).length;

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
    writeFileSync(file('echo.session.json'), JSON.stringify({ ...valid, reference_id: 'cli-echo-1', metadata: { note: `key ${testKey}` } }));
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

  describe('validate', () => {
    it('exits 0 for valid files; a warning is printed as file:line:col: warning: and does not fail', async () => {
      const run = await cli(['validate', 'valid.session.json', 'warning.session.json']);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /^warning\.session\.json:\d+:\d+: warning: "ammount" in the request is not in the API reference\./m);
      assert.doesNotMatch(run.stdout, /^valid\.session\.json:/m);
      assert.match(run.stdout, /2 files checked: 1 warning/);
    });

    it('exits 1 and prints each error as file:line:col: error: message, JSON syntax errors included', async () => {
      const run = await cli(['validate', 'valid.session.json', 'invalid.session.json', 'syntax.session.json']);
      assert.equal(run.code, 1, run.stderr);
      assert.match(run.stdout, /^invalid\.session\.json:5:13: error: amount must be a number, but it is "ten thousand"\.$/m);
      assert.match(run.stdout, /^syntax\.session\.json:3:24: error: Trailing comma: JSON allows no comma after the last entry\. Remove it\.$/m);
      assert.match(run.stdout, /✖ 3 files checked: \d+ errors/);
    });

    it('--format json prints one document: a file each, its problems placed by line and column', async () => {
      const run = await cli(['validate', '--format', 'json', 'valid.session.json', 'invalid.session.json']);
      assert.equal(run.code, 1);
      const files = json(run) as { file: string; valid: boolean; errors: number; problems: Entry['problems'] }[];
      assert.deepEqual(
        files.map((f) => [f.file, f.valid, f.errors]),
        [
          ['valid.session.json', true, 0],
          ['invalid.session.json', false, 1],
        ],
      );
      assert.deepEqual(
        files[1]?.problems.map((p) => [p.severity, p.line, p.column, p.code]),
        [['error', 5, 13, 'INVALID_AMOUNT']],
      );
    });
  });

  describe('create', () => {
    it('creates a session in a running sandbox: exit 0 and a line with status, id, link and time', async () => {
      const run = await cli(['create', '--base-url', sandbox.baseUrl, 'valid.session.json']);
      assert.equal(run.code, 0, run.stdout + run.stderr);
      const link = `${sandbox.baseUrl}/checkout/ps-[0-9a-f]{24}`.replace(/\./g, '\\.');
      assert.match(run.stdout, new RegExp(`^✔ valid\\.session\\.json {2}201 ACTIVE {2}ps-[0-9a-f]{24} {2}${link} {2}\\d+ ms$`, 'm'));
    });

    it('starts a sandbox of its own without --base-url, and says so with --verbose', async () => {
      const run = await cli(['create', '--verbose', 'valid.session.json']);
      assert.equal(run.code, 0, run.stdout + run.stderr);
      const started = /sandbox started for this command on (http:\/\/127\.0\.0\.1:\d+)/.exec(run.stderr);
      assert.ok(started, run.stderr);
      assert.ok(run.stdout.includes(`${started[1]}/checkout/ps-`), run.stdout);
      assert.match(run.stderr, /payment links no longer open/);
    });

    it('--format json prints the full result as an array, without $schema in what was sent', async () => {
      const run = await cli(['create', '--format', 'json', '--base-url', sandbox.baseUrl, 'valid.session.json', 'second.session.json']);
      assert.equal(run.code, 0, run.stderr);
      const entries = json(run) as Entry[];
      assert.equal(entries.length, 2);
      const [first] = entries;
      assert.equal(first?.outcome, 'session');
      assert.equal(first?.exitCode, 0);
      assert.equal(first?.result?.session?.status, 'ACTIVE');
      const sent = JSON.parse(first?.result?.request.body ?? '{}') as Record<string, unknown>;
      assert.equal(sent.reference_id, 'cli-order-1');
      assert.equal('$schema' in sent, false);
      assert.deepEqual(
        first?.result?.request.headers.find(([name]) => name === 'authorization'),
        ['authorization', 'Basic [redacted]'],
      );
    });

    it('refuses a file with errors: exit 1, the problems printed like validate, nothing sent', async () => {
      const before = postsSeen();
      const run = await cli(['create', '--base-url', sandbox.baseUrl, 'invalid.session.json', 'syntax.session.json']);
      assert.equal(run.code, 1, run.stdout + run.stderr);
      assert.match(run.stdout, /^invalid\.session\.json:5:13: error: amount must be a number/m);
      assert.match(run.stdout, /^✖ invalid\.session\.json {2}not sent: 1 error; fix it, or add --force/m);
      assert.match(run.stdout, /^✖ syntax\.session\.json {2}not sent: it is not valid JSON/m);
      assert.equal(postsSeen(), before);
    });

    it('--force sends it anyway: the API answers 400, exit 2, with the errors and what to do', async () => {
      const run = await cli(['create', '--force', '--base-url', sandbox.baseUrl, 'invalid.session.json']);
      assert.equal(run.code, 2, run.stdout + run.stderr);
      assert.match(run.stdout, /^✖ invalid\.session\.json {2}400 INVALID_AMOUNT {2}amount must be a number/m);
      assert.match(run.stdout, /^ {4}\/body\/amount: amount must be a number/m);
      assert.match(run.stdout, /^ {4}→ The amount is not allowed here/m);
    });

    it('a port where nothing listens is a network error: exit 3, with what to do', async () => {
      const run = await cli(['create', '--base-url', closedPortUrl, 'valid.session.json']);
      assert.equal(run.code, 3, run.stdout + run.stderr);
      assert.match(run.stdout, /^✖ valid\.session\.json {2}no answer \(refused\) {2}127\.0\.0\.1:\d+ refused the connection/m);
      assert.match(run.stdout, /^ {4}→ Nothing is listening at that address\. Check --base-url/m);
    });

    it('--timeout bounds the wait for a server that never answers: exit 3, a timeout', async () => {
      // The server never answers: without the timeout the run would only end at the test's own time limit.
      const run = await cli(['create', '--timeout', '1', '--format', 'json', '--base-url', silent.url, 'valid.session.json']);
      assert.equal(run.code, 3, run.stdout + run.stderr);
      const [entry] = json(run) as Entry[];
      assert.equal(entry?.result?.error?.kind, 'timeout');
      assert.match(entry?.explanation ?? '', /raise --timeout/);
    });

    it('a batch exits with its worst outcome: network 3 over API 2 over validation 1', async () => {
      const batch = ['valid.session.json', 'invalid.session.json'];
      assert.equal((await cli(['create', '--base-url', sandbox.baseUrl, ...batch])).code, 1);
      assert.equal((await cli(['create', '--force', '--base-url', sandbox.baseUrl, ...batch])).code, 2);
      const network = await cli(['create', '--base-url', closedPortUrl, ...batch]);
      assert.equal(network.code, 3);
      assert.match(network.stdout, /^✖ 2 files: 0 created, 1 not sent, 1 network error$/m);
    });

    it('--junit writes a report that reads back: a test case per file, failures for refusals, errors for no answer', async () => {
      const report = file('junit-sandbox.xml');
      const run = await cli(['create', '--junit', report, '--base-url', sandbox.baseUrl, 'valid.session.json', 'invalid.session.json', 'syntax.session.json']);
      assert.equal(run.code, 1);
      const forced = await cli(['create', '--force', '--junit', file('junit-forced.xml'), '--base-url', sandbox.baseUrl, 'hostile.session.json']);
      assert.equal(forced.code, 2);
      const network = await cli(['create', '--junit', file('junit-network.xml'), '--base-url', closedPortUrl, 'valid.session.json']);
      assert.equal(network.code, 3);

      const root = parseXml(readFileSync(report, 'utf8'));
      assert.equal(root.name, 'testsuites');
      const [suite] = childrenNamed(root, 'testsuite');
      assert.ok(suite);
      assert.equal(suite.attributes.name, 'xendit-sessions create');
      assert.deepEqual([suite.attributes.tests, suite.attributes.failures, suite.attributes.errors], ['3', '2', '0']);
      const cases = childrenNamed(suite, 'testcase');
      assert.deepEqual(
        cases.map((c) => [c.attributes.classname, c.attributes.name]),
        [
          ['valid.session.json', 'cli-order-1'],
          ['invalid.session.json', 'cli-invalid-1'],
          ['syntax.session.json', 'syntax.session.json'],
        ],
      );
      assert.equal(childrenNamed(cases[0]!, 'failure').length, 0);
      assert.match(childrenNamed(cases[0]!, 'system-out')[0]?.text ?? '', /201 ACTIVE {2}ps-/);
      assert.equal(childrenNamed(cases[1]!, 'failure')[0]?.attributes.type, 'INVALID_REQUEST');
      assert.match(childrenNamed(cases[1]!, 'failure')[0]?.text ?? '', /invalid\.session\.json:5:13: error: amount must be a number, but it is "ten thousand"/);
      assert.equal(childrenNamed(cases[2]!, 'failure')[0]?.attributes.type, 'INVALID_JSON');

      const hostile = childrenNamed(childrenNamed(parseXml(readFileSync(file('junit-forced.xml'), 'utf8')), 'testsuite')[0]!, 'testcase')[0]!;
      assert.equal(hostile.attributes.name, `<a & "b" 'c'>`);
      const failure = childrenNamed(hostile, 'failure')[0];
      assert.equal(failure?.attributes.type, 'INVALID_AMOUNT');
      assert.match(failure?.attributes.message ?? '', /^400 INVALID_AMOUNT: /);

      const networkSuite = childrenNamed(parseXml(readFileSync(file('junit-network.xml'), 'utf8')), 'testsuite')[0]!;
      assert.deepEqual([networkSuite.attributes.failures, networkSuite.attributes.errors], ['0', '1']);
      const error = childrenNamed(childrenNamed(networkSuite, 'testcase')[0]!, 'error')[0];
      assert.equal(error?.attributes.type, 'refused');
      assert.match(error?.text ?? '', /Nothing is listening at that address/);
    });

    it('sends --for-user-id and --with-split-rule as headers', async () => {
      const run = await cli(['create', '--format', 'json', '--for-user-id', 'sub-account-7', '--with-split-rule', 'splitru_1', '--base-url', sandbox.baseUrl, 'valid.session.json']);
      assert.equal(run.code, 0, run.stderr);
      const headers = new Map((json(run) as Entry[])[0]?.result?.request.headers);
      assert.equal(headers.get('for-user-id'), 'sub-account-7');
      assert.equal(headers.get('with-split-rule'), 'splitru_1');
    });

    it('--target test and live use the key in XENDIT_SECRET_KEY, and a live key reaches only where --yes sends it', async () => {
      const test = await cli(['create', '--target', 'test', '--base-url', sandbox.baseUrl, 'valid.session.json']);
      assert.equal(test.code, 0, test.stdout + test.stderr);
      // The sandbox refuses live keys, which proves the live key was the one sent, and not printed.
      const live = await cli(['create', '--target', 'live', '--yes', '--verbose', '--format', 'json', '--base-url', sandbox.baseUrl, 'valid.session.json'], liveKey);
      assert.equal(live.code, 2, live.stdout + live.stderr);
      const [entry] = json(live) as Entry[];
      assert.equal(entry?.result?.error?.errorCode, 'INVALID_API_KEY');
      assert.match(entry?.explanation ?? '', /XENDIT_SECRET_KEY/);
    });

    it('never prints the key, not even when the API echoes it back or with --verbose', async () => {
      const run = await cli(['create', '--verbose', '--format', 'json', '--base-url', sandbox.baseUrl, 'echo.session.json']);
      assert.equal(run.code, 0, run.stderr);
      const [entry] = json(run) as Entry[];
      assert.equal(entry?.result?.session?.metadata?.note, 'key [redacted]');
      assert.match(run.stderr, /→ POST http:\/\/127\.0\.0\.1:\d+\/sessions/);
      // runCli itself fails any run whose stdout or stderr holds the key or its Base64 forms.
    });

    it('never writes the key into the JUnit report either, even where a problem message quotes it', async () => {
      const report = file('junit-leaky.xml');
      const run = await cli(['create', '--junit', report, '--base-url', sandbox.baseUrl, 'leaky.session.json']);
      assert.equal(run.code, 1, run.stdout + run.stderr);
      assert.match(run.stdout, /amount must be a number, but it is "\[redacted\]"/);
      const xml = readFileSync(report, 'utf8');
      assert.match(xml, /\[redacted\]/);
      assert.equal(xml.includes(testKey), false);
    });
  });

  describe('get and cancel', () => {
    it('get shows a session; cancel cancels it; a second cancel exits 2 with the 422 explained', async () => {
      const created = await cli(['create', '--format', 'json', '--base-url', sandbox.baseUrl, 'valid.session.json']);
      const id = (json(created) as Entry[])[0]?.result?.session?.payment_session_id ?? '';
      assert.match(id, /^ps-[0-9a-f]{24}$/);

      const got = await cli(['get', '--base-url', sandbox.baseUrl, id]);
      assert.equal(got.code, 0, got.stdout + got.stderr);
      assert.match(got.stdout, new RegExp(`^✔ get {2}200 ACTIVE {2}${id} `, 'm'));

      const cancelled = await cli(['cancel', '--format', 'json', '--base-url', sandbox.baseUrl, id]);
      assert.equal(cancelled.code, 0, cancelled.stdout + cancelled.stderr);
      assert.equal((json(cancelled) as { result: { session: { status: string } } }).result.session.status, 'CANCELED');

      const again = await cli(['cancel', '--base-url', sandbox.baseUrl, id]);
      assert.equal(again.code, 2, again.stdout + again.stderr);
      assert.match(again.stdout, new RegExp(`^✖ cancel {2}422 INVALID_SESSION_STATUS {2}Session ${id} is CANCELED`, 'm'));
      assert.match(again.stdout, /^ {4}→ Only ACTIVE sessions can be cancelled/m);
    });

    it('get of an unknown id exits 2 with NOT_FOUND explained', async () => {
      const run = await cli(['get', '--base-url', sandbox.baseUrl, 'ps-000000000000000000000000']);
      assert.equal(run.code, 2);
      assert.match(run.stdout, /404 NOT_FOUND/);
      assert.match(run.stdout, /→ No session with this id exists for this key and target/);
    });
  });

  describe('usage errors exit 4 before anything is sent', () => {
    // Test and live cases name a loopback --base-url, so even a check that failed to stop them could not reach Xendit.
    const local = ['--base-url', 'http://127.0.0.1:9'];
    const cases: { what: string; args: string[]; key?: 'live' | 'public' | null; message: RegExp }[] = [
      { what: 'no command', args: [], message: /Usage:/ },
      { what: 'an unknown command', args: ['send', 'valid.session.json'], message: /Unknown command "send"/ },
      { what: 'an unknown option', args: ['create', '--colour', 'valid.session.json'], message: /Unknown option --colour/ },
      { what: 'an option of another command', args: ['validate', '--junit', 'x.xml', 'valid.session.json'], message: /--junit does not apply to validate/ },
      { what: 'a missing file', args: ['validate', 'valid.session.json', 'missing.session.json'], message: /Cannot read missing\.session\.json: there is no such file/ },
      { what: 'a missing file in a batch to create', args: ['create', 'valid.session.json', 'missing.session.json'], message: /Cannot read missing\.session\.json/ },
      { what: 'live without --yes', args: ['create', '--target', 'live', ...local, 'valid.session.json'], key: 'live', message: /Add --yes to confirm/ },
      { what: 'a live key for --target test', args: ['create', '--target', 'test', ...local, 'valid.session.json'], key: 'live', message: /holds a live key .* --target test needs a test key/ },
      { what: 'a test key for --target live', args: ['create', '--target', 'live', '--yes', ...local, 'valid.session.json'], message: /holds a test key .* --target live needs a live key/ },
      { what: 'a public key', args: ['create', '--target', 'test', ...local, 'valid.session.json'], key: 'public', message: /public key \(xnd_public_…\): it can only tokenize cards/ },
      { what: 'no key for --target test', args: ['create', '--target', 'test', ...local, 'valid.session.json'], key: null, message: /--target test needs a test secret key in XENDIT_SECRET_KEY/ },
      { what: 'plain http to a remote host', args: ['create', '--target', 'test', '--base-url', 'http://api.example.com', 'valid.session.json'], message: /must use https/ },
      { what: 'get without a running sandbox', args: ['get', 'ps-000000000000000000000000'], message: /forgets its sessions when the command ends/ },
      { what: 'a bad --timeout', args: ['create', '--timeout', '0', 'valid.session.json'], message: /--timeout takes a number of seconds from 1 to 600/ },
      { what: 'cancel without an id', args: ['cancel'], message: /cancel takes one payment_session_id/ },
    ];
    for (const c of cases) {
      it(c.what, async () => {
        const before = postsSeen();
        const key = c.key === null ? null : c.key === 'live' ? liveKey : c.key === 'public' ? publicKey : testKey;
        const run = await cli(c.args, key);
        assert.equal(run.code, 4, run.stdout + run.stderr);
        assert.equal(run.stdout, '');
        assert.match(run.stderr, c.message);
        assert.equal(postsSeen(), before);
      });
    }
  });

  describe('sandbox', () => {
    it('prints its URL line, serves create and get, and stops on SIGTERM with exit 0', async () => {
      const server = startCli(['sandbox', '--port', '0'], { cwd: dir, env: env() });
      const url = await waitFor('the URL line', () => /^Xendit sandbox on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(server.stdout())?.[1]);
      const created = await cli(['create', '--format', 'json', '--base-url', url, 'valid.session.json']);
      assert.equal(created.code, 0, created.stdout + created.stderr);
      const id = (json(created) as Entry[])[0]?.result?.session?.payment_session_id ?? '';
      assert.equal((await cli(['get', '--base-url', url, id])).code, 0);
      assert.match(server.stderr(), /POST \/sessions → 201/);
      server.child.kill('SIGTERM');
      const exited = await Promise.race([server.exited, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the sandbox did not stop within 5 s')), 5_000))]);
      assert.deepEqual(exited, { code: 0, signal: null });
    });

    it('sends payment_session.completed to --webhook-url with --callback-token, and never prints the token', async () => {
      const receiver = await startWebhookReceiver();
      const token = `token-${fakeKey('development').slice(-16)}`;
      registerSecret(token);
      try {
        const server = startCli(['sandbox', '--port', '0', '--webhook-url', receiver.url, '--callback-token', token], { cwd: dir, env: env() });
        const url = await waitFor('the URL line', () => /^Xendit sandbox on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(server.stdout())?.[1]);
        const created = await cli(['create', '--format', 'json', '--base-url', url, 'valid.session.json']);
        const id = (json(created) as Entry[])[0]?.result?.session?.payment_session_id ?? '';
        // What the checkout page's Pay button does.
        const paid = await fetch(`${url}/checkout/${id}/pay`, { method: 'POST', redirect: 'manual' });
        assert.equal(paid.status, 303);
        const delivery = await Promise.race([
          receiver.delivered('payment_session.completed'),
          new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no webhook within 5 s')), 5_000)),
        ]);
        assert.equal(delivery.headers['x-callback-token'], token);
        assert.equal(delivery.body.data.payment_session_id, id);
        server.child.kill('SIGTERM');
        assert.deepEqual(await server.exited, { code: 0, signal: null });
      } finally {
        await receiver.close();
      }
    });

    it('refuses a port in use with exit 4', async () => {
      const port = new URL(sandbox.baseUrl).port;
      const run = await cli(['sandbox', '--port', port]);
      assert.equal(run.code, 4, run.stdout + run.stderr);
      assert.match(run.stderr, new RegExp(`Port ${port} is in use`));
    });
  });

  describe('the code cache', () => {
    /** A runner whose code cache lives in a home of its own, and that cache's folder. */
    function withOwnCache(): { cacheDir: string; run(args: string[]): Promise<CliRun> } {
      const home = mkdtempSync(join(dir, 'home-'));
      return {
        cacheDir: join(home, 'cache', 'xendit-sessions'),
        run: (args) => runCli(args, { cwd: dir, env: { ...env(), HOME: home, XDG_CACHE_HOME: join(home, 'cache') } }),
      };
    }

    it('is written on the first run and used after; a corrupt cache is replaced, never trusted', async () => {
      const { cacheDir, run } = withOwnCache();
      assert.equal((await run(['validate', 'valid.session.json'])).code, 0);
      const [model] = readdirSync(cacheDir).filter((name) => name.startsWith('model-'));
      assert.ok(model, 'no cache for the model bundle');
      const written = readFileSync(join(cacheDir, model));
      assert.equal((await run(['validate', 'valid.session.json'])).code, 0);
      assert.deepEqual(readFileSync(join(cacheDir, model)), written, 'a usable cache was rewritten');
      writeFileSync(join(cacheDir, model), Buffer.alloc(written.length, 7));
      const afterCorruption = await run(['validate', 'invalid.session.json']);
      assert.equal(afterCorruption.code, 1, afterCorruption.stderr);
      assert.match(afterCorruption.stdout, /invalid\.session\.json:5:13: error/);
      assert.deepEqual(readdirSync(cacheDir).filter((name) => name.startsWith('model-')), [model]);
      assert.notDeepEqual(readFileSync(join(cacheDir, model)), Buffer.alloc(written.length, 7));
    });

    // A create changes a V8 flag before it loads the client, and V8 refuses a cache made under other flags: each
    // bundle's cache must be made under the flags its next load sees, whichever command comes next.
    it('stays valid from one command to the next: no cache is rewritten once every bundle has one', async () => {
      const cached = withOwnCache();
      const cacheDir = cached.cacheDir;
      const run = async (args: string[], expectedCode = 0) => {
        const result = await cached.run(args);
        assert.equal(result.code, expectedCode, `${args.join(' ')}: ${result.stdout}${result.stderr}`);
      };
      const create = ['create', '--target', 'sandbox', '--base-url', sandbox.baseUrl, 'valid.session.json'];
      const snapshot = () => Object.fromEntries(readdirSync(cacheDir).map((name) => [name, readFileSync(join(cacheDir, name)).toString('base64')]));
      await run(create);
      const first = snapshot();
      assert.deepEqual(Object.keys(first).map((name) => name.split('-')[0]).sort(), ['client', 'model']);
      // A get of an unknown id is answered 404 (exit 2): it still loads both bundles, which is all it is here for.
      const steps: [string[], number][] = [[['validate', 'valid.session.json'], 0], [create, 0], [['get', '--target', 'sandbox', '--base-url', sandbox.baseUrl, 'ps-unknown'], 2], [['validate', 'valid.session.json'], 0]];
      for (const [args, expectedCode] of steps) {
        await run(args, expectedCode);
        assert.deepEqual(snapshot(), first, `the cache changed after ${args[0]}`);
      }
    });
  });

  // Pipes, sockets and files are written with fs.writeSync, a terminal through Node's stream (see output.ts).
  describe('output', () => {
    it('writes all of a large output through a pipe its reader drains slowly', async () => {
      // 4,000 empty items, each missing its six required fields: megabytes of problems as JSON.
      writeFileSync(file('many-problems.session.json'), JSON.stringify({ ...valid, items: Array.from({ length: 4000 }, () => ({})) }));
      const run = startCli(['validate', '--format', 'json', 'many-problems.session.json'], { cwd: dir, env: env() });
      // The socket pair's buffer fills while the reader is paused: the CLI has to wait, not drop or fail.
      run.child.stdout?.pause();
      await new Promise((r) => setTimeout(r, 300));
      run.child.stdout?.resume();
      const { code } = await run.exited;
      assert.equal(code, 1, run.stderr());
      assert.ok(run.stdout().length > 1024 * 1024, `only ${run.stdout().length} characters came through`);
      const [report] = JSON.parse(run.stdout()) as { errors: number; problems: unknown[] }[];
      assert.equal(report.errors, 24_000);
      assert.equal(report.problems.length, 24_000);
    });

    it('writes into a file given as its stdout', async () => {
      const outFile = file('validate-output.txt');
      const fd = openSync(outFile, 'w');
      try {
        const child = spawn(process.execPath, [cliPath, 'validate', 'invalid.session.json'], { cwd: dir, env: { PATH: process.env.PATH, HOME: dir }, stdio: ['ignore', fd, 'pipe'] });
        const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
        assert.equal(code, 1);
      } finally {
        closeSync(fd);
      }
      assert.match(readFileSync(outFile, 'utf8'), /^invalid\.session\.json:5:13: error/m);
    });

    it('keeps its exit code, and says nothing of an error, when the reader of its output goes away (| head)', async () => {
      const run = startCli(['validate', 'invalid.session.json', 'syntax.session.json'], { cwd: dir, env: env() });
      run.child.stdout?.destroy();
      const { code } = await run.exited;
      assert.equal(code, 1);
      assert.doesNotMatch(run.stderr(), /internal error|EPIPE/);
    });
  });

  describe('help', () => {
    it('--help lists the commands and documents every exit code', async () => {
      const run = await cli(['--help']);
      assert.equal(run.code, 0);
      for (const command of ['validate', 'create', 'get', 'cancel', 'sandbox']) assert.match(run.stdout, new RegExp(`xendit-sessions ${command} `));
      for (const code of [0, 1, 2, 3, 4]) assert.match(run.stdout, new RegExp(`^ {2}${code} {2}\\S`, 'm'));
    });
  });
});
