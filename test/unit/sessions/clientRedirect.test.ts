// A server that answers with a redirect (an http:// base URL sent on to https://, a path that moved): the client
// does not follow it, says where it points, and keeps the key out of what it shows even if the Location echoes it.
import * as assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SessionsClient, type SessionsResult } from '../../../src/sessions/client';
import { fakeKey } from '../../helpers/fakeKeys';
import { minimalPay } from '../../helpers/sessionRequests';

describe('SessionsClient and a redirect', () => {
  let server: Server;
  let baseUrl: string;
  const seen: { method: string; url: string; headers: IncomingHttpHeaders }[] = [];
  let location = '';

  before(async () => {
    server = createServer((req, res) => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
      req.resume();
      const auth = req.headers.authorization ?? '';
      const key = Buffer.from(auth.slice('Basic '.length), 'base64').toString('utf8').replace(/:$/, '');
      const to = location.replace('{auth}', auth).replace('{encodedKey}', encodeURIComponent(key));
      res.writeHead(req.url === '/sessions' ? 301 : 302, { location: to, 'content-type': 'text/html' });
      res.end('<html><body>Moved</body></html>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => (seen.length = 0));

  async function send(to: string, run: (client: SessionsClient) => Promise<SessionsResult>): Promise<SessionsResult> {
    location = to;
    const client = new SessionsClient({ baseUrl, secretKey: fakeKey('test') });
    try {
      return await run(client);
    } finally {
      await client.close();
    }
  }

  it('does not follow a 301 from a create, and says where it points and what to do', async () => {
    const result = await send(`${baseUrl}/v2/sessions`, (c) => c.createSession(minimalPay));
    assert.equal(result.kind, 'unexpectedResponse');
    assert.equal(seen.length, 1, 'the redirect was followed');
    if (result.kind !== 'unexpectedResponse') return;
    assert.equal(result.response.status, 301);
    assert.equal(
      result.reason,
      `The server answered 301 and points to ${baseUrl}/v2/sessions instead. Redirects are not followed, so the request and the key went nowhere else: if that is the right server, put it in the base URL.`,
    );
    assert.deepEqual(result.response.headers.find(([name]) => name === 'location'), ['location', `${baseUrl}/v2/sessions`]);
  });

  it('keeps the key out of a Location that echoes the Authorization header', async () => {
    const result = await send('https://elsewhere.example/?auth={auth}', (c) => c.getSession('ps-0123456789abcdef01234567'));
    assert.match(seen[0]?.headers.authorization ?? '', /^Basic .{20,}/, 'the server did not get the key to echo');
    assert.equal(result.kind, 'unexpectedResponse');
    const shown = JSON.stringify(result);
    const encoded = (seen[0]?.headers.authorization ?? '').slice('Basic '.length);
    assert.ok(!shown.includes(encoded), 'the key (Base64) is in the result');
    assert.match(shown, /auth=Basic \[redacted\]/);
  });

  it('keeps the key out of a Location that carries it percent-encoded, as a URL would', async () => {
    const key = fakeKey('test');
    const withPlus = `${key.slice(0, 24)}+/=${key.slice(24)}`;
    location = 'https://elsewhere.example/?k={encodedKey}';
    const client = new SessionsClient({ baseUrl, secretKey: withPlus });
    try {
      const result = await client.getSession('ps-0123456789abcdef01234567');
      const shown = JSON.stringify(result);
      assert.ok(shown.includes('?k=[redacted]'), shown.slice(0, 300));
      assert.ok(!shown.includes(encodeURIComponent(withPlus).slice(20)), 'a part of the encoded key is in the result');
    } finally {
      await client.close();
    }
  });
});
