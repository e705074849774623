// Starts code-server (VS Code's own server and web workbench) on 127.0.0.1 and a headless Chromium page on it.
// Used by the integration-test runner, the UI tests and `npm start`.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * @param {object} o
 * @param {ReturnType<import('./tools.mjs').ensureTools>} o.tools
 * @param {boolean} [o.smokeTestDriver] accept test payloads in the URL (hides notification toasts)
 * @param {boolean} [o.workspaceTrust] keep workspace trust on (for trust tests)
 * @param {number} [o.port]
 * @param {Record<string,string>} [o.env] extra environment for the server and its extension hosts
 * @param {string[]} [o.extraArgs]
 * @param {string} [o.stateDir] keep user data here (default: a fresh temp folder, removed on stop)
 * @param {(line: string) => void} [o.onOutput]
 */
export async function startCodeServer(o) {
  const port = o.port ?? (await freePort());
  const keepState = Boolean(o.stateDir);
  const state = o.stateDir ?? mkdtempSync(join(tmpdir(), 'xsp-vscode-'));
  const dirs = {
    userData: join(state, 'user-data'),
    extensions: join(state, 'extensions'),
    home: join(state, 'home'),
    config: join(state, 'xdg-config'),
    data: join(state, 'xdg-data'),
    cache: join(state, 'xdg-cache'),
  };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  // Keep the workbench quiet and deterministic: no welcome page, no telemetry, no update checks.
  const settings = join(dirs.userData, 'User');
  mkdirSync(settings, { recursive: true });
  writeFileSync(
    join(settings, 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'telemetry.telemetryLevel': 'off',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'workbench.tips.enabled': false,
        'security.workspace.trust.enabled': Boolean(o.workspaceTrust),
        // code-server ships a chat panel that would take a third of the window.
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'chat.disableAIFeatures': true,
        ...(o.userSettings ?? {}),
      },
      null,
      2,
    ),
  );
  const args = [
    o.tools.codeServer.entry,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--reconnection-grace-time', '5',
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
    ...(o.workspaceTrust ? [] : ['--disable-workspace-trust']),
    ...(o.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    ...(o.extraArgs ?? []),
  ];
  const child = spawn(o.tools.node.bin, args, {
    env: {
      ...process.env,
      HOME: dirs.home,
      XDG_CONFIG_HOME: dirs.config,
      XDG_DATA_HOME: dirs.data,
      XDG_CACHE_HOME: dirs.cache,
      ...(o.env ?? {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const output = [];
  const onData = (buf) => {
    for (const line of buf.toString().split('\n')) {
      if (!line) continue;
      output.push(line);
      o.onOutput?.(line);
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited early (${child.exitCode}):\n${output.join('\n')}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`code-server did not answer on ${url} within 60 s:\n${output.join('\n')}`);
    await sleep(200);
  }

  async function stop() {
    if (child.exitCode === null) {
      // It runs in its own process group: end it and everything it started (extension hosts, watchers).
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
      const timedOut = await Promise.race([exited.then(() => false), sleep(5000).then(() => true)]);
      if (timedOut) {
        try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
      }
    }
    if (!keepState) rmSync(state, { recursive: true, force: true, maxRetries: 3 });
  }

  return { url, port, host: `127.0.0.1:${port}`, child, output, stop, dirs };
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** A headless Chromium driven by playwright-core; never lets Playwright download a browser of its own. */
export async function launchBrowser(tools, { headless = true } = {}) {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: tools.chromium, headless, args: CHROMIUM_ARGS });
}

/** The workbench URL that loads an extension under development and, optionally, a test module. */
export function workbenchUrl(server, { folder, extensionDevelopmentPath, extensionTestsPath }) {
  const remote = (p) => `vscode-remote://${server.host}${p}`;
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  const params = new URLSearchParams();
  if (folder) params.set('folder', folder);
  if (payload.length) params.set('payload', JSON.stringify(payload));
  return `${server.url}/?${params.toString()}`;
}
