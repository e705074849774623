import * as assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { closedPort } from '../../helpers/faultServer';
import { HttpCaller } from '../../helpers/httpCall';
import { repoRoot } from '../../helpers/repoRoot';
import { startWebhookReceiver } from '../../helpers/webhookReceiver';
import { minimalPay } from '../../helpers/sessionRequests';

const MAIN = join(repoRoot, 'out', 'src', 'sandbox', 'main.js');

/** Starts `sandbox` as its own process; resolves with its first stdout line. */
function startProcess(args: string[], env: NodeJS.ProcessEnv = withoutCallbackToken()): { child: ChildProcessWithoutNullStreams; firstLine: Promise<string>; exited: Promise<{ code: number | null; stderr: string }> } {
  const child = spawn(process.execPath, [MAIN, ...args], { stdio: 'pipe', env });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
  const firstLine = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    void exited.then(({ code, stderr: err }) => reject(new Error(`the sandbox exited with ${code}: ${err}`)));
  });
  return { child, firstLine, exited };
}

/** This process's environment without XENDIT_CALLBACK_TOKEN, so a developer's own cannot change what is tested. */
function withoutCallbackToken(): NodeJS.ProcessEnv {
  const { XENDIT_CALLBACK_TOKEN: _mine, ...env } = process.env;
  return env;
}

describe('npm run sandbox (src/sandbox/main.ts)', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`prints its base URL and a test key on one line, serves, and stops cleanly on ${signal}`, async () => {
      const { child, firstLine, exited } = startProcess(['--port', '0']);
      try {
        const line = await firstLine;
        const match = /^Xendit sandbox on (http:\/\/127\.0\.0\.1:(\d+)) · test key: (xnd_development_[A-Za-z0-9]+)$/.exec(line);
        assert.ok(match, line.replace(/xnd_\S+/, '[key]'));
        assert.ok(Number(match[2]) > 0);
        const http = new HttpCaller(match[1]);
        const created = await http.call('POST', '/sessions', { key: match[3], body: minimalPay });
        await http.close();
        assert.equal(created.status, 201, created.text);
        child.kill(signal);
        const { code, stderr } = await exited;
        assert.equal(code, 0);
        assert.match(stderr, /\[sandbox\] POST \/sessions → 201/);
        assert.equal(stderr.includes(match[3]), false, 'the log has no key in it');
      } finally {
        child.kill('SIGKILL');
      }
    });
  }

  it('listens on the port it is given', async () => {
    const port = await closedPort();
    const { child, firstLine, exited } = startProcess(['--port', String(port), '--quiet']);
    try {
      assert.ok((await firstLine).includes(`http://127.0.0.1:${port} `));
      child.kill('SIGTERM');
      assert.equal((await exited).code, 0);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('refuses a bad option with the usage and exit code 4', async () => {
    for (const args of [['--port', 'x'], ['--port', '70000'], ['--frobnicate']]) {
      const { exited } = startProcess(args);
      const { code, stderr } = await exited;
      assert.equal(code, 4, args.join(' '));
      assert.match(stderr, /usage: sandbox \[--port N\]/);
    }
  });

  it('refuses, before it serves, a webhook URL the callback token must not travel to', async () => {
    for (const url of ['http://webhooks.example.com/x', 'https://u:p@webhooks.example.com/x']) {
      const { child, firstLine, exited } = startProcess(['--port', '0', '--webhook-url', url, '--callback-token', 't']);
      try {
        // A sandbox that takes the URL prints its first line and serves: that is the failure, not a hang.
        const outcome = await Promise.race([exited, firstLine.then(() => 'served' as const, () => exited)]);
        assert.notEqual(outcome, 'served', `${url} was taken`);
        assert.equal(typeof outcome === 'object' ? outcome.code : undefined, 4, url);
        assert.match(typeof outcome === 'object' ? outcome.stderr : '', /--webhook-url: The forward URL must/);
      } finally {
        child.kill('SIGKILL');
      }
    }
  });

  it('forwards webhooks with a token even when none is given: one made for the run, shown once', async () => {
    const hooks = await startWebhookReceiver();
    const { child, firstLine, exited } = startProcess(['--port', '0', '--webhook-url', hooks.url]);
    try {
      const match = /^Xendit sandbox on (http:\/\/127\.0\.0\.1:\d+) · test key: (xnd_development_[A-Za-z0-9]+)$/.exec(await firstLine);
      assert.ok(match);
      const http = new HttpCaller(match[1]);
      const created = await http.call('POST', '/sessions', { key: match[2], body: minimalPay });
      assert.equal(created.status, 201, created.text);
      await http.call('POST', `/checkout/${String(created.json.payment_session_id)}/pay`);
      await http.close();
      const delivery = await hooks.delivered('payment_session.completed');
      const token = delivery.headers['x-callback-token'];
      assert.ok(typeof token === 'string' && token.length >= 24, 'the delivery came without a callback token');
      child.kill('SIGTERM');
      const { code, stderr } = await exited;
      assert.equal(code, 0);
      assert.equal(stderr.split(token).length - 1, 1, 'the token is not shown exactly once');
      assert.match(stderr, /Callback token for this run \(put it in your handler's config; it is not shown again\): /);
    } finally {
      child.kill('SIGKILL');
      await hooks.close();
    }
  });
});
