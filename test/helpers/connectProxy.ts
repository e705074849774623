// A real HTTP CONNECT proxy on 127.0.0.1 for the proxy tests. It tunnels to the host names it is told about (each
// mapped to a port on 127.0.0.1, so a name such as api.xendit.test is reachable only through it), can demand
// credentials (407) or refuse every tunnel, and records each CONNECT it received with its Proxy-Authorization.
import { createServer, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export interface ConnectRecord {
  /** host:port as asked for. */
  readonly target: string;
  readonly proxyAuthorization?: string;
  /** Everything the client sent on the proxy connection before the tunnel was open, as text. */
  readonly head: string;
}

export interface ConnectProxy {
  readonly url: string;
  readonly port: number;
  readonly connects: readonly ConnectRecord[];
  /** Requests that were not CONNECT (a proxy used for plain http); recorded to prove none came. */
  readonly plainRequests: readonly string[];
  close(): Promise<void>;
}

export interface ConnectProxyOptions {
  /** Host name → port on 127.0.0.1 the tunnel goes to. Any other host gets 502. */
  readonly hosts: Readonly<Record<string, number>>;
  /** "user:password" the proxy requires (407 otherwise). */
  readonly credentials?: string;
  /** Every CONNECT is answered with this status instead (403 for a proxy that refuses). */
  readonly refuseWith?: number;
  /**
   * Every CONNECT gets no answer: 'close' ends the connection (what a wrong port or an https proxy named http://
   * does), 'silent' keeps it open and says nothing.
   */
  readonly unanswered?: 'close' | 'silent';
}

export async function startConnectProxy(options: ConnectProxyOptions): Promise<ConnectProxy> {
  const connects: ConnectRecord[] = [];
  const plainRequests: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    plainRequests.push(`${req.method} ${req.url}`);
    res.writeHead(405).end();
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    const target = req.url ?? '';
    const auth = req.headers['proxy-authorization'];
    connects.push({ target, proxyAuthorization: auth, head: `${req.method} ${target}\n${JSON.stringify(req.headers)}` });
    const refuse = (status: number, text: string, extra = '') => client.end(`HTTP/1.1 ${status} ${text}\r\n${extra}Content-Length: 0\r\n\r\n`);
    if (options.unanswered === 'close') return client.destroy();
    if (options.unanswered === 'silent') return;
    if (options.refuseWith) return refuse(options.refuseWith, 'Refused');
    if (options.credentials && auth !== `Basic ${Buffer.from(options.credentials).toString('base64')}`) {
      return refuse(407, 'Proxy Authentication Required', 'Proxy-Authenticate: Basic realm="test"\r\n');
    }
    const [host, port] = target.split(':');
    const to = options.hosts[host];
    if (!to || port !== '443') return refuse(502, 'Bad Gateway');
    const upstream = connect(to, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.once('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    connects,
    plainRequests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
