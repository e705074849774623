import * as assert from 'node:assert/strict';
import { RecencyMap } from '../../../src/sandbox/recencyMap';

/** Every key from oldest to newest, by dropping them from a copy made with the same operations. */
function drain<V>(map: RecencyMap<V>): string[] {
  const keys: string[] = [];
  for (let k = map.dropOldest(); k !== undefined; k = map.dropOldest()) keys.push(k);
  return keys;
}

describe('RecencyMap', () => {
  it('drops the key set longest ago; setting a key again makes it the newest', () => {
    const m = new RecencyMap<number>();
    for (const [k, v] of [['a', 1], ['b', 2], ['c', 3]] as const) m.set(k, v);
    m.set('a', 10);
    assert.equal(m.get('a'), 10);
    assert.equal(m.size, 3);
    assert.equal(m.oldest(), 'b');
    assert.deepEqual(drain(m), ['b', 'c', 'a']);
    assert.equal(m.size, 0);
    assert.equal(m.oldest(), undefined);
    assert.equal(m.dropOldest(), undefined);
  });

  it('skips deleted keys, and a key deleted then set again counts from its new set', () => {
    const m = new RecencyMap<string>();
    for (const k of ['a', 'b', 'c', 'd']) m.set(k, k);
    assert.equal(m.delete('a'), true);
    assert.equal(m.delete('a'), false);
    m.delete('c');
    m.set('a', 'again');
    assert.equal(m.has('c'), false);
    assert.equal(m.oldest(), 'b');
    assert.deepEqual(drain(m), ['b', 'd', 'a']);
  });

  it('keeps its order through the rebuilds of its queue, and holds a bounded queue however long it is used', () => {
    // Used as the sandbox uses it: a bound of 2,000, each new key dropping the oldest, one in three keys set again
    // (a reference_id sent again) and one in five deleted. Beside it, a plain array says what the order must be.
    const m = new RecencyMap<number>();
    let expected: string[] = [];
    let maxHeld = 0;
    for (let i = 0; i < 60_000; i++) {
      const key = i % 3 === 0 && i > 0 ? `k${i - 1500}` : `k${i}`;
      m.set(key, i);
      expected = expected.filter((k) => k !== key);
      expected.push(key);
      if (i % 5 === 0) {
        const gone = `k${i - 700}`;
        m.delete(gone);
        expected = expected.filter((k) => k !== gone);
      }
      while (m.size > 2_000) assert.equal(m.dropOldest(), expected.shift());
      maxHeld = Math.max(maxHeld, m.held);
      if (i % 10_000 === 0) assert.equal(m.oldest(), expected[0]);
    }
    assert.equal(m.size, expected.length);
    assert.ok(m.queued <= 2 * m.size + 1024, `${m.queued} queue items for ${m.size} entries`);
    assert.ok(maxHeld <= 4 * 2_000 + 3 * 1024, `the queue held up to ${maxHeld} items for at most 2,000 entries`);
    assert.deepEqual(drain(m), expected);
  });
});
