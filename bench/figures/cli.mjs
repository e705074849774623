// A whole `xendit-sessions create` process against a running sandbox, beside the same POST made by curl and by
// httpyac's CLI, and a bare `node -e 0`: median wall time per process and its peak memory (max RSS).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandboxProcess } from '../lib/sandboxProcess.mjs';
import { median } from '../lib/stats.mjs';

const RUNS = 15;
const WARMUP_RUNS = 2;
const TIME_LIMIT_MS = 240_000;
const RUN_TIMEOUT_MS = 30_000;
const TIME = '/usr/bin/time';

function startSandbox(root) {
  return startSandboxProcess(join(root, 'dist', 'sandbox.js'));
}

/** Runs one process to its end: wall time from spawn to exit, and its max RSS as GNU time reports it. */
function timed(command, args, { cwd, env, memoryFile }) {
  const wrapped = memoryFile ? [TIME, ['-f', '%M', '-o', memoryFile, command, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(wrapped[0], wrapped[1], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
    child.once('error', reject);
    child.once('close', (code) => {
      const ms = performance.now() - started;
      clearTimeout(timer);
      const kib = memoryFile ? Number(readFileSync(memoryFile, 'utf8').trim().split('\n').pop()) : NaN;
      resolve({ ms, mib: kib / 1024, code, stdout, stderr });
    });
  });
}

const round = (value, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

export async function measure({ root }) {
  const cli = join(root, 'dist', 'cli.js');
  const httpyac = join(root, 'node_modules', '.bin', 'httpyac');
  for (const needed of [cli, join(root, 'dist', 'sandbox.js'), httpyac]) {
    if (!existsSync(needed)) throw new Error(`${needed} is missing: run npm ci, then npm run bench (it builds dist/ first)`);
  }
  const hasTime = existsSync(TIME);
  const dir = mkdtempSync(join(tmpdir(), 'xsp-bench-cli-'));
  const sandbox = await startSandbox(root);
  try {
    // The same request for every tool: the reference page's PAY example, as the CLI sends it (no $schema).
    const requestFile = join(dir, 'pay.session.json');
    writeFileSync(requestFile, readFileSync(join(root, 'examples', 'pay-payment-link.session.json')));
    const body = JSON.parse(readFileSync(requestFile, 'utf8'));
    delete body.$schema;
    const bodyFile = join(dir, 'body.json');
    writeFileSync(bodyFile, JSON.stringify(body));
    const authorization = `Basic ${Buffer.from(`${sandbox.key}:`).toString('base64')}`;
    // The example's fresh reference id in httpyac's own words ({{$guid}}), so both tools resolve one placeholder.
    const httpBody = JSON.stringify(body).replaceAll('{{$randomUUID}}', '{{$guid}}');
    writeFileSync(join(dir, 'create.http'), `POST ${sandbox.baseUrl}/sessions\nAuthorization: ${authorization}\nContent-Type: application/json\n\n${httpBody}\n`);
    // The key reaches curl through a config file rather than its command line, where `ps` would show it.
    writeFileSync(join(dir, 'curl.conf'), `header = "Authorization: ${authorization}"\n`);

    const env = { PATH: process.env.PATH, HOME: dir, XDG_CACHE_HOME: join(dir, 'cache'), XENDIT_SECRET_KEY: sandbox.key, LANG: 'C.UTF-8' };
    const tools = {
      cli: {
        command: process.execPath,
        args: [cli, 'create', '--target', 'sandbox', '--base-url', sandbox.baseUrl, requestFile],
        ok: (r) => r.code === 0 && /201 ACTIVE/.test(r.stdout),
      },
      curl: {
        command: 'curl',
        args: ['-sS', '-o', '/dev/null', '-w', '%{http_code}', '-K', join(dir, 'curl.conf'), '-H', 'Content-Type: application/json', '--data-binary', `@${bodyFile}`, `${sandbox.baseUrl}/sessions`],
        ok: (r) => r.code === 0 && r.stdout.trim() === '201',
      },
      httpyac: {
        command: httpyac,
        args: ['send', join(dir, 'create.http'), '--all', '-o', 'short'],
        ok: (r) => r.code === 0 && /=> 201/.test(r.stdout),
      },
      node: { command: process.execPath, args: ['-e', '0'], ok: (r) => r.code === 0 },
      cliNoCache: {
        command: process.execPath,
        args: [cli, 'create', '--target', 'sandbox', '--base-url', sandbox.baseUrl, requestFile],
        env: { XENDIT_SESSIONS_NO_CODE_CACHE: '1' },
        ok: (r) => r.code === 0 && /201 ACTIVE/.test(r.stdout),
      },
    };
    const samples = Object.fromEntries(Object.keys(tools).map((name) => [name, { ms: [], mib: [] }]));
    const started = performance.now();
    let rounds = 0;
    // Interleaved, so a burst of load on the machine lands on every tool alike.
    for (let run = 0; run < WARMUP_RUNS + RUNS && performance.now() - started < TIME_LIMIT_MS; run++) {
      for (const [name, tool] of Object.entries(tools)) {
        const result = await timed(tool.command, tool.args, { cwd: dir, env: { ...env, ...tool.env }, memoryFile: hasTime ? join(dir, 'rss.txt') : undefined });
        if (!tool.ok(result)) {
          const shown = `${result.stdout}\n${result.stderr}`.split(sandbox.key).join('[key]').slice(0, 2000);
          throw new Error(`${name} did not create a session (exit ${result.code}):\n${shown}`);
        }
        if (run >= WARMUP_RUNS) {
          samples[name].ms.push(result.ms);
          samples[name].mib.push(result.mib);
        }
      }
      if (run >= WARMUP_RUNS) rounds++;
    }

    const ms = (name) => median(samples[name].ms);
    const peak = (name) => Math.max(...samples[name].mib);
    const runs = `median of ${rounds} runs after ${WARMUP_RUNS} warm-ups, interleaved`;
    const memoryNote = hasTime ? `max RSS over ${rounds} runs (${TIME} -f %M)` : undefined;
    const memory = (name, extra) =>
      hasTime
        ? { value: round(peak(name)), unit: 'MiB', ...extra, note: `${memoryNote}; median ${round(median(samples[name].mib))} MiB` }
        : { value: 0, unit: 'MiB', note: `not measured: ${TIME} is missing (Debian package "time")` };
    return {
      cli_create_ms: { value: round(ms('cli')), unit: 'ms', goal: 120, note: `${runs}; a whole process, code cache warm` },
      cli_peak_mib: memory('cli', { goal: 70 }),
      cli_create_no_cache_ms: { value: round(ms('cliNoCache')), unit: 'ms', note: 'the same with XENDIT_SESSIONS_NO_CODE_CACHE=1' },
      curl_create_ms: { value: round(ms('curl')), unit: 'ms', note: runs },
      curl_peak_mib: memory('curl'),
      httpyac_create_ms: { value: round(ms('httpyac')), unit: 'ms', note: `${runs}; httpyac send --all` },
      httpyac_peak_mib: memory('httpyac'),
      node_baseline_ms: { value: round(ms('node')), unit: 'ms', note: `node -e 0, ${runs}` },
      node_baseline_peak_mib: memory('node'),
      cli_over_node_ms: { value: round(ms('cli') - ms('node')), unit: 'ms', note: 'cli_create_ms minus node_baseline_ms: what the CLI itself costs' },
      cli_vs_curl_ratio: { value: round(ms('cli') / ms('curl'), 2), unit: 'x' },
      cli_vs_httpyac_ratio: { value: round(ms('cli') / ms('httpyac'), 2), unit: 'x' },
    };
  } finally {
    await sandbox.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
