// The sandbox's webhook delivery, its test-mode rate limiting, and the test key it accepts.
import * as assert from 'node:assert/strict';
import { sandboxTestKey } from '../../../src/sandbox/sandboxServer';
import type { CallResult } from '../../helpers/httpCall';
import { customerId, minimalPay } from '../../helpers/sessionRequests';
import { startWebhookReceiver } from '../../helpers/webhookReceiver';
import { assertApiError, formAction, withSandbox, type Opened } from './sandboxHarness';

/** Runs `change` as the first delivery attempt is announced (before its retry waits), and resolves then. */
function onFirstAttempt(t: Opened, change: () => void): Promise<void> {
  return new Promise((resolve) => {
    const watch = t.sandbox.webhooks.onChange((c) => {
      if (c.kind !== 'attempt') return;
      watch.dispose();
      change();
      resolve();
    });
  });
}

describe('sandbox: webhook delivery', () => {
  it('retries a failed delivery with back-off and logs each attempt', async () => {
    await withSandbox({ webhooks: [500, 503], callbackToken: 'retry-token', webhookRetryDelaysMs: [5, 5, 5, 5, 5, 5] }, async (t) => {
      const { key, hooks } = t;
      const created = (await t.http.call('POST', '/sessions', { key, body: minimalPay })).json;
      const page = await t.http.call('GET', created.payment_link_url);
      await t.http.call('POST', formAction(created.payment_link_url, page.text, 'pay'), { rawBody: '' });
      await hooks.delivered('payment_session.completed');
      await t.sandbox.webhooksSettled();
      assert.deepEqual(
        hooks.deliveries.map((d) => d.answered),
        [500, 503, 200],
      );
      for (const d of hooks.deliveries) assert.equal(d.headers['x-callback-token'], 'retry-token');
      const lines = t.logs.filter((l) => l.startsWith('webhook payment_session.completed'));
      assert.equal(lines.length, 3, lines.join('\n'));
      assert.match(lines[0], /HTTP 500 \(attempt 1 of 7\)/);
      assert.match(lines[2], /delivered \(attempt 3/);
    });
  });

  it('retries where forwarding points now: a new URL and token are used, and turned off it stops', async () => {
    // The first attempt fails at the first receiver; while its retry waits, the user points forwarding elsewhere.
    await withSandbox({ webhooks: [500], callbackToken: 'old-token', webhookRetryDelaysMs: [20, 20, 20] }, async (t) => {
      const fixed = await startWebhookReceiver();
      try {
        const moved = onFirstAttempt(t, () => t.sandbox.webhooks.setTarget({ url: fixed.url, token: 'new-token' }));
        const created = (await t.http.call('POST', '/sessions', { key: t.key, body: minimalPay })).json;
        await t.http.call('POST', `${created.payment_link_url}/pay`, { rawBody: '' });
        await moved;
        await t.sandbox.webhooksSettled();
        assert.deepEqual(t.hooks.deliveries.map((d) => d.answered), [500], 'a retry went to the URL the user had replaced');
        assert.deepEqual(fixed.deliveries.map((d) => [d.answered, d.headers['x-callback-token']]), [[200, 'new-token']]);
      } finally {
        await fixed.close();
      }
    });
    await withSandbox({ webhooks: [500, 500, 500, 500], webhookRetryDelaysMs: [20, 20, 20] }, async (t) => {
      const stopped = new Promise<string>((resolve) => t.sandbox.webhooks.onChange((c) => c.kind === 'stopped' && resolve(c.record.outcome)));
      const off = onFirstAttempt(t, () => t.sandbox.webhooks.setTarget(undefined));
      const created = (await t.http.call('POST', '/sessions', { key: t.key, body: minimalPay })).json;
      await t.http.call('POST', `${created.payment_link_url}/pay`, { rawBody: '' });
      await off;
      await t.sandbox.webhooksSettled();
      assert.equal(t.hooks.deliveries.length, 1, 'a retry went out after forwarding was turned off');
      assert.equal(await stopped, 'failed');
      assert.ok(t.logs.some((l) => /not retried, forwarding was turned off/.test(l)), t.logs.join('\n'));
    });
  });

  it('turned off, forwarding ends a retry that waits at once, not at its time', async () => {
    // The first retry would wait an hour: the test ends long before unless turning forwarding off wakes it.
    await withSandbox({ webhooks: [500], webhookRetryDelaysMs: [3_600_000] }, async (t) => {
      const stopped = new Promise<string>((resolve) => t.sandbox.webhooks.onChange((c) => c.kind === 'stopped' && resolve(c.record.outcome)));
      // Turned off once the retry is waiting (the next turn of the event loop after the first attempt).
      const off = onFirstAttempt(t, () => setImmediate(() => t.sandbox.webhooks.setTarget(undefined)));
      const created = (await t.http.call('POST', '/sessions', { key: t.key, body: minimalPay })).json;
      await t.http.call('POST', `${created.payment_link_url}/pay`, { rawBody: '' });
      await off;
      assert.equal(await stopped, 'failed');
      assert.equal(t.hooks.deliveries.length, 1);
      assert.equal(t.sandbox.webhooks.events().at(-1)?.nextAttemptAt, undefined, 'the event still shows a next attempt');
    });
  });

  it('gives up after the last attempt, and says so', async () => {
    await withSandbox({ webhooks: [500, 500], webhookRetryDelaysMs: [1] }, async (t) => {
      const { key, hooks } = t;
      const created = (await t.http.call('POST', '/sessions', { key, body: minimalPay })).json;
      await t.http.call('POST', `${created.payment_link_url}/pay`, { rawBody: '' });
      await t.sandbox.webhooksSettled();
      assert.equal(hooks.deliveries.length, 2);
      assert.ok(t.logs.some((l) => /gave up after 2 attempts/.test(l)), t.logs.join('\n'));
    });
  });
});

describe('sandbox: test-mode rate limiting', () => {
  it('is off unless asked for', async () => {
    await withSandbox({}, async (t) => {
      const { key } = t;
      const res = await t.http.call('GET', '/sessions/ps-000000000000000000000000', { key });
      assert.equal(res.headers['rate-limit-limit'], undefined);
    });
  });

  it('counts requests per endpoint and key, answers 429 RATE_LIMIT_EXCEEDED with Rate-Limit-* headers, and resets after a minute', async () => {
    await withSandbox({ rateLimit: { perMinute: 3 } }, async (t) => {
      const { key } = t;
      const created: CallResult[] = [];
      for (let i = 0; i < 3; i++) created.push(await t.http.call('POST', '/sessions', { key, body: minimalPay }));
      assert.deepEqual(
        created.map((r) => [r.status, r.headers['rate-limit-remaining']]),
        [
          [201, '2'],
          [201, '1'],
          [201, '0'],
        ],
      );
      const over = await t.http.call('POST', '/sessions', { key, body: minimalPay });
      assertApiError(over, 429, 'RATE_LIMIT_EXCEEDED');
      assert.equal(over.headers['rate-limit-limit'], '3');
      assert.equal(over.headers['rate-limit-remaining'], '0');
      assert.equal(Number(over.headers['rate-limit-reset']), 60);
      // Another endpoint and another key have their own windows.
      assert.equal((await t.http.call('GET', `/sessions/${created[0].json.payment_session_id}`, { key })).status, 200);
      assert.equal((await t.http.call('POST', '/sessions', { key: sandboxTestKey(), body: minimalPay })).status, 201);
      t.advanceMinutes(0.5);
      assert.equal(Number((await t.http.call('POST', '/sessions', { key, body: minimalPay })).headers['rate-limit-reset']), 30);
      t.advanceMinutes(0.5);
      assert.equal((await t.http.call('POST', '/sessions', { key, body: minimalPay })).status, 201);
    });
  });

  it('uses 60 a minute when asked with rateLimit: true', async () => {
    await withSandbox({ rateLimit: true }, async (t) => {
      const res = await t.http.call('GET', '/sessions/ps-000000000000000000000000', { key: t.key });
      assert.equal(res.headers['rate-limit-limit'], '60');
      assert.equal(res.headers['rate-limit-remaining'], '59');
    });
  });
});

describe('sandboxTestKey', () => {
  it('makes a fresh test key each time', () => {
    const a = sandboxTestKey();
    assert.match(a, /^xnd_development_[A-Za-z0-9]{32}$/);
    assert.notEqual(a, sandboxTestKey());
  });

  it('is accepted by the sandbox, with a customer_id from the examples', async () => {
    await withSandbox({}, async (t) => {
      const res = await t.http.call('POST', '/sessions', { key: t.key, body: { ...minimalPay, session_type: 'SAVE', amount: 0, customer_id: customerId } });
      assert.equal(res.status, 201, res.text);
      assert.equal(res.json.customer_id, customerId);
    });
  });
});
