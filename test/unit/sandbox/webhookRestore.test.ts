// The editor keeps webhook events across a window reload and hands them to the next sandbox: restore() takes
// them back (without delivering them again), keeps the bound, and lets Resend deliver one of them.
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
});
