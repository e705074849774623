// The editor keeps webhook events across a window reload and hands them to the next sandbox: restore() takes
// them back (without delivering them again), keeps the bound, and lets Resend deliver one of them. The editor's
// Clear makes the sandbox forget them: forget() stops their retries.
import * as assert from 'node:assert/strict';
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
});
