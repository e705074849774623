// The handler check against real handlers on 127.0.0.1: one that checks x-callback-token, one that does not, one
// that refuses everything, and a port nobody listens on. Samples are valid events of the Session model.
import * as assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkHandler, sampleEvent } from '../../../src/sessions/handlerCheck';
import { WebhookEvent, WEBHOOK_EVENTS } from '../../../src/sessions/webhookEvent';

interface Handler {
  readonly url: string;
  readonly seen: { headers: IncomingHttpHeaders; body: unknown }[];
  close(): Promise<void>;
}

async function handler(answer: (token: string | undefined) => number): Promise<Handler> {
  const seen: Handler['seen'] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ headers: req.headers, body: JSON.parse(body) });
      const status = answer(req.headers['x-callback-token'] as string | undefined);
      // A careless handler that echoes the token it got: the check's result must not keep it.
      res.writeHead(status).end(`got ${String(req.headers['x-callback-token'])}`);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks`, seen, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const token = `tok-${Math.random().toString(36).slice(2)}${Date.now()}`;

describe('handler check', () => {
  it('makes valid samples of both events, in the docs shape', () => {
    for (const event of WEBHOOK_EVENTS) {
      const sample = sampleEvent(event);
      assert.equal(WebhookEvent.safeParse(sample).success, true);
      assert.equal(sample.event, event);
      assert.equal(sample.data.status, event === 'payment_session.completed' ? 'COMPLETED' : 'EXPIRED');
    }
  });

  it('passes a handler that accepts the right token and refuses a wrong one and none; sends each event three times', async () => {
    const h = await handler((t) => (t === token ? 200 : 401));
    try {
      const result = await checkHandler(h.url, token);
      assert.equal(result.passed, true);
      assert.deepEqual(
        result.probes.map((p) => [p.event, p.token, p.status, p.passed]),
        [
          ['payment_session.completed', 'right', 200, true],
          ['payment_session.completed', 'wrong', 401, true],
          ['payment_session.completed', 'none', 401, true],
          ['payment_session.expired', 'right', 200, true],
          ['payment_session.expired', 'wrong', 401, true],
          ['payment_session.expired', 'none', 401, true],
        ],
      );
      assert.deepEqual(h.seen.map((s) => s.headers['x-callback-token'] === token), [true, false, false, true, false, false]);
      assert.deepEqual(h.seen.map((s) => 'x-callback-token' in s.headers), [true, true, false, true, true, false]);
      assert.ok(h.seen.every((s) => s.headers['x-callback-token'] === undefined || s.headers['x-callback-token'].length > 10));
      assert.ok(!JSON.stringify(result).includes(token), 'the echoed token is not in the result');
    } finally {
      await h.close();
    }
  });

  it('fails a handler that accepts any token, one that refuses the right one, and one that lets a request without a token in', async () => {
    for (const [answer, failing] of [
      [() => 200, [false, true, true, false, true, true]],
      [() => 500, [true, false, false, true, false, false]],
      // Compares the token only when one is sent: a forged event without the header gets in.
      [(t: string | undefined) => (t === undefined || t === token ? 200 : 401), [false, false, true, false, false, true]],
    ] as const) {
      const h = await handler(answer);
      try {
        const result = await checkHandler(h.url, token);
        assert.equal(result.passed, false);
        assert.deepEqual(result.probes.map((p) => !p.passed), failing);
      } finally {
        await h.close();
      }
    }
  });

  it('fails, with the error, when nothing answers', async () => {
    const h = await handler(() => 200);
    await h.close();
    const result = await checkHandler(h.url, token, { timeoutMs: 2_000 });
    assert.equal(result.passed, false);
    assert.ok(result.probes.every((p) => p.status === undefined && /ECONNREFUSED|refused|fetch failed/i.test(p.error ?? '')), JSON.stringify(result.probes));
  });

  /** A handler that reads each request and never answers; `close` ends its connections. */
  async function silentHandler(): Promise<{ url: string; received: () => number; close(): Promise<void> }> {
    let received = 0;
    const server = createServer((req) => {
      req.resume();
      req.on('end', () => (received += 1));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}/hooks`,
      received: () => received,
      close: () => {
        server.closeAllConnections();
        return new Promise<void>((r) => server.close(() => r()));
      },
    };
  }

  it('says how long it waited for a handler that never answers', async () => {
    const h = await silentHandler();
    try {
      const result = await checkHandler(h.url, token, { timeoutMs: 300 });
      assert.equal(result.passed, false);
      assert.deepEqual(new Set(result.probes.map((p) => p.error)), new Set(['timed out after 0.3 s']));
      assert.equal(result.probes.length, 6);
    } finally {
      await h.close();
    }
  });

  it('stops when cancelled: the probe out is abandoned, no other is sent, and it has not passed', async () => {
    const h = await silentHandler();
    const stop = new AbortController();
    try {
      const checking = checkHandler(h.url, token, { timeoutMs: 20_000, signal: stop.signal });
      const deadline = Date.now() + 5_000;
      while (h.received() === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      assert.equal(h.received(), 1, 'the first probe never arrived');
      stop.abort();
      const result = await checking;
      assert.deepEqual([result.stopped, result.passed, result.probes.length], [true, false, 0]);
      assert.equal(h.received(), 1, 'a probe was sent after the check was cancelled');
    } finally {
      await h.close();
    }
  });
});
