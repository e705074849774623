// The built CLI's create command: every exit code, --format json, --junit read back, targets, and the key never shown.
// Shared setup (session files, sandbox, keys) is in cliFixture.ts; all traffic stays on 127.0.0.1.
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { startFaultServer } from '../../helpers/faultServer';
import { json, useCliFixture, type Entry } from './cliFixture';
import { childrenNamed, parseXml } from './junitXml';

describe('xendit-sessions (the built CLI, run as a process)', function () {
  const fx = useCliFixture(this);
  const { cli, file, postsSeen, testKey, liveKey } = fx;

  describe('create', () => {
    it('creates a session in a running sandbox: exit 0 and a line with status, id, link and time', async () => {
      const run = await cli(['create', '--base-url', fx.sandbox.baseUrl, 'valid.session.json']);
      assert.equal(run.code, 0, run.stdout + run.stderr);
      const link = `${fx.sandbox.baseUrl}/checkout/ps-[0-9a-f]{24}`.replace(/\./g, '\\.');
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
      const run = await cli(['create', '--format', 'json', '--base-url', fx.sandbox.baseUrl, 'valid.session.json', 'second.session.json']);
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
      const run = await cli(['create', '--base-url', fx.sandbox.baseUrl, 'invalid.session.json', 'syntax.session.json']);
      assert.equal(run.code, 1, run.stdout + run.stderr);
      assert.match(run.stdout, /^invalid\.session\.json:5:13: error: amount must be a number/m);
      assert.match(run.stdout, /^✖ invalid\.session\.json {2}not sent: 1 error; fix it, or add --force/m);
      assert.match(run.stdout, /^✖ syntax\.session\.json {2}not sent: it is not valid JSON/m);
      assert.equal(postsSeen(), before);
    });

    it('--force sends it anyway: the API answers 400, exit 2, with the errors and what to do', async () => {
      const run = await cli(['create', '--force', '--base-url', fx.sandbox.baseUrl, 'invalid.session.json']);
      assert.equal(run.code, 2, run.stdout + run.stderr);
      assert.match(run.stdout, /^✖ invalid\.session\.json {2}400 INVALID_AMOUNT {2}amount must be a number/m);
      assert.match(run.stdout, /^ {4}\/body\/amount: amount must be a number/m);
      assert.match(run.stdout, /^ {4}→ The amount is not allowed here/m);
    });

    it('a port where nothing listens is a network error: exit 3, with what to do', async () => {
      const run = await cli(['create', '--base-url', fx.closedPortUrl, 'valid.session.json']);
      assert.equal(run.code, 3, run.stdout + run.stderr);
      assert.match(run.stdout, /^✖ valid\.session\.json {2}no answer \(refused\) {2}127\.0\.0\.1:\d+ refused the connection/m);
      assert.match(run.stdout, /^ {4}→ Nothing is listening at that address\. Check --base-url/m);
    });

    it('--timeout bounds the wait for a server that never answers: exit 3, a timeout', async () => {
      // The server never answers: without the timeout the run would only end at the test's own time limit.
      const run = await cli(['create', '--timeout', '1', '--format', 'json', '--base-url', fx.silentUrl, 'valid.session.json']);
      assert.equal(run.code, 3, run.stdout + run.stderr);
      const [entry] = json(run) as Entry[];
      assert.equal(entry?.result?.error?.kind, 'timeout');
      assert.match(entry?.explanation ?? '', /raise --timeout/);
    });

    it('a batch exits with its worst outcome: network 3 over API 2 over validation 1', async () => {
      const batch = ['valid.session.json', 'invalid.session.json'];
      assert.equal((await cli(['create', '--base-url', fx.sandbox.baseUrl, ...batch])).code, 1);
      assert.equal((await cli(['create', '--force', '--base-url', fx.sandbox.baseUrl, ...batch])).code, 2);
      const network = await cli(['create', '--base-url', fx.closedPortUrl, ...batch]);
      assert.equal(network.code, 3);
      assert.match(network.stdout, /^✖ 2 files: 0 created, 1 not sent, 1 network error$/m);
    });

    it('--junit writes a report that reads back: a test case per file, failures for refusals, errors for no answer', async () => {
      const report = file('junit-sandbox.xml');
      const run = await cli(['create', '--junit', report, '--base-url', fx.sandbox.baseUrl, 'valid.session.json', 'invalid.session.json', 'syntax.session.json']);
      assert.equal(run.code, 1);
      const forced = await cli(['create', '--force', '--junit', file('junit-forced.xml'), '--base-url', fx.sandbox.baseUrl, 'hostile.session.json']);
      assert.equal(forced.code, 2);
      const network = await cli(['create', '--junit', file('junit-network.xml'), '--base-url', fx.closedPortUrl, 'valid.session.json']);
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

    it('refuses a --junit path it could not write before sending anything: exit 4, not a crash after the sessions', async () => {
      const before = postsSeen();
      mkdirSync(file('reports'), { recursive: true });
      const folder = await cli(['create', '--junit', file('reports'), '--base-url', fx.sandbox.baseUrl, 'valid.session.json']);
      assert.equal(folder.code, 4, folder.stdout + folder.stderr);
      assert.match(folder.stderr, /--junit .*reports: that is a folder; give a file name, such as .*reports\/sessions\.xml\./);
      // A path through a file, as if it were a folder: ENOTDIR, also before anything is sent.
      const throughFile = await cli(['create', '--junit', file('valid.session.json/report.xml'), '--base-url', fx.sandbox.baseUrl, 'valid.session.json']);
      assert.equal(throughFile.code, 4, throughFile.stdout + throughFile.stderr);
      assert.equal(postsSeen(), before, 'a session was created for a run that refused its report path');
    });

    it('sends --for-user-id and --with-split-rule as headers', async () => {
      const run = await cli(['create', '--format', 'json', '--for-user-id', 'sub-account-7', '--with-split-rule', 'splitru_1', '--base-url', fx.sandbox.baseUrl, 'valid.session.json']);
      assert.equal(run.code, 0, run.stderr);
      const headers = new Map((json(run) as Entry[])[0]?.result?.request.headers);
      assert.equal(headers.get('for-user-id'), 'sub-account-7');
      assert.equal(headers.get('with-split-rule'), 'splitru_1');
    });

    it('--target test and live use the key in XENDIT_SECRET_KEY, and a live key reaches only where --yes sends it', async () => {
      const test = await cli(['create', '--target', 'test', '--base-url', fx.sandbox.baseUrl, 'valid.session.json']);
      assert.equal(test.code, 0, test.stdout + test.stderr);
      // The sandbox refuses live keys, which proves the live key was the one sent, and not printed.
      const live = await cli(['create', '--target', 'live', '--yes', '--verbose', '--format', 'json', '--base-url', fx.sandbox.baseUrl, 'valid.session.json'], liveKey);
      assert.equal(live.code, 2, live.stdout + live.stderr);
      const [entry] = json(live) as Entry[];
      assert.equal(entry?.result?.error?.errorCode, 'INVALID_API_KEY');
      assert.match(entry?.explanation ?? '', /XENDIT_SECRET_KEY/);
    });

    it('never sends a file that holds a secret key, not even with --force: exit 1, where it is, and not the key', async () => {
      const before = postsSeen();
      const run = await cli(['create', '--force', '--base-url', fx.sandbox.baseUrl, 'keyed.session.json']);
      assert.equal(run.code, 1, run.stdout + run.stderr);
      assert.match(run.stdout, /^keyed\.session\.json:\d+:\d+: error: metadata\.note holds a Xendit test secret key\. Sent, it would be stored in the session/m);
      assert.match(run.stdout, /^✖ keyed\.session\.json {2}not sent: it holds a secret key, which the API would keep in the session; remove it \(--force never sends a key\)$/m);
      assert.equal(postsSeen(), before);
      const report = file('junit-keyed.xml');
      await cli(['create', '--junit', report, '--base-url', fx.sandbox.baseUrl, 'keyed.session.json']);
      assert.match(readFileSync(report, 'utf8'), /<failure type="SECRET_KEY_IN_REQUEST"/);
      // runCli itself fails any run whose stdout or stderr holds the key or its Base64 forms.
    });

    it('never prints the key, not even when the API echoes it back or with --verbose', async () => {
      const echo = await startFaultServer('echoHeaders');
      try {
        const run = await cli(['create', '--verbose', '--format', 'json', '--base-url', echo.baseUrl, 'valid.session.json']);
        assert.equal(run.code, 2, run.stdout + run.stderr);
        assert.match(echo.requests[0]?.headers.authorization ?? '', /^Basic /, 'the server did not get the key to echo');
        const [entry] = json(run) as Entry[];
        assert.equal(entry?.result?.error?.errorCode, 'API_VALIDATION_ERROR');
        assert.match(run.stdout, /You sent Basic \[redacted\]/);
        assert.match(run.stderr, /→ POST http:\/\/127\.0\.0\.1:\d+\/sessions/);
        // runCli itself fails any run whose stdout or stderr holds the key or its Base64 forms.
      } finally {
        await echo.close();
      }
    });

    it('never writes the key into the JUnit report either, where a problem message would quote it', async () => {
      const report = file('junit-leaky.xml');
      const run = await cli(['create', '--junit', report, '--base-url', fx.sandbox.baseUrl, 'leaky.session.json']);
      assert.equal(run.code, 1, run.stdout + run.stderr);
      // The model says the key in words wherever a message would quote the value (the output's redaction stays behind it).
      assert.match(run.stdout, /amount must be a number, but it is "\[a Xendit test secret key\]"/);
      const xml = readFileSync(report, 'utf8');
      assert.match(xml, /\[a Xendit test secret key\]/);
      assert.equal(xml.includes(testKey), false);
    });
  });
});
