import * as assert from 'node:assert/strict';
import { checkExternalLink, invisibleCharacters } from '../../../src/sessions/linkPolicy';

describe('checkExternalLink', () => {
  for (const ok of [
    'https://checkout-staging.xendit.co/sessions/ps-661f87c614802d6c402cd82d',
    'https://xen.to/kGxPCi60',
  ]) {
    it(`opens ${ok}`, () => assert.equal(checkExternalLink(ok).ok, true));
  }

  it('opens plain http only to the local server that answered (the sandbox\'s checkout page)', () => {
    const sandbox = 'http://127.0.0.1:43123';
    assert.equal(checkExternalLink(`${sandbox}/checkout/ps-661f87c614802d6c402cd82d`, sandbox).ok, true);
    assert.equal(checkExternalLink('http://localhost:8080/x', 'http://localhost:8080/v1').ok, true);
    // The same server, named another way (the base URL set as localhost, the links written with 127.0.0.1).
    assert.equal(checkExternalLink(`${sandbox}/checkout/ps-1`, 'http://localhost:43123').ok, true);
    for (const [url, answeredBy] of [
      [`${sandbox}/checkout/ps-1`, undefined],
      ['http://127.0.0.1:631/admin', sandbox],
      ['http://localhost:43124/checkout/ps-1', sandbox],
      ['http://127.0.0.1:43123/checkout/ps-1', 'https://api.xendit.co'],
    ] as const) {
      const verdict = checkExternalLink(url, answeredBy);
      assert.equal(verdict.ok, false, `${url} opened for a session from ${answeredBy}`);
      if (!verdict.ok) assert.match(verdict.reason, /^Plain http links open only to the local sandbox that answered; (127\.0\.0\.1|localhost):\d+ is not it\.$/);
    }
  });

  const refused: [string, RegExp][] = [
    ['javascript:alert(1)', /"javascript:" scheme/],
    ['command:workbench.action.terminal.new', /"command:" scheme/],
    ['file:///etc/passwd', /"file:" scheme/],
    ['data:text/html,<script>alert(1)</script>', /"data:" scheme/],
    ['vscode:extension/evil.ext', /"vscode:" scheme/],
    ['http://checkout.xendit.co/sessions/ps-1', /plain http/],
    ['http://127.0.0.1.evil.example/x', /plain http/],
    ['https://checkout.xendit.co@evil.example/x', /user name or password/],
    ['https://xendit.co\u202e/moc.live', /text-direction/],
    ['https://xendit.co\u061c/x', /text-direction/],
    ['https://xendit.co/\tx', /control/],
    ['not a url', /not a valid URL/],
    ['', /empty/],
  ];
  for (const [url, reason] of refused) {
    it(`refuses ${JSON.stringify(url)}`, () => {
      const verdict = checkExternalLink(url);
      assert.equal(verdict.ok, false);
      if (!verdict.ok) assert.match(verdict.reason, reason);
    });
  }

  it('refuses a non-string', () => assert.equal(checkExternalLink({ href: 'https://x' }).ok, false));
});

describe('invisibleCharacters', () => {
  const invisible = ['\u0000', '\t', '\n', '\r', '\u001f', '\u007f', '\u0085', '\u009f', '\u061c', '\u200e', '\u200f', '\u202a', '\u202e', '\u2066', '\u2069'];
  const visible = [' ', 'a', '\u00a0', '\u00e9', '\u200b', '\u2065', '\u206a', '\u4e00'];

  it('matches every control and bidi character, and nothing visible', () => {
    for (const c of invisible) assert.equal(invisibleCharacters().test(c), true, `U+${c.codePointAt(0)?.toString(16)}`);
    for (const c of visible) assert.equal(invisibleCharacters().test(c), false, `U+${c.codePointAt(0)?.toString(16)}`);
  });

  it('keeps tab and line feed, and only those, for multi-line text', () => {
    const matched = invisible.filter((c) => invisibleCharacters({ keepTabAndLineFeed: true }).test(c));
    assert.deepEqual(matched, invisible.filter((c) => c !== '\t' && c !== '\n'));
  });

  it('is global and fresh on each call: replace takes every one, and a test after another starts at 0', () => {
    assert.equal('a\u202eb\u0000c'.replace(invisibleCharacters(), ''), 'abc');
    const first = invisibleCharacters();
    first.test('x\u202e');
    assert.equal(invisibleCharacters().test('\u202e'), true);
  });
});
