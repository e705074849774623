// The built CLI's get and cancel commands, and its sandbox command serving them.
// Shared setup (session files, sandbox, keys) is in cliFixture.ts; all traffic stays on 127.0.0.1.
import * as assert from 'node:assert/strict';
import { startFaultServer } from '../../helpers/faultServer';
import { startWebhookReceiver } from '../../helpers/webhookReceiver';
import { json, useCliFixture, type Entry } from './cliFixture';
import { fakeKey, registerSecret, startCli, waitFor } from './cliProcess';

describe('xendit-sessions (the built CLI, run as a process)', function () {
  const fx = useCliFixture(this);
  const { cli, env } = fx;

  describe('get and cancel', () => {
    it('get shows a session; cancel cancels it; a second cancel exits 2 with the 422 explained', async () => {
      const created = await cli(['create', '--format', 'json', '--base-url', fx.sandbox.baseUrl, 'valid.session.json']);
      const id = (json(created) as Entry[])[0]?.result?.session?.payment_session_id ?? '';
      assert.match(id, /^ps-[0-9a-f]{24}$/);

      const got = await cli(['get', '--base-url', fx.sandbox.baseUrl, id]);
      assert.equal(got.code, 0, got.stdout + got.stderr);
      assert.match(got.stdout, new RegExp(`^✔ get {2}200 ACTIVE {2}${id} `, 'm'));

      const cancelled = await cli(['cancel', '--format', 'json', '--base-url', fx.sandbox.baseUrl, id]);
      assert.equal(cancelled.code, 0, cancelled.stdout + cancelled.stderr);
      assert.equal((json(cancelled) as { result: { session: { status: string } } }).result.session.status, 'CANCELED');

      const again = await cli(['cancel', '--base-url', fx.sandbox.baseUrl, id]);
      assert.equal(again.code, 2, again.stdout + again.stderr);
      assert.match(again.stdout, /^✖ cancel {2}422 INVALID_SESSION_STATUS {2}Session status is CANCELED, expecting ACTIVE {2}/m);
      assert.match(again.stdout, /^ {4}→ Only ACTIVE sessions can be cancelled/m);
    });

    it('get of an unknown id exits 2 with NOT_FOUND explained', async () => {
      const run = await cli(['get', '--base-url', fx.sandbox.baseUrl, 'ps-000000000000000000000000']);
      assert.equal(run.code, 2);
      assert.match(run.stdout, /404 NOT_FOUND/);
      assert.match(run.stdout, /→ No session with this id exists for this key and target/);
    });
  });

  describe('rate limits', () => {
    it('a 429 says when the limit resets, from the Rate-Limit headers', async () => {
      const server = await startFaultServer('rateLimited');
      try {
        const run = await cli(['get', '--base-url', server.baseUrl, 'ps-000000000000000000000000']);
        assert.equal(run.code, 2, run.stdout + run.stderr);
        assert.match(run.stdout, /429 RATE_LIMIT_EXCEEDED/);
        assert.match(run.stdout, /^ {4}The limit resets in 12\.5 s \(Rate-Limit-Reset, 0 of 60 requests left\)\.$/m);
      } finally {
        await server.close();
      }
    });
  });

  describe('sandbox', () => {
    it('prints its URL line, serves create and get, and stops on SIGTERM with exit 0', async () => {
      const server = startCli(['sandbox', '--port', '0'], { cwd: fx.dir, env: env() });
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
        const server = startCli(['sandbox', '--port', '0', '--webhook-url', receiver.url, '--callback-token', token], { cwd: fx.dir, env: env() });
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
      const port = new URL(fx.sandbox.baseUrl).port;
      const run = await cli(['sandbox', '--port', port]);
      assert.equal(run.code, 4, run.stdout + run.stderr);
      assert.match(run.stderr, new RegExp(`Port ${port} is in use`));
    });
  });
});
