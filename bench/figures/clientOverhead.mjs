// What SessionsClient costs over a bare undici.request: the median time of createSession against the sandbox,
// divided by the median of a raw request sending the same body to the same sandbox, interleaved.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { startSandboxProcess } from '../lib/sandboxProcess.mjs';
import { median } from '../lib/stats.mjs';

const WARMUP_PAIRS = 50;
const MEASURED_PAIRS = 400;
const TIME_LIMIT_MS = 60_000;

function startOverheadSandbox(root) {
  return startSandboxProcess(join(root, 'out', 'src', 'sandbox', 'main.js'));
}

export async function measure({ root }) {
  const require = createRequire(join(root, 'package.json'));
  const { request, Agent } = require('undici');
  const { SessionsClient } = require(join(root, 'out', 'src', 'sessions', 'client.js'));
  const { USER_AGENT } = require(join(root, 'out', 'src', 'sessions', 'version.js'));
  const { SESSION_REQUEST_EXAMPLES } = require(join(root, 'out', 'src', 'sessions', 'examples.js'));
  const body = SESSION_REQUEST_EXAMPLES.find((e) => e.body.session_type === 'PAY' && Array.isArray(e.body.items))?.body ?? SESSION_REQUEST_EXAMPLES[0].body;

  const sandbox = await startOverheadSandbox(root);
  const client = new SessionsClient({ baseUrl: sandbox.baseUrl, secretKey: sandbox.key });
  const agent = new Agent({ keepAliveTimeout: 10_000 });
  const url = `${sandbox.baseUrl}/sessions`;
  const headers = {
    authorization: `Basic ${Buffer.from(`${sandbox.key}:`).toString('base64')}`,
    accept: 'application/json',
    'user-agent': USER_AGENT,
    'content-type': 'application/json',
  };

  const viaClient = async () => {
    const began = performance.now();
    const result = await client.createSession(body);
    const took = performance.now() - began;
    if (result.kind !== 'session') throw new Error(`createSession answered ${result.kind}: ${JSON.stringify(result.error ?? result.reason)}`);
    return took;
  };
  const raw = async () => {
    const began = performance.now();
    const res = await request(url, { method: 'POST', headers, body: JSON.stringify(body), dispatcher: agent });
    const parsed = await res.body.json();
    const took = performance.now() - began;
    if (res.statusCode !== 201 || typeof parsed.payment_session_id !== 'string') throw new Error(`raw request answered ${res.statusCode}`);
    return took;
  };

  const clientTimes = [];
  const rawTimes = [];
  const started = performance.now();
  try {
    for (let pair = 0; pair < WARMUP_PAIRS + MEASURED_PAIRS && performance.now() - started < TIME_LIMIT_MS; pair++) {
      // Alternate which goes first, so neither always meets a freshly warmed connection or cache.
      const [a, b] = pair % 2 === 0 ? [await viaClient(), await raw()] : [await raw(), await viaClient()].reverse();
      if (pair >= WARMUP_PAIRS) {
        clientTimes.push(a);
        rawTimes.push(b);
      }
    }
  } finally {
    await client.close();
    await agent.close();
    await sandbox.stop();
  }
  if (clientTimes.length < 200) throw new Error(`only ${clientTimes.length} pairs within ${TIME_LIMIT_MS / 1000} s`);
  const clientMs = median(clientTimes);
  const rawMs = median(rawTimes);
  return {
    client_overhead_ratio: {
      value: Math.round((clientMs / rawMs) * 1000) / 1000,
      unit: 'ratio',
      goal: 1.05,
      note: `median createSession ${clientMs.toFixed(3)} ms vs raw undici.request ${rawMs.toFixed(3)} ms; ${clientTimes.length} interleaved pairs after ${WARMUP_PAIRS} warm-ups; sandbox in a child process`,
    },
    client_create_session_ms: {
      value: Math.round(clientMs * 1000) / 1000,
      unit: 'ms',
      note: 'median SessionsClient.createSession against the local sandbox (keep-alive)',
    },
    client_overhead_us: {
      value: Math.round((clientMs - rawMs) * 1000),
      unit: 'µs',
      note: 'what the client adds per createSession: its record of the request (scrubbed), the headers that matter, the zod parse of the response (1-3 µs alone) and the result',
    },
  };
}
