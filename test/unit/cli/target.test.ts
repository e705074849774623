// Where the CLI may send the key, and which key for which target: decided before anything is loaded or sent.
import * as assert from 'node:assert/strict';
import { checkBaseUrl, resolveTarget, XENDIT_BASE_URL } from '../../../src/cli/target';
import { fakeKey } from './cliProcess';

describe('checkBaseUrl', () => {
  for (const ok of ['https://api.xendit.co', 'https://proxy.internal:8443/xendit', 'http://127.0.0.1:8000', 'http://localhost:3000', 'http://[::1]:8000']) {
    it(`accepts ${ok}`, () => assert.equal(checkBaseUrl(ok), undefined));
  }
  const refused: [string, RegExp][] = [
    ['http://api.xendit.co', /must use https/],
    ['http://127.0.0.1.nip.io:8000', /must use https/],
    ['ftp://127.0.0.1', /must use https/],
    ['https://user:secret@api.xendit.co', /user name or password/],
    ['https://api.xendit.co/?debug=1', /query or fragment/],
    ['api.xendit.co', /is not a URL/],
  ];
  for (const [url, reason] of refused) it(`refuses ${url}`, () => assert.match(checkBaseUrl(url) ?? '', reason));
});

describe('resolveTarget', () => {
  const test = fakeKey('development');
  const live = fakeKey('production');
  const base = { yes: false, needsExistingSessions: false };

  it('sends only a test key to a sandbox, and leaves any other key in the environment unused', () => {
    assert.deepEqual(resolveTarget({ ...base, kind: 'sandbox', envKey: test }), { ok: true, target: { kind: 'sandbox', baseUrl: undefined, secretKey: test } });
    assert.deepEqual(resolveTarget({ ...base, kind: 'sandbox', envKey: live }), { ok: true, target: { kind: 'sandbox', baseUrl: undefined, secretKey: undefined } });
  });

  it('defaults test and live to Xendit, and trims a trailing slash from --base-url', () => {
    assert.deepEqual(resolveTarget({ ...base, kind: 'test', envKey: test }), { ok: true, target: { kind: 'test', baseUrl: XENDIT_BASE_URL, secretKey: test } });
    assert.deepEqual(resolveTarget({ ...base, kind: 'live', yes: true, envKey: live, baseUrl: 'https://proxy.example/' }), {
      ok: true,
      target: { kind: 'live', baseUrl: 'https://proxy.example', secretKey: live },
    });
  });

  it('never repeats the key in a refusal', () => {
    for (const request of [
      { ...base, kind: 'test' as const, envKey: live },
      { ...base, kind: 'live' as const, envKey: test, yes: true },
      { ...base, kind: 'live' as const, envKey: live },
      { ...base, kind: 'test' as const, envKey: `${test} ` },
    ]) {
      const result = resolveTarget(request);
      assert.equal(result.ok, false);
      if (!result.ok) assert.ok(!result.reason.includes(request.envKey.trim()), result.reason);
    }
  });
});
