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

  it('removes them as a cURL -H, a JSON member, a query parameter, or with no scheme', () => {
    const token = 'dG9rZW4tdGhhdC1pcy1ub3QtYS1rZXk6';
    const cases: [string, string][] = [
      [`curl -H 'Authorization: Basic ${token}' https://api.xendit.co`, `curl -H 'Authorization: Basic ${REDACTED}' https://api.xendit.co`],
      [`{"authorization":"Bearer ${token}","accept":"json"}`, `{"authorization":"Bearer ${REDACTED}","accept":"json"}`],
      [`{ "Proxy-Authorization" : "Basic ${token}" }`, `{ "Proxy-Authorization" : "Basic ${REDACTED}" }`],
      [`https://x.example/?authorization=${token}&a=1`, `https://x.example/?authorization=${REDACTED}&a=1`],
      [`X-API-KEY: ${token}`, `X-API-KEY: ${REDACTED}`],
      [`[["authorization","Bearer ${token}"],["accept","json"]]`, `[["authorization","Bearer ${REDACTED}"],["accept","json"]]`],
      [`[ 'proxy-authorization', 'Basic ${token}' ]`, `[ 'proxy-authorization', 'Basic ${REDACTED}' ]`],
      [`"{\\"authorization\\":\\"Bearer ${token}\\"}"`, `"{\\"authorization\\":\\"Bearer ${REDACTED}\\"}"`],
    ];
    for (const [input, expected] of cases) assert.equal(redactText(input), expected, input);
  });

  it('removes a Base64 secret key it was not told about, wherever it is', () => {
    for (const other of [fakeKey('live'), fakeKey('test')]) {
      for (const encoded of [Buffer.from(`${other}:`).toString('base64'), Buffer.from(other).toString('base64').replace(/=+$/, '')]) {
        for (const form of [encoded, encodeURIComponent(encoded)]) {
          const out = redactText(`echo=${form}&next=1`);
          assert.equal(out, `echo=${REDACTED}&next=1`, form);
        }
      }
    }
  });

  it('leaves prose about authentication alone', () => {
    const prose = 'Send HTTP Basic authentication with your secret key; Bearer tokens are not accepted.';
    assert.equal(redactText(prose), prose);
  });

  it('leaves request text that reads like a scheme and a credential alone: what is shown must be what is sent', () => {
    const body = JSON.stringify({
      description: 'Basic Membership 2026',
      items: [{ name: 'Bearer Bond XR-500', category: 'BASIC', reference_id: 'Basic-SKU-0001' }],
      metadata: { plan: 'BEARER Premium+', authorization_code: 'AUTH12345678', note: 'mode: AUTHORIZATION, ref QWERTY123' },
      session_type: 'AUTHORIZATION',
      reference_id: 'ORDER-2026-0001',
      allowed: ['AUTHORIZATION', 'order_reference_2026'],
      header_note: 'x-authorization: ABCDEF123456',
    });
    assert.equal(redactText(body), body);
    const lines = `POST /sessions\nContent-Type: application/json\n\n${JSON.stringify(JSON.parse(body), null, 2)}`;
    assert.equal(redactText(lines), lines);
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
