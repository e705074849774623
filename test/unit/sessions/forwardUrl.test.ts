// Where webhooks may be forwarded (the editor's xendit.webhooks.forwardUrl and the CLI's --forward-to): the token
// travels with every delivery, so plain http only on this machine.
import * as assert from 'node:assert/strict';
import { checkForwardUrl } from '../../../src/sessions/forwardUrl';

describe('forward URL', () => {
  for (const ok of ['https://hooks.example.com/xendit', 'http://localhost:3000/webhooks/xendit', 'http://127.0.0.1:8080/h', 'http://[::1]:3000/h']) {
    it(`accepts ${ok}`, () => assert.equal(checkForwardUrl(ok), undefined));
  }
  it('refuses plain http off this machine, naming https and the host', () => assert.match(checkForwardUrl('http://example.com/h') ?? '', /must use https .* got http:\/\/example\.com/));
  it('refuses a user name or password in it', () => assert.match(checkForwardUrl('https://u:p@example.com/h') ?? '', /must not carry a user name or password/));
  it('refuses what is not a URL, with an example', () => assert.match(checkForwardUrl('localhost:3000') ?? '', /not a URL|must use https/));
  it('refuses other schemes', () => assert.match(checkForwardUrl('ftp://127.0.0.1/h') ?? '', /must use https/));
});
