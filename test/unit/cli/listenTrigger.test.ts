// `xendit-sessions listen` and `trigger` as processes, with a real webhook receiver on 127.0.0.1: the event and
// each delivery printed as they happen, the token sent and never printed, Ctrl+C, and every exit code of trigger.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWebhookReceiver, type WebhookReceiver } from '../../helpers/webhookReceiver';
import { ensureBuilt, fakeKey, killAll, registerSecret, runCli, startCli, waitFor, type CliServer } from './cliProcess';

describe('xendit-sessions listen and trigger', function () {
  this.timeout(60_000);
  let dir: string;
  let receiver: WebhookReceiver;
  const testKey = fakeKey('development');
  const token = `cbt-${fakeKey('development').slice(-24)}`;
  const env = { XENDIT_SECRET_KEY: testKey };
  const cli = (args: string[]) => runCli(args, { cwd: dir, env });

  /** A listen process forwarding to the receiver; resolves with it and its sandbox URL. */
  async function listen(extra: string[] = ['--callback-token', token]): Promise<{ server: CliServer; url: string }> {
    const server = startCli(['listen', '--forward-to', receiver.url, ...extra], { cwd: dir, env });
    const url = await waitFor('the URL line', () => /^Xendit sandbox on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(server.stdout())?.[1]);
    return { server, url };
  }

  before(function () {
    this.timeout(180_000);
    ensureBuilt();
    registerSecret(testKey);
    registerSecret(token);
    dir = mkdtempSync(join(tmpdir(), 'xendit-sessions-listen-'));
    writeFileSync(join(dir, 'order.session.json'), JSON.stringify({ reference_id: 'listen-order-1', session_type: 'PAY', currency: 'IDR', amount: 25000, mode: 'PAYMENT_LINK', country: 'ID' }));
    writeFileSync(join(dir, 'bad.session.json'), JSON.stringify({ reference_id: 'listen-bad-1', session_type: 'PAY', currency: 'IDR', amount: 'lots', mode: 'PAYMENT_LINK', country: 'ID' }));
  });

  beforeEach(async () => {
    receiver = await startWebhookReceiver();
  });

  afterEach(async () => {
    killAll();
    await receiver.close();
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('listen forwards the event trigger completed makes, with the token, and prints the event and its delivery', async () => {
    const { server, url } = await listen();
    const run = await cli(['trigger', 'completed', '--base-url', url]);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const id = /✔ payment_session\.completed {2}(ps-[0-9a-f]{24}) {2}trigger-\d+ {2}COMPLETED/.exec(run.stdout)?.[1];
    assert.ok(id, run.stdout);
    const got = await receiver.delivered('payment_session.completed');
    assert.equal(got.headers['x-callback-token'], token);
    assert.equal(got.body.data.payment_session_id, id);
    assert.deepEqual(Object.keys(got.body).sort(), ['business_id', 'created', 'data', 'event']);
    await waitFor('the delivery line', () => /→ attempt 1 {2}HTTP 200/.exec(server.stdout()));
    assert.match(server.stdout(), new RegExp(`payment_session\\.completed {2}${id} {2}trigger-\\d+ {2}COMPLETED {2}evt-`));
    server.child.kill('SIGINT');
    assert.deepEqual(await server.exited, { code: 0, signal: null });
  });

  it('trigger expired FILE creates the session from the file and expires it; a failed delivery is printed with its answer', async () => {
    receiver.failFirst([500]);
    const { server, url } = await listen();
    const run = await cli(['trigger', 'expired', 'order.session.json', '--base-url', url, '--format', 'json']);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const result = JSON.parse(run.stdout) as { event: string; reference_id: string; status: string };
    assert.deepEqual([result.event, result.reference_id, result.status], ['payment_session.expired', 'listen-order-1', 'EXPIRED']);
    await waitFor('the failed attempt', () => /→ attempt 1 {2}HTTP 500 {2}\d+ ms {2}answer: try again {2}next attempt at \S+Z/.exec(server.stdout()));
    assert.equal(receiver.deliveries[0].body.data.amount, 25000);
    // Ctrl+C while a retry waits: exit 0, and it says what was left undelivered.
    server.child.kill('SIGINT');
    assert.deepEqual(await server.exited, { code: 0, signal: null });
    assert.match(server.stderr(), /stopped \(1 event still waiting for a retry were not delivered\)/);
  });

  it('listen without a token makes one, shows it once, and sends it', async () => {
    const { server, url } = await listen([]);
    const shown = await waitFor('the token line', () => /Callback token for this run .*: (\S+)$/m.exec(server.stderr())?.[1]);
    assert.equal((await cli(['trigger', 'completed', '--base-url', url])).code, 0);
    const got = await receiver.delivered('payment_session.completed');
    assert.equal(got.headers['x-callback-token'], shown);
    server.child.kill('SIGTERM');
    await server.exited;
    assert.equal((server.stdout() + server.stderr()).split(shown).length - 1, 1, 'the token is printed exactly once');
  });

  it('sandbox --webhook-url sends a token as Xendit does: XENDIT_CALLBACK_TOKEN, else one made and shown once', async () => {
    const sandboxAt = async (extraEnv: Record<string, string>) => {
      const server = startCli(['sandbox', '--port', '0', '--webhook-url', receiver.url], { cwd: dir, env: { ...env, ...extraEnv } });
      const url = await waitFor('the URL line', () => /^Xendit sandbox on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(server.stdout())?.[1]);
      return { server, url };
    };
    const fromEnv = await sandboxAt({ XENDIT_CALLBACK_TOKEN: token });
    assert.equal((await cli(['trigger', 'completed', '--base-url', fromEnv.url])).code, 0);
    assert.equal((await receiver.delivered('payment_session.completed')).headers['x-callback-token'], token);
    assert.doesNotMatch(fromEnv.server.stderr(), /Callback token for this run/);
    fromEnv.server.child.kill('SIGTERM');
    await fromEnv.server.exited;

    const made = await sandboxAt({});
    const shown = await waitFor('the token line', () => /Callback token for this run .*: (\S+)$/m.exec(made.server.stderr())?.[1]);
    const before = receiver.deliveries.length;
    assert.equal((await cli(['trigger', 'completed', '--base-url', made.url])).code, 0);
    await waitFor('a second delivery', () => receiver.deliveries.length > before);
    assert.equal(receiver.deliveries.at(-1)?.headers['x-callback-token'], shown);
    made.server.child.kill('SIGTERM');
    await made.server.exited;
    assert.equal((made.server.stdout() + made.server.stderr()).split(shown).length - 1, 1, 'the token is printed exactly once');
  });

  it('trigger exit codes: 1 for a file with errors, 2 when the server is no sandbox, 3 when nothing answers, 4 for usage', async () => {
    const { url } = await listen();
    const bad = await cli(['trigger', 'completed', 'bad.session.json', '--base-url', url]);
    assert.equal(bad.code, 1, bad.stderr);
    assert.match(bad.stderr, /bad\.session\.json:\d+:\d+: error: .*amount/);
    // The receiver answers 200 "ok" to anything: not a Sessions API answer.
    const notSandbox = await cli(['trigger', 'completed', '--base-url', new URL(receiver.url).origin]);
    assert.equal(notSandbox.code, 2, notSandbox.stdout + notSandbox.stderr);
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as { port: number }).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const dead = await cli(['trigger', 'completed', '--base-url', `http://127.0.0.1:${port}`]);
    assert.equal(dead.code, 3, dead.stdout + dead.stderr);
    for (const args of [['trigger', 'completed'], ['trigger', 'canceled', '--base-url', url], ['trigger', 'completed', '--base-url', 'https://api.xendit.co'], ['listen'], ['listen', '--forward-to', 'http://example.com/hook']]) {
      const run = await cli(args);
      assert.equal(run.code, 4, `${args.join(' ')}: ${run.stderr}`);
    }
    assert.deepEqual(receiver.deliveries.filter((d) => d.body?.event), [], 'no event was made');
  });
});
