import * as assert from 'node:assert/strict';
import { parseArgs, UsageError } from '../../../src/cli/args';

// The command line as the CLI reads it, in process: what each form becomes, and the words of each mistake (the
// CLI turns every UsageError into exit code 4; test/unit/cli/cli.validate.test.ts checks that through a real process).
function refused(argv: string[], message: RegExp): void {
  assert.throws(() => parseArgs(argv), (err: unknown) => err instanceof UsageError && message.test(err.message), JSON.stringify(argv));
}

describe('cli args (node:util.parseArgs)', () => {
  it('reads help and version', () => {
    assert.deepEqual(parseArgs(['help']), { name: 'help' });
    assert.deepEqual(parseArgs(['--help']), { name: 'help' });
    assert.deepEqual(parseArgs(['create', 'a.json', '-h']), { name: 'help' });
    assert.deepEqual(parseArgs(['nonsense', '--help']), { name: 'help' });
    assert.deepEqual(parseArgs(['--version']), { name: 'version' });
  });

  it('treats everything after -- as files, even what looks like an option', () => {
    assert.deepEqual(parseArgs(['validate', '--', '-h']), { name: 'validate', files: ['-h'], format: 'text', resolve: false });
    assert.deepEqual(parseArgs(['validate', '--format', 'json', '--', '--help', '--format', 'a.json']), { name: 'validate', files: ['--help', '--format', 'a.json'], format: 'json', resolve: false });
    assert.deepEqual(parseArgs(['get', '--', '-v']), { name: 'get', id: '-v', format: 'text', target: 'sandbox', baseUrl: undefined, yes: false, forUserId: undefined, timeoutSeconds: undefined, verbose: false });
  });

  it('reads files, values in both forms, flags and -v, options before or after the files', () => {
    assert.deepEqual(parseArgs(['validate', 'a.json', '-', 'b.json']), { name: 'validate', files: ['a.json', '-', 'b.json'], format: 'text', resolve: false });
    assert.deepEqual(parseArgs(['create', '--target=test', 'a.json', '--base-url', ' https://x.example ', '--yes', '-v', '--timeout', '2.5', '--for-user-id=sub', '--with-split-rule', 'sr', '--force', '--junit', 'r.xml', '--format', 'json']), {
      name: 'create',
      files: ['a.json'],
      format: 'json',
      target: 'test',
      baseUrl: 'https://x.example',
      yes: true,
      forUserId: 'sub',
      timeoutSeconds: 2.5,
      verbose: true,
      withSplitRule: 'sr',
      force: true,
      junit: 'r.xml',
    });
    assert.deepEqual(parseArgs(['sandbox', '--port', '0', '--webhook-url', 'http://127.0.0.1:9/h', '--callback-token', 't', '--quiet']), { name: 'sandbox', port: 0, webhookUrl: 'http://127.0.0.1:9/h', callbackToken: 't', quiet: true, rejectActiveReferenceReuse: false });
    assert.equal((parseArgs(['create', '--format', 'text', '--format', 'json', 'a.json']) as { format: string }).format, 'json', 'the last value wins');
    assert.equal((parseArgs(['validate', '--resolve', 'a.json']) as { resolve: boolean }).resolve, true);
    refused(['create', '--resolve', 'a.json'], /--resolve does not apply to create/);
  });

  it('takes a value that starts with one dash, and an empty --base-url as none', () => {
    assert.deepEqual((parseArgs(['create', '--junit', '-report.xml', 'a.json']) as { junit?: string }).junit, '-report.xml');
    assert.equal((parseArgs(['create', '--base-url=', 'a.json']) as { baseUrl?: string }).baseUrl, undefined);
  });

  it('refuses each mistake with its own words', () => {
    refused([], /No command given/);
    refused(['--format', 'json'], /A command comes first, before --format/);
    refused(['send', 'a.json'], /Unknown command "send"; the commands are validate, create, get, cancel, sandbox/);
    refused(['create', '--colour', 'a.json'], /^Unknown option --colour\.$/);
    refused(['create', '--colour=red', 'a.json'], /^Unknown option --colour\.$/);
    refused(['create', '-x', 'a.json'], /^Unknown option -x\.$/);
    refused(['validate', '--junit', 'x.xml', 'a.json'], /--junit does not apply to validate/);
    refused(['validate', '-v', 'a.json'], /--verbose does not apply to validate/);
    refused(['create', '--yes=1', 'a.json'], /--yes takes no value/);
    refused(['create', 'a.json', '--timeout'], /--timeout needs a value/);
    refused(['create', '--timeout', '--yes', 'a.json'], /--timeout needs a value/);
    refused(['create', '--timeout', '0', 'a.json'], /--timeout takes a number of seconds from 1 to 600/);
    refused(['create', '--timeout', '', 'a.json'], /--timeout takes a number of seconds from 1 to 600/);
    refused(['validate', '--format', 'xml', 'a.json'], /--format is text or json, not "xml"/);
    refused(['create', '--target', 'prod', 'a.json'], /--target is sandbox, test or live, not "prod"/);
    refused(['validate'], /validate needs at least one request file/);
    refused(['validate', '--'], /validate needs at least one request file/);
    refused(['create'], /create needs at least one request file/);
    refused(['get'], /get takes one payment_session_id/);
    refused(['cancel', 'ps-1', 'ps-2'], /cancel takes one payment_session_id/);
    refused(['sandbox', 'extra'], /sandbox takes no arguments; got "extra"/);
    refused(['sandbox', '--port', '70000'], /--port takes a number from 0 to 65535/);
    refused(['sandbox', '--webhook-url', 'ftp://x'], /--webhook-url: The forward URL must use https/);
    // The callback token goes with every delivery: not over plain http off this machine, nor with credentials.
    refused(['sandbox', '--webhook-url', 'http://webhooks.example.com/x', '--callback-token', 't'], /--webhook-url: The forward URL must use https \(plain http only for localhost or 127\.0\.0\.1\)/);
    refused(['sandbox', '--webhook-url', 'https://u:p@webhooks.example.com/x'], /--webhook-url: The forward URL must not carry a user name or password/);
    refused(['sandbox', '--callback-token', 't'], /--callback-token is sent with webhooks/);
  });
});
