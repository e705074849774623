// sandbox_create_rps: POST /sessions a second against the sandbox in its own process (10 keep-alive
// connections, 4 s), with a nearly empty store and with 20,000 stored sessions. A sandbox that scans every
// session on each request, or keeps every session forever, slows down as it is used; the goal is that the full
// store keeps at least 0.8 of the empty store's rate. Both sandboxes first take the same 20,000 creates, so both
// run equally warm code: the "empty" one is started with --max-sessions 100 and so keeps only the last 100.
// The sandbox's peak memory (VmHWM) and its creates per CPU second (which the shared machine's load does not
// bend as much as the wall clock) are reported too.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { postLoad } from '../lib/loadGenerator.mjs';
import { startSandboxProcess } from '../lib/sandboxProcess.mjs';

const CONNECTIONS = 10;
const MEASURE_MS = 4_000;
const STORED = 20_000;
const EMPTY_BOUND = 100;
/** Each case runs this often, alternating, and keeps its best run: the machine is shared, so noise only slows. */
const ROUNDS = 2;

/** The process's peak resident memory in MB (Linux /proc), or undefined elsewhere. */
function peakRssMb(pid) {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

/** CPU seconds (user + system) the process has used so far, from /proc (Linux; clock ticks of 1/100 s). */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

async function createRate(root, extraArgs) {
  const sandbox = await startSandboxProcess(join(root, 'dist', 'sandbox.js'), extraArgs);
  try {
    const load = (options) =>
      postLoad({
        url: `${sandbox.baseUrl}/sessions`,
        headers: { authorization: `Basic ${Buffer.from(`${sandbox.key}:`).toString('base64')}`, 'content-type': 'application/json' },
        bodyFor: (i) => JSON.stringify({ reference_id: `bench-${options.tag}-${i}`, session_type: 'PAY', currency: 'IDR', amount: 10000, mode: 'PAYMENT_LINK', country: 'ID' }),
        connections: CONNECTIONS,
        ...options,
      });
    const fill = await load({ tag: 'fill', maxRequests: STORED });
    if (fill.failed > 0) throw new Error(`${fill.failed} of the ${fill.ok + fill.failed} requests that fill the store failed`);
    const cpuBefore = cpuSeconds(sandbox.pid);
    const run = await load({ tag: 'measure', durationMs: MEASURE_MS });
    const cpu = cpuBefore === undefined ? undefined : cpuSeconds(sandbox.pid) - cpuBefore;
    if (run.failed > 0) throw new Error(`${run.failed} of ${run.ok + run.failed} measured requests failed`);
    return { rps: run.ok / run.seconds, perCpuSecond: cpu ? run.ok / cpu : 0, peakMb: peakRssMb(sandbox.pid) ?? 0 };
  } finally {
    await sandbox.stop();
  }
}

const best = (runs, key) => Math.max(...runs.map((r) => r[key]));
const list = (runs, key) => runs.map((r) => Math.round(r[key])).join(', ');

export async function measure({ root }) {
  const empties = [];
  const fulls = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which case goes first, so neither always meets the machine in the same state.
    const runEmpty = async () => empties.push(await createRate(root, ['--max-sessions', String(EMPTY_BOUND)]));
    const runFull = async () => fulls.push(await createRate(root, []));
    if (round % 2 === 0) await runEmpty().then(runFull);
    else await runFull().then(runEmpty);
  }
  const mb = (runs) => (best(runs, 'peakMb') ? `${best(runs, 'peakMb')} MB` : 'unknown');
  return {
    sandbox_create_rps: {
      value: Math.round(best(empties, 'rps')),
      unit: 'req/s',
      note: `POST /sessions, ${CONNECTIONS} connections, ${MEASURE_MS / 1000} s, store held at ${EMPTY_BOUND} sessions, best of ${ROUNDS} (runs: ${list(empties, 'rps')}); sandbox peak RSS ${mb(empties)}`,
    },
    sandbox_create_rps_20k_stored: {
      value: Math.round(best(fulls, 'rps')),
      unit: 'req/s',
      note: `the same with ${STORED.toLocaleString('en')} stored, the default bound, so each create also drops one (runs: ${list(fulls, 'rps')}); sandbox peak RSS ${mb(fulls)}`,
    },
    sandbox_create_rps_ratio: {
      value: Math.round((best(fulls, 'rps') / best(empties, 'rps')) * 100) / 100,
      unit: 'x',
      goal: 0.8,
      better: 'higher',
      note: 'the rate with 20,000 stored sessions divided by the rate with an empty store (wall clock)',
    },
    sandbox_create_per_cpu_s_ratio: {
      value: Math.round((best(fulls, 'perCpuSecond') / best(empties, 'perCpuSecond')) * 100) / 100,
      unit: 'x',
      goal: 0.8,
      better: 'higher',
      note: `the same ratio of creates per second of the sandbox's own CPU time (empty runs: ${list(empties, 'perCpuSecond')}; full: ${list(fulls, 'perCpuSecond')})`,
    },
  };
}
