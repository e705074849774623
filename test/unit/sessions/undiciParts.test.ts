// The client's parts of undici are undici's own modules: the same classes its index exports (so instanceof
// holds for what its dispatchers throw), and a request that splits its URL the way the index does.
import * as assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as undici from 'undici';
import { Agent, errors, request } from '../../../src/sessions/undiciParts';

describe('undiciParts', () => {
  it('are the Agent and the error classes undici exports', () => {
    assert.equal(Agent, undici.Agent);
    assert.equal(errors, undici.errors);
    for (const name of ['HeadersTimeoutError', 'BodyTimeoutError', 'SocketError', 'RequestAbortedError', 'ConnectTimeoutError'] as const) {
      assert.equal(errors[name], undici.errors[name], name);
    }
  });

  it('refuses a URL with the error undici.request throws for it', () => {
    const agent = new Agent();
    try {
      for (const url of ['not a url', 'ftp://127.0.0.1/sessions', '']) {
        const ours = catchError(() => request(url, { method: 'GET', dispatcher: agent }));
        const theirs = catchError(() => undici.request(url, { method: 'GET', dispatcher: agent }));
        assert.equal(ours.constructor, theirs.constructor, url);
        assert.equal(ours.message, theirs.message, url);
      }
    } finally {
      void agent.close();
    }
  });

  describe('against a local server', () => {
    let server: Server;
    let origin: string;
    const seen: string[] = [];
    before(async () => {
      server = createServer((req, res) => {
        seen.push(`${req.method} ${req.url}`);
        res.setHeader('content-type', 'application/json');
        res.end('{"ok":true}');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('sends the path and query of the URL to its origin, through the given dispatcher', async () => {
      const agent = new Agent();
      try {
        const res = await request(`${origin}/sessions/ps-1?x=1`, { method: 'POST', body: '{}', dispatcher: agent });
        assert.equal(res.statusCode, 200);
        assert.deepEqual(await res.body.json(), { ok: true });
        assert.deepEqual(seen, ['POST /sessions/ps-1?x=1']);
      } finally {
        await agent.close();
      }
    });
  });
});

function catchError(run: () => unknown): Error {
  try {
    run();
  } catch (err) {
    return err as Error;
  }
  assert.fail('expected a synchronous error');
}
