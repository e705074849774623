// The built CLI's validate command, its usage errors (exit 4, nothing sent) and its --help.
// Shared setup (session files, sandbox, keys) is in cliFixture.ts; all traffic stays on 127.0.0.1.
import * as assert from 'node:assert/strict';
import { json, useCliFixture, type Entry } from './cliFixture';

describe('xendit-sessions (the built CLI, run as a process)', function () {
  const { cli, postsSeen, testKey, liveKey, publicKey } = useCliFixture(this);

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

    it('exits 1 for a file that holds a secret key, saying where it is without printing it', async () => {
      const run = await cli(['validate', '--format', 'json', 'keyed.session.json']);
      assert.equal(run.code, 1, run.stdout + run.stderr);
      const [keyed] = json(run) as { valid: boolean; problems: Entry['problems'] }[];
      assert.equal(keyed?.valid, false);
      assert.deepEqual(
        keyed?.problems.map((p) => [p.severity, p.code, p.message.slice(0, 45)]),
        [['error', 'SECRET_KEY_IN_REQUEST', 'metadata.note holds a Xendit test secret key.']],
      );
      // runCli itself fails any run whose stdout or stderr holds the key or its Base64 forms.
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

  describe('help', () => {
    it('--help lists the commands and documents every exit code', async () => {
      const run = await cli(['--help']);
      assert.equal(run.code, 0);
      for (const command of ['validate', 'create', 'get', 'cancel', 'sandbox']) assert.match(run.stdout, new RegExp(`xendit-sessions ${command} `));
      for (const code of [0, 1, 2, 3, 4]) assert.match(run.stdout, new RegExp(`^ {2}${code} {2}\\S`, 'm'));
    });
  });
});
