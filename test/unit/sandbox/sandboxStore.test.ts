import * as assert from 'node:assert/strict';
import { ExpiryQueue } from '../../../src/sandbox/expiryQueue';
import { SandboxStore } from '../../../src/sandbox/sandboxStore';
import { fakeKey } from '../../helpers/fakeKeys';
import { minimalPay } from '../../helpers/sessionRequests';

const START = Date.parse('2030-01-01T00:00:00Z');
const options = { checkoutBase: 'http://127.0.0.1:1', defaultExpiryMinutes: 30 };

function storeAt(maxSessions?: number) {
  let now = START;
  const store = new SandboxStore(() => new Date(now), maxSessions);
  return {
    store,
    key: fakeKey('test'),
    advanceMinutes(m: number) {
      now += m * 60_000;
    },
  };
}

describe('ExpiryQueue', () => {
  it('hands out the due entries earliest first and keeps the rest', () => {
    const q = new ExpiryQueue();
    for (const [at, id] of [[50, 'e'], [10, 'a'], [40, 'd'], [20, 'b'], [30, 'c'], [60, 'f']] as const) q.push(at, id);
    assert.deepEqual(q.popDue(35), ['a', 'b', 'c']);
    assert.deepEqual(q.popDue(35), []);
    assert.equal(q.size, 3);
    assert.deepEqual(q.popDue(100), ['d', 'e', 'f']);
  });

  it('compact keeps only the entries asked for, still in order', () => {
    const q = new ExpiryQueue();
    for (let i = 0; i < 20; i++) q.push((i * 7) % 20, `s${(i * 7) % 20}`);
    q.compact((id) => Number(id.slice(1)) % 2 === 0);
    assert.equal(q.size, 10);
    assert.deepEqual(q.popDue(100), ['s0', 's2', 's4', 's6', 's8', 's10', 's12', 's14', 's16', 's18']);
  });
});

describe('SandboxStore: scheduled expiry', () => {
  it('expires the sessions whose expires_at passed, earliest first, and no other', () => {
    const t = storeAt();
    const late = t.store.create(t.key, { ...minimalPay, expires_at: '2030-01-01T00:50:00Z' }, options);
    const early = t.store.create(t.key, { ...minimalPay, expires_at: '2030-01-01T00:20:00Z' }, options);
    const paid = t.store.create(t.key, { ...minimalPay, expires_at: '2030-01-01T00:10:00Z' }, options);
    const middle = t.store.create(t.key, minimalPay, options); // the default 30 minutes
    t.store.complete(paid);
    t.advanceMinutes(5);
    assert.deepEqual(t.store.expireDue(), []);
    t.advanceMinutes(30);
    assert.deepEqual(
      t.store.expireDue().map((x) => [x.event, x.session.body.payment_session_id]),
      [
        ['payment_session.expired', early.body.payment_session_id],
        ['payment_session.expired', middle.body.payment_session_id],
      ],
    );
    assert.equal(paid.body.status, 'COMPLETED');
    assert.equal(late.body.status, 'ACTIVE');
    assert.deepEqual(t.store.expireDue(), []);
    t.advanceMinutes(20);
    assert.deepEqual(t.store.expireDue().map((x) => x.session.body.payment_session_id), [late.body.payment_session_id]);
  });

  it('expires one session now on request, with expires_at set to now, and only an ACTIVE one', () => {
    const t = storeAt();
    const s = t.store.create(t.key, minimalPay, options);
    t.advanceMinutes(3);
    assert.equal(t.store.expireNow(s)?.event, 'payment_session.expired');
    assert.equal(s.body.status, 'EXPIRED');
    assert.equal(s.body.expires_at, '2030-01-01T00:03:00Z');
    assert.equal(t.store.expireNow(s), undefined);
    t.advanceMinutes(60);
    assert.deepEqual(t.store.expireDue(), [], 'the schedule does not expire it a second time');
  });
});

describe('SandboxStore: bounded', () => {
  it('keeps at most maxSessions: drops the longest-final session first, else the oldest', () => {
    const t = storeAt(3);
    const [a, b, c] = [1, 2, 3].map((i) => t.store.create(t.key, { ...minimalPay, reference_id: `r${i}` }, options));
    t.store.cancel(c);
    t.store.complete(b);
    const d = t.store.create(t.key, minimalPay, options);
    assert.deepEqual(t.store.takeDropped(), [c.body.payment_session_id], 'c became final before b');
    const e = t.store.create(t.key, minimalPay, options);
    assert.deepEqual(t.store.takeDropped(), [b.body.payment_session_id]);
    const f = t.store.create(t.key, minimalPay, options);
    assert.deepEqual(t.store.takeDropped(), [a.body.payment_session_id], 'no final session left: the oldest goes');
    assert.equal(t.store.size, 3);
    assert.deepEqual(
      [a, b, c, d, e, f].map((s) => t.store.byId(s.body.payment_session_id) !== undefined),
      [false, false, false, true, true, true],
    );
    assert.deepEqual(t.store.takeDropped(), []);
  });

  it('stays bounded, and its expiry schedule too, through many creates', () => {
    const t = storeAt(100);
    for (let i = 0; i < 5_000; i++) {
      const s = t.store.create(t.key, minimalPay, options);
      if (i % 2 === 0) t.store.complete(s);
    }
    assert.equal(t.store.size, 100);
    assert.ok(t.store.scheduled <= 2 * 100 + 1024, `the schedule holds ${t.store.scheduled} entries`);
  });
});
