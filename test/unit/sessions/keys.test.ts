import * as assert from 'node:assert/strict';
import { classifyKey } from '../../../src/sessions/keys';
import { fakeKey } from '../../helpers/fakeKeys';

describe('classifyKey', () => {
  it('tells test, live and public keys apart by their documented prefix', () => {
    assert.equal(classifyKey(fakeKey('test')), 'test');
    assert.equal(classifyKey(fakeKey('live')), 'live');
    assert.equal(classifyKey(fakeKey('public')), 'public');
  });

  it('calls anything else unknown, including a bare prefix and a key pasted with a Basic scheme', () => {
    for (const key of ['', 'sk_test_123', 'xnd_development_', `Basic ${fakeKey('test')}`, fakeKey('test').toUpperCase()]) {
      assert.equal(classifyKey(key), 'unknown', key.slice(0, 20));
    }
  });
});
