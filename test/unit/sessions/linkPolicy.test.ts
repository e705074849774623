import * as assert from 'node:assert/strict';
import { checkExternalLink } from '../../../src/sessions/linkPolicy';

describe('checkExternalLink', () => {
  for (const ok of [
    'https://checkout-staging.xendit.co/sessions/ps-661f87c614802d6c402cd82d',
    'https://xen.to/kGxPCi60',
    'http://127.0.0.1:43123/checkout/ps-661f87c614802d6c402cd82d',
    'http://localhost:8080/x',
  ]) {
    it(`opens ${ok}`, () => assert.equal(checkExternalLink(ok).ok, true));
  }

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
