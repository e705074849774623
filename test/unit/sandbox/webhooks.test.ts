import * as assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSandbox, sandboxTestKey, type SandboxHandle, type SandboxOptions } from '../../../src/sandbox/sandboxServer';
import { ANSWER_LIMIT } from '../../../src/sandbox/webhookDispatcher';
import { WebhookEvent } from '../../../src/sessions/webhookEvent';
import { HttpCaller } from '../../helpers/httpCall';
import { minimalPay } from '../../helpers/sessionRequests';
import { startWebhookReceiver, type WebhookReceiver } from '../../helpers/webhookReceiver';

interface Opened {
  readonly sandbox: SandboxHandle;
  readonly http: HttpCaller;
  readonly hooks: WebhookReceiver;
  readonly logs: string[];
  readonly key: string;
  readonly token: string;
  create(body?: Record<string, unknown>): Promise<string>;
}

/** A sandbox forwarding to a receiver with a fresh token, closed after `test`. */
async function withForwarding(options: SandboxOptions, test: (t: Opened) => Promise<void>): Promise<void> {
  const hooks = await startWebhookReceiver();
  const token = `tok-${sandboxTestKey().slice(-20)}`;
  const logs: string[] = [];
  const sandbox = await startSandbox({ webhookUrl: hooks.url, callbackToken: token, log: (l) => logs.push(l), webhookRetryDelaysMs: [5, 5, 5], ...options });
  const http = new HttpCaller(sandbox.baseUrl);
  const key = sandboxTestKey();
  const create = async (body: Record<string, unknown> = minimalPay) => {
    const res = await http.call('POST', '/sessions', { key, body });
    assert.equal(res.status, 201, res.text);
    return res.json.payment_session_id as string;
  };
  try {
    await test({ sandbox, http, hooks, logs, key, token, create });
  } finally {
    await http.close();
    await sandbox.close();
    await hooks.close();
  }
}

describe('sandbox webhooks: the event log', () => {
  it('records a payment as payment_session.completed in the docs shape, built from the Session model, and forwards it with the token', async () => {
    await withForwarding({}, async (t) => {
      const id = await t.create({ ...minimalPay, reference_id: 'order-77' });
      await t.http.call('POST', `/checkout/${id}/pay`, { rawBody: '' });
      const got = await t.hooks.delivered('payment_session.completed');
      assert.equal(got.headers['x-callback-token'], t.token);
      assert.deepEqual(Object.keys(got.body).sort(), ['business_id', 'created', 'data', 'event']);
      assert.equal(WebhookEvent.safeParse(got.body).success, true);
      await t.sandbox.webhooksSettled();
      const [record] = t.sandbox.webhooks.events();
      assert.deepEqual([record.event, record.sessionId, record.referenceId, record.status, record.outcome], ['payment_session.completed', id, 'order-77', 'COMPLETED', 'delivered']);
      assert.deepEqual(record.payload, got.body);
      assert.equal(record.attempts.length, 1);
      assert.equal(record.attempts[0].status, 200);
    });
  });

  it('retries a 500 and lists every attempt with its status, answer and time, and never the token', async () => {
    await withForwarding({}, async (t) => {
      t.hooks.failFirst([500, 500]);
      // A handler that echoes the token in its error answer: the recorded answer must not keep it.
      t.hooks.failWith(`boom ${t.token} ${'x'.repeat(ANSWER_LIMIT + 100)}`);
      const id = await t.create();
      await t.http.call('POST', `/checkout/${id}/pay`, { rawBody: '' });
      await t.hooks.delivered('payment_session.completed');
      await t.sandbox.webhooksSettled();
      const [record] = t.sandbox.webhooks.events();
      assert.deepEqual(
        record.attempts.map((a) => [a.attempt, a.kind, a.status]),
        [
          [1, 'automatic', 500],
          [2, 'automatic', 500],
          [3, 'automatic', 200],
        ],
      );
      assert.match(record.attempts[0].answer ?? '', /^boom \[redacted\] x+…$/, 'the answer is cut, with an ellipsis');
      assert.ok((record.attempts[0].answer?.length ?? 0) <= ANSWER_LIMIT + 1);
      assert.match(record.attempts[0].at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      assert.equal(record.outcome, 'delivered');
      const everything = JSON.stringify(t.sandbox.webhooks.events()) + t.logs.join('\n');
      assert.equal(everything.includes(t.token), false);
    });
  });

  it('gives up after the last retry, and Resend delivers the same event again once the handler is fixed', async () => {
    await withForwarding({ webhookRetryDelaysMs: [1] }, async (t) => {
      t.hooks.failFirst([503, 503]);
      const id = await t.create();
      await t.http.call('POST', `/checkout/${id}/pay`, { rawBody: '' });
      await t.sandbox.webhooksSettled();
      const [record] = t.sandbox.webhooks.events();
      assert.equal(record.outcome, 'failed');
      assert.ok(t.logs.some((l) => /gave up after 2 attempts/.test(l)), t.logs.join('\n'));
      const again = await t.sandbox.webhooks.resend(record.id);
      assert.equal(again?.status, 200);
      assert.equal(again?.kind, 'resend');
      assert.equal(record.outcome, 'delivered');
      assert.deepEqual(t.hooks.deliveries.map((d) => d.answered), [503, 503, 200]);
      assert.deepEqual(t.hooks.deliveries[2].body, record.payload, 'the same event, byte for byte');
    });
  });

  it('keeps an event delivered when a later resend of it fails (a handler refusing a duplicate, say)', async () => {
    await withForwarding({}, async (t) => {
      const id = await t.create();
      await t.http.call('POST', `/checkout/${id}/pay`, { rawBody: '' });
      await t.sandbox.webhooksSettled();
      const [record] = t.sandbox.webhooks.events();
      assert.equal(record.outcome, 'delivered');
      t.hooks.failFirst([409]);
      const again = await t.sandbox.webhooks.resend(record.id);
      assert.equal(again?.status, 409);
      assert.equal(record.outcome, 'delivered', 'a refused resend undid the delivery');
      assert.deepEqual(record.attempts.map((a) => a.status), [200, 409]);
    });
  });

  it('does not retry a timeout, as Xendit does not', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    try {
      await withForwarding({ webhookTimeoutMs: 100 }, async (t) => {
        t.sandbox.webhooks.setTarget({ url: `http://127.0.0.1:${(silent.address() as AddressInfo).port}/hook`, token: t.token });
        const id = await t.create();
        await t.http.call('POST', `/checkout/${id}/pay`, { rawBody: '' });
        await t.sandbox.webhooksSettled();
        const [record] = t.sandbox.webhooks.events();
        assert.equal(record.attempts.length, 1);
        assert.match(record.attempts[0].error ?? '', /timed out/);
        assert.ok(t.logs.some((l) => /not retried after a timeout/.test(l)), t.logs.join('\n'));
      });
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((r) => silent.close(() => r()));
    }
  });

  it('records events without a forward URL as not forwarded, and keeps only the newest maxWebhookEvents', async () => {
    await withForwarding({ maxWebhookEvents: 2 }, async (t) => {
      t.sandbox.webhooks.setTarget(undefined);
      const ids = [await t.create(), await t.create(), await t.create()];
      for (const id of ids) await t.http.call('POST', `/checkout/${id}/pay`, { rawBody: '' });
      assert.deepEqual(
        t.sandbox.webhooks.events().map((r) => [r.sessionId, r.outcome]),
        [
          [ids[1], 'not-forwarded'],
          [ids[2], 'not-forwarded'],
        ],
      );
      assert.equal(t.hooks.deliveries.length, 0);
    });
  });
});

describe('sandbox webhooks: triggers', () => {
  it('POST /_sandbox/sessions/{id}/expire expires it now and emits payment_session.expired', async () => {
    await withForwarding({}, async (t) => {
      const id = await t.create();
      const res = await t.http.call('POST', `/_sandbox/sessions/${id}/expire`, { key: t.key });
      assert.equal(res.status, 200, res.text);
      assert.equal(res.json.status, 'EXPIRED');
      const got = await t.hooks.delivered('payment_session.expired');
      assert.equal(got.body.data.payment_session_id, id);
      assert.equal(got.body.data.status, 'EXPIRED');
      const again = await t.http.call('POST', `/_sandbox/sessions/${id}/complete`, { key: t.key });
      assert.equal(again.status, 422);
      assert.equal(again.json.error_code, 'INVALID_SESSION_STATUS');
    });
  });

  it('complete pays it; cancel sends no webhook; another key sees 404', async () => {
    await withForwarding({}, async (t) => {
      const paid = await t.create();
      const canceled = await t.create();
      assert.equal((await t.http.call('POST', `/_sandbox/sessions/${paid}/complete`, { key: sandboxTestKey() })).status, 404);
      assert.equal((await t.http.call('POST', `/_sandbox/sessions/${paid}/complete`, { key: t.key })).json.status, 'COMPLETED');
      assert.equal((await t.http.call('POST', `/_sandbox/sessions/${canceled}/cancel`, { key: t.key })).json.status, 'CANCELED');
      assert.equal((await t.http.call('POST', `/_sandbox/sessions/${canceled}/complete`)).status, 401);
      await t.sandbox.webhooksSettled();
      assert.deepEqual(
        t.sandbox.webhooks.events().map((r) => [r.event, r.sessionId]),
        [['payment_session.completed', paid]],
      );
      assert.ok(t.logs.some((l) => l.includes(`${canceled} CANCELED (no webhook`)), t.logs.join('\n'));
    });
  });

  it('trigger() does the same in-process, for the editor', async () => {
    await withForwarding({}, async (t) => {
      const id = await t.create();
      const result = t.sandbox.trigger(id, 'expire');
      assert.equal(result.ok && result.event, 'payment_session.expired');
      await t.hooks.delivered('payment_session.expired');
      const second = t.sandbox.trigger(id, 'complete');
      assert.deepEqual(second, { ok: false, reason: 'not-active', status: 'EXPIRED' });
      assert.deepEqual(t.sandbox.trigger('ps-000000000000000000000000', 'cancel'), { ok: false, reason: 'not-found' });
    });
  });
});
