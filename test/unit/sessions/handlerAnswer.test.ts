// What is kept of a webhook handler's answer, by the sandbox's deliveries and by the handler check: only the start
// of the body is read (a handler streaming a large page must not fill the extension host's memory), and the
// callback token is removed before the text is cut, so a token across the cut leaves nothing of itself behind.
// Real handlers on 127.0.0.1.
import * as assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebhookDispatcher } from '../../../src/sandbox/webhookDispatcher';
import { ANSWER_READ_BYTES, keptAnswer } from '../../../src/sessions/handlerAnswer';
import { checkHandler } from '../../../src/sessions/handlerCheck';

// Its first characters appear nowhere else in the answers below.
const token = `Qz9_${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;

/** Whether `text` holds 4 or more characters of the start of `secret`. */
function holdsStartOf(text: string, secret: string): boolean {
  return text.includes(secret.slice(0, 4));
}

interface Handler {
  readonly url: string;
  /** Bytes of answer written so far, over every request. */
  written(): number;
  close(): Promise<void>;
}

/**
 * A handler answering `status` with `answer(token)` followed by `size` bytes of filler, written only as fast as
 * the client reads it (so what it wrote says what was read), and never more than `size`.
 */
async function handler(status: number, size: number, answer: (token: string) => string = () => ''): Promise<Handler> {
  let written = 0;
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(status, { 'content-type': 'text/plain' });
      const head = Buffer.from(answer(String(req.headers['x-callback-token'])));
      written += head.length;
      res.write(head);
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const pump = (): void => {
        while (sent < size && !res.destroyed) {
          sent += chunk.length;
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    written: () => written,
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}

function session(id: string): Record<string, unknown> {
  const t = '2026-12-04T00:00:00Z';
  return { payment_session_id: id, created: t, updated: t, reference_id: `ref-${id}`, session_type: 'PAY', currency: 'IDR', amount: 10000, country: 'ID', mode: 'PAYMENT_LINK', status: 'COMPLETED', business_id: 'biz' };
}

/** Delivers one event to `url` with the token and returns its first attempt. */
async function deliverOnce(url: string) {
  const dispatcher = new WebhookDispatcher({ now: () => new Date(), log: () => undefined, retryDelaysMs: [], target: { url, token } });
  try {
    const record = dispatcher.emit('payment_session.completed', session('ps-answer'));
    await dispatcher.settled();
    return record.attempts[0];
  } finally {
    dispatcher.close();
  }
}

const BIG = 64 * 1024 * 1024;
/** Far under BIG, far over what the read takes plus what the sockets' buffers hold. */
const READ_AT_MOST = 16 * 1024 * 1024;

describe('a webhook handler\'s answer as kept', () => {
  it('removes a token before the cut: one across the cut leaves no start of itself, one inside is [redacted]', () => {
    // Cut first, the first 5 characters of the token would be kept.
    const across = keptAnswer(`${'x'.repeat(495)}${token} and more`, 500, [token]);
    assert.equal(holdsStartOf(across, token), false, across.slice(-40));
    assert.equal(across, `${'x'.repeat(495)}[reda…`);
    assert.equal(keptAnswer(`bad token ${token}!`, 500, [token]), 'bad token [redacted]!');
    assert.equal(keptAnswer('short', 500, [token]), 'short');
    // Read only in part: an end that starts the token is replaced, ordinary text is kept.
    assert.equal(keptAnswer(`got ${token.slice(0, 9)}`, 500, [token], true), 'got [redacted]…');
    assert.equal(keptAnswer('got abc', 500, [token], true), 'got abc…');
  });

  it('the sandbox reads only the start of a huge answer, records the delivery, and keeps no part of the token', async () => {
    const huge = await handler(200, BIG);
    try {
      const attempt = await deliverOnce(huge.url);
      assert.equal(attempt.status, 200);
      assert.ok((attempt.answer ?? '').length <= 501, `${attempt.answer?.length} characters kept`);
      assert.ok(huge.written() < READ_AT_MOST, `the handler wrote ${huge.written()} bytes before the sandbox let go (it reads ${ANSWER_READ_BYTES})`);
    } finally {
      await huge.close();
    }
    const echo = await handler(500, 0, (t) => `${'x'.repeat(480)}token was ${t}`);
    try {
      const attempt = await deliverOnce(echo.url);
      assert.equal(attempt.status, 500);
      assert.equal(holdsStartOf(attempt.answer ?? '', token), false, attempt.answer?.slice(-40));
    } finally {
      await echo.close();
    }
  });

  it('the handler check reads only the start of each answer and keeps no part of either token', async () => {
    const huge = await handler(200, BIG, (t) => `${'y'.repeat(190)}you sent ${t}`);
    try {
      const result = await checkHandler(huge.url, token, { timeoutMs: 20_000 });
      assert.equal(result.probes.length, 6);
      assert.ok(huge.written() < 6 * READ_AT_MOST, `the handler wrote ${huge.written()} bytes for 6 probes`);
      for (const p of result.probes) {
        assert.equal(p.status, 200);
        assert.ok((p.answer ?? '').length <= 201);
        assert.equal(holdsStartOf(p.answer ?? '', token), false, p.answer?.slice(-40));
      }
    } finally {
      await huge.close();
    }
  });
});
