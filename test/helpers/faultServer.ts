// A misbehaving HTTP server on 127.0.0.1 for the client's tests: each request gets the fault set for it
// (a proxy's HTML 502, a reset mid-body, silence, a slow drip, ...), and every request is counted.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Fault =
  /** 201 with a valid session body. */
  | 'session'
  /** 502 with an HTML page, as a load balancer sends. */
  | 'html502'
  /** 200, content type JSON, a complete HTTP message whose JSON stops half-way. */
  | 'truncatedJson'
  /** 429 RATE_LIMIT_EXCEEDED with Rate-Limit-* headers and a fractional reset. */
  | 'rateLimited'
  /** 200 with an endless JSON-looking body (no content-length), stopped when the client hangs up. */
  | 'oversize'
  /** Headers and half the announced body, then the socket is destroyed with a TCP reset. */
  | 'resetMidBody'
  /** Reads the request and never answers (the client's headers timeout or the caller's abort ends it). */
  | 'silent'
  /** Headers, then one byte of body every `dripEveryMs` until the client hangs up (bounded). */
  | 'slowDrip'
  /** 201 with JSON that is not a session (no payment_session_id, no status). */
  | 'offModel'
  /** 400 with a Xendit error body that quotes the request's headers back, Authorization included. */
  | 'echoHeaders'
  /** 502 HTML page that prints the Authorization header it received, as a debugging proxy might. */
  | 'echoHtml';

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

export interface FaultServer {
  readonly baseUrl: string;
  /** Every request received, in order. */
  readonly requests: readonly RecordedRequest[];
  /** The fault every following request gets. */
  fault: Fault;
  dripEveryMs: number;
  /** How many connections were accepted so far. */
  readonly connections: number;
  /** How many requests with this method and path arrived. */
  count(method: string, path: string): number;
  /** Resolves when the next request has arrived (its body read). */
  nextRequest(): Promise<RecordedRequest>;
  close(): Promise<void>;
}

/** A session body as the API returns it, for the 'session' fault. */
export function sessionBody(): Record<string, unknown> {
  return {
    payment_session_id: 'ps-0123456789abcdef01234567',
    created: '2030-01-01T00:00:00.000Z',
    updated: '2030-01-01T00:00:00.000Z',
    reference_id: 'order-1',
    session_type: 'PAY',
    currency: 'IDR',
    amount: 10000,
    country: 'ID',
    mode: 'PAYMENT_LINK',
    status: 'ACTIVE',
    expires_at: '2030-01-01T00:30:00.000Z',
    business_id: 'b1',
  };
}

const MAX_DRIP_BYTES = 1000;
const OVERSIZE_CHUNK = Buffer.alloc(64 * 1024, 'x');
/** The oversize body stops here even if nobody hangs up, so a broken client cannot make the test run forever. */
const MAX_OVERSIZE_BYTES = 64 * 1024 * 1024;

export async function startFaultServer(initial: Fault = 'session'): Promise<FaultServer> {
  const requests: RecordedRequest[] = [];
  const waiting: ((r: RecordedRequest) => void)[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const respond = (fault: Fault, req: IncomingMessage, res: ServerResponse, dripEveryMs: number) => {
    switch (fault) {
      case 'session': {
        const text = JSON.stringify(sessionBody());
        res.writeHead(201, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'request-id': 'req-fault-1' });
        return res.end(text);
      }
      case 'html502': {
        const html = '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';
        res.writeHead(502, { 'content-type': 'text/html', 'content-length': Buffer.byteLength(html) });
        return res.end(html);
      }
      case 'truncatedJson': {
        const text = JSON.stringify(sessionBody()).slice(0, 60);
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
        return res.end(text);
      }
      case 'rateLimited': {
        const text = JSON.stringify({ error_code: 'RATE_LIMIT_EXCEEDED', message: 'Too many requests' });
        res.writeHead(429, {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(text),
          'rate-limit-limit': '60',
          'rate-limit-remaining': '0',
          'rate-limit-reset': '12.5',
        });
        return res.end(text);
      }
      case 'oversize': {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"payment_session_id":"');
        let sent = 0;
        const pump = () => {
          while (!res.destroyed && sent < MAX_OVERSIZE_BYTES) {
            sent += OVERSIZE_CHUNK.length;
            if (!res.write(OVERSIZE_CHUNK)) return void res.once('drain', pump);
          }
          if (!res.destroyed) res.end('"}');
        };
        return pump();
      }
      case 'resetMidBody': {
        const text = JSON.stringify(sessionBody());
        res.writeHead(201, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
        res.write(text.slice(0, text.length >> 1));
        // Let the half body reach the client before the reset, so the failure is mid-body, not before headers.
        const t = setTimeout(() => {
          timers.delete(t);
          req.socket.resetAndDestroy();
        }, 20);
        return void timers.add(t);
      }
      case 'silent':
        return;
      case 'offModel': {
        const text = JSON.stringify({ id: 'inv-1', kind: 'invoice' });
        res.writeHead(201, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
        return res.end(text);
      }
      case 'echoHeaders': {
        const text = JSON.stringify({ error_code: 'API_VALIDATION_ERROR', message: `You sent ${req.headers.authorization}`, errors: [{ path: 'headers', message: JSON.stringify(req.headers) }] });
        res.writeHead(400, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
        return res.end(text);
      }
      case 'echoHtml': {
        const html = `<html><body><h1>502</h1><pre>authorization: ${req.headers.authorization}</pre></body></html>`;
        res.writeHead(502, { 'content-type': 'text/html', 'content-length': Buffer.byteLength(html) });
        return res.end(html);
      }
      case 'slowDrip': {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{');
        let sent = 1;
        const t = setInterval(() => {
          if (res.destroyed || sent >= MAX_DRIP_BYTES) {
            clearInterval(t);
            timers.delete(t);
            if (!res.destroyed) res.end('}');
            return;
          }
          sent++;
          res.write(' ');
        }, dripEveryMs);
        return void timers.add(t);
      }
    }
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const recorded = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(recorded);
      respond(handle.fault, req, res, handle.dripEveryMs);
      for (const w of waiting.splice(0)) w(recorded);
    });
  });
  let connections = 0;
  server.on('connection', (s) => {
    connections++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const handle: FaultServer = {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    fault: initial,
    dripEveryMs: 100,
    get connections() {
      return connections;
    },
    count: (method, path) => requests.filter((r) => r.method === method && r.url === path).length,
    nextRequest: () => new Promise((resolve) => waiting.push(resolve)),
    async close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return handle;
}

/** A port on 127.0.0.1 where nothing listens: bound, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
