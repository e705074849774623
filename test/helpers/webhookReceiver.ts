// A webhook endpoint on 127.0.0.1 that records each delivery and can answer with failures first,
// to test the sandbox's retries.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Delivery {
  readonly headers: IncomingHttpHeaders;
  readonly body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read fields freely
  /** The status this delivery was answered with. */
  readonly answered: number;
}

export interface WebhookReceiver {
  readonly url: string;
  readonly deliveries: readonly Delivery[];
  /** Statuses for the next deliveries, in order; after them every delivery gets 200. */
  failFirst(statuses: number[]): void;
  /** The body a failed delivery is answered with (default "try again"). */
  failWith(text: string): void;
  /** Resolves with the first delivery answered 2xx whose event is `event`, waiting for it if needed. */
  delivered(event: string): Promise<Delivery>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const deliveries: Delivery[] = [];
  let failures: number[] = [];
  let failText = 'try again';
  const waiters: { event: string; resolve: (d: Delivery) => void }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const answered = failures.shift() ?? 200;
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        body = undefined;
      }
      const delivery: Delivery = { headers: req.headers, body, answered };
      deliveries.push(delivery);
      res.writeHead(answered, { 'content-type': 'text/plain' }).end(answered < 300 ? 'ok' : failText);
      if (answered >= 300) return;
      for (const w of [...waiters]) {
        if (w.event === (body as { event?: string } | undefined)?.event) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(delivery);
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/xendit/webhooks`,
    deliveries,
    failFirst(statuses) {
      failures = [...statuses];
    },
    failWith(text) {
      failText = text;
    },
    delivered(event) {
      const done = deliveries.find((d) => d.answered < 300 && (d.body as { event?: string } | undefined)?.event === event);
      if (done) return Promise.resolve(done);
      return new Promise((resolve) => waiters.push({ event, resolve }));
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
