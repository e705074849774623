// The editor keeps webhook events across a window reload and hands them to the next sandbox: restore() takes
// them back (without delivering them again), keeps the bound, and lets Resend deliver one of them. The editor's
// Clear makes the sandbox forget them: forget() stops their retries.
import * as assert from 'node:assert/strict';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebhookDispatcher, type WebhookRecord } from '../../../src/sandbox/webhookDispatcher';
import { startWebhookReceiver } from '../../helpers/webhookReceiver';

function session(id: string): Record<string, unknown> {
  const t = '2026-12-03T00:00:00Z';
  return { payment_session_id: id, created: t, updated: t, reference_id: `ref-${id}`, session_type: 'PAY', currency: 'IDR', amount: 10000, country: 'ID', mode: 'PAYMENT_LINK', status: 'COMPLETED', business_id: 'biz' };
}

describe('sandbox webhooks: restore', () => {
  it('takes back earlier events before the new ones, skips known ids, keeps maxEvents, and resends one', async () => {
    const hooks = await startWebhookReceiver();
    const logs: string[] = [];
    const before = new WebhookDispatcher({ now: () => new Date(), log: () => undefined });
    const old = ['ps-1', 'ps-2', 'ps-3'].map((id) => before.emit('payment_session.completed', session(id)));
    const copies = JSON.parse(JSON.stringify(old)) as WebhookRecord[];
    copies[2].outcome = 'pending';
    const after = new WebhookDispatcher({ now: () => new Date(), log: (l) => logs.push(l), maxEvents: 3, target: { url: hooks.url, token: 'tok-restore-1234' } });
    try {
      const fresh = after.emit('payment_session.completed', session('ps-4'));
      after.restore(copies);
      after.restore(copies);
      assert.deepEqual(after.events().map((r) => r.sessionId), ['ps-2', 'ps-3', 'ps-4'], 'the oldest beyond maxEvents is dropped, no duplicates');
      assert.equal(after.events()[1].outcome, 'failed', 'an event cut off while pending is not pending any more');
      await after.settled();
      assert.deepEqual(hooks.deliveries.map((d) => d.body.data.payment_session_id), ['ps-4'], 'restored events are not delivered by themselves');
      const attempt = await after.resend(copies[1].id);
      assert.equal(attempt?.status, 200);
      assert.equal(hooks.deliveries.at(-1)?.body.data.payment_session_id, 'ps-2');
      assert.equal(hooks.deliveries.at(-1)?.headers['x-callback-token'], 'tok-restore-1234');
      assert.equal(fresh.outcome, 'delivered');
    } finally {
      after.close();
      await hooks.close();
    }
  });

  it('forget() drops every event and stops its retries: none comes back, nothing more is sent', async () => {
    const hooks = await startWebhookReceiver();
    hooks.failFirst([500, 500, 500, 500]);
    const logs: string[] = [];
    const seen: string[] = [];
    const dispatcher = new WebhookDispatcher({ now: () => new Date(), log: (l) => logs.push(l), retryDelaysMs: [300, 300, 300], target: { url: hooks.url, token: 'tok-forget-1234' } });
    let forgotten = false;
    dispatcher.onChange((change) => {
      seen.push(`${change.kind} ${change.record.sessionId}`);
      // Forgotten as the first attempt's answer arrives, while its first retry would be due 300 ms later.
      if (change.kind === 'attempt' && !forgotten) {
        forgotten = true;
        dispatcher.forget();
      }
    });
    try {
      const record = dispatcher.emit('payment_session.completed', session('ps-9'));
      await dispatcher.settled();
      assert.deepEqual(dispatcher.events(), [], 'the events are forgotten');
      assert.equal(hooks.deliveries.length, 1, 'a retry went out after the event was forgotten');
      assert.deepEqual(seen, ['event ps-9', 'attempt ps-9'], 'a change was announced after the event was forgotten');
      assert.ok(logs.some((l) => l.endsWith('ps-9: not retried, its event was cleared')), logs.join('\n'));
      assert.equal(await dispatcher.resend(record.id), undefined, 'a forgotten event can still be resent');
      const next = dispatcher.emit('payment_session.completed', session('ps-10'));
      assert.deepEqual(dispatcher.events(), [next], 'a new event is recorded as before');
    } finally {
      dispatcher.close();
      await dispatcher.settled();
      await hooks.close();
    }
  });

  /** `pending`, or a failure after `ms`: a wait that forget() should have cut short fails instead of stalling. */
  function within<T>(pending: Promise<T>, ms: number, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms)));
    return Promise.race([pending, late]).finally(() => clearTimeout(timer));
  }

  it('forget() stops a retry that is waiting, also for an event the bound has already dropped', async () => {
    const hooks = await startWebhookReceiver();
    hooks.failFirst([500, 500]);
    const changes: string[] = [];
    const dispatcher = new WebhookDispatcher({ now: () => new Date(), log: () => undefined, maxEvents: 1, retryDelaysMs: [10_000], target: { url: hooks.url, token: 'tok-forget-5678' } });
    dispatcher.onChange((change) => changes.push(`${change.kind} ${change.record.sessionId}`));
    try {
      dispatcher.emit('payment_session.completed', session('ps-20'));
      // ps-21 pushes ps-20 out of the kept events while ps-20's retry still waits.
      dispatcher.emit('payment_session.completed', session('ps-21'));
      const deadline = Date.now() + 5_000;
      while (changes.filter((c) => c.startsWith('attempt')).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      assert.deepEqual(dispatcher.events().map((r) => r.sessionId), ['ps-21']);
      const before = changes.length;
      dispatcher.forget();
      await within(dispatcher.settled(), 3_000, 'the retries waiting 10 s did not stop');
      assert.equal(hooks.deliveries.length, 2, 'a forgotten event was retried');
      assert.deepEqual(changes.slice(before), [], 'a change was announced after forget()');
    } finally {
      dispatcher.close();
      await hooks.close();
    }
  });

  it('forget() then forwarding turned off while an attempt is out: nothing more is announced', async () => {
    let answer: ServerResponse | undefined;
    const server = createServer((req, res) => {
      req.resume();
      answer = res;
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
    const changes: string[] = [];
    const dispatcher = new WebhookDispatcher({ now: () => new Date(), log: () => undefined, retryDelaysMs: [50], target: { url, token: 'tok-forget-9012' } });
    dispatcher.onChange((change) => changes.push(`${change.kind} ${change.record.sessionId}`));
    try {
      dispatcher.emit('payment_session.completed', session('ps-30'));
      const deadline = Date.now() + 5_000;
      while (!answer && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      assert.ok(answer, 'the delivery never arrived');
      dispatcher.forget();
      dispatcher.setTarget(undefined);
      answer.writeHead(500).end('no');
      await within(dispatcher.settled(), 3_000, 'the delivery did not end');
      assert.deepEqual(changes, ['event ps-30'], 'a forgotten event was announced again');
    } finally {
      dispatcher.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
