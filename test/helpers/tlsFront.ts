// A TLS server on 127.0.0.1 in front of a plain HTTP server (the sandbox or a fault server): it decrypts with a
// certificate made for the test and passes the bytes through, so an https client reaches a real API server.
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { createServer, type TLSSocket } from 'node:tls';
import { makeTestCertificate } from './testCertificate';

export interface TlsFront {
  readonly port: number;
  /** The certificate to trust (PEM). */
  readonly ca: string;
  /** The server names (SNI) clients asked for, one per connection. */
  readonly serverNames: readonly (string | false)[];
  close(): Promise<void>;
}

export async function startTlsFront(upstreamPort: number, hosts: readonly string[]): Promise<TlsFront> {
  const { cert, key } = makeTestCertificate(hosts);
  const serverNames: (string | false)[] = [];
  const sockets = new Set<TLSSocket>();
  const server = createServer({ cert, key }, (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    serverNames.push(socket.servername ?? false);
    const upstream = connect(upstreamPort, '127.0.0.1');
    socket.pipe(upstream).pipe(socket);
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    ca: cert,
    serverNames,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
