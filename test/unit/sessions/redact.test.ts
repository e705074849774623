import * as assert from 'node:assert/strict';
import { REDACTED, redact, redactText, secretForms } from '../../../src/sessions/redact';
import { fakeKey } from '../../helpers/fakeKeys';

describe('redactText', () => {
  const key = fakeKey('test');
  const basic = Buffer.from(`${key}:`).toString('base64');

  it('removes the key, and its Base64 forms, wherever they are', () => {
    for (const form of secretForms(key)) {
      const out = redactText(`before ${form} after`, [key]);
      assert.equal(out.includes(form), false, form);
      assert.match(out, /^before .*\[redacted\].* after$/);
    }
  });

  it('removes any string shaped like a Xendit secret key, even one it was not told about', () => {
    const other = fakeKey('live');
    assert.equal(redactText(`key=${other};`), `key=${REDACTED};`);
  });

  it('removes Authorization values in header lines, whatever the case of the scheme', () => {
    assert.equal(redactText(`authorization: Basic ${basic}`), `authorization: Basic ${REDACTED}`);
    assert.equal(redactText(`Authorization: basic ${basic}`), `Authorization: basic ${REDACTED}`);
    assert.equal(redactText('Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.x'), `Authorization: Bearer ${REDACTED}`);
  });

  it('leaves prose about authentication alone', () => {
    const prose = 'Send HTTP Basic authentication with your secret key; Bearer tokens are not accepted.';
    assert.equal(redactText(prose), prose);
  });
});

describe('redact', () => {
  const key = fakeKey('test');

  it('returns a deep copy with every string redacted and the input untouched', () => {
    const input = { message: `bad key ${key}`, nested: [{ note: key }, 42, null], ok: true };
    const out = redact(input, [key]);
    assert.deepEqual(out, { message: `bad key ${REDACTED}`, nested: [{ note: REDACTED }, 42, null], ok: true });
    assert.equal(input.nested[0] && (input.nested[0] as { note: string }).note, key);
  });

  it('replaces Authorization-like headers in objects and in [name, value] lists', () => {
    const out = redact({ headers: { Authorization: 'anything', 'x-api-key': 'k', accept: 'application/json' }, list: [['authorization', 'anything'], ['accept', 'json']] });
    assert.deepEqual(out, {
      headers: { Authorization: REDACTED, 'x-api-key': REDACTED, accept: 'application/json' },
      list: [['authorization', REDACTED], ['accept', 'json']],
    });
  });

  it('keeps an error an error, with its name and a redacted message', () => {
    const err = new TypeError(`fetch failed for ${key}`);
    const out = redact(err, [key]);
    assert.ok(out instanceof Error);
    assert.equal(out.name, 'TypeError');
    assert.equal(out.message, `fetch failed for ${REDACTED}`);
  });

  it('survives cycles', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    assert.deepEqual(redact(a), { name: 'a', self: '[circular]' });
  });
});
