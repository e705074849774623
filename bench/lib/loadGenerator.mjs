// A small closed-loop load generator on node:http: `connections` keep-alive connections, each sending the
// next request as soon as the previous answer is read, until a deadline or a request count is reached.
import { Agent, request } from 'node:http';

/**
 * POSTs `bodyFor(i)` to `url` with `headers` until `durationMs` has passed or `maxRequests` were sent.
 * Resolves with the count of 2xx answers, the count of others and the elapsed seconds.
 */
export async function postLoad({ url, headers, bodyFor, connections = 10, durationMs = Infinity, maxRequests = Infinity }) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const target = new URL(url);
  let sent = 0;
  let ok = 0;
  let failed = 0;
  const started = performance.now();
  const one = (body) =>
    new Promise((resolve, reject) => {
      const req = request(
        { agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
        (res) => {
          res.resume();
          res.once('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.once('error', reject);
      req.end(body);
    });
  const worker = async () => {
    while (sent < maxRequests && performance.now() - started < durationMs) {
      const status = await one(bodyFor(sent++));
      if (status >= 200 && status < 300) ok++;
      else failed++;
    }
  };
  try {
    await Promise.all(Array.from({ length: connections }, worker));
  } finally {
    agent.destroy();
  }
  return { ok, failed, seconds: (performance.now() - started) / 1000 };
}
