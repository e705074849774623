// `npm start`: a real VS Code in the browser (code-server, from the test runner's cached tools) on 127.0.0.1,
// with this extension installed from a freshly packaged .vsix, the examples/ folder open and the Sandbox
// target. Works offline and without a key. Ctrl+C stops it.
//   npm start [-- --port N]   (default 8123; a busy port falls back to a free one)
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { cacheDir, ensureTools } from '../test/runner/tools.mjs';
import { freePort, startCodeServer } from '../test/runner/codeServer.mjs';
import { createServer } from 'node:net';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const portArg = process.argv.indexOf('--port');
const wanted = portArg > 0 ? Number(process.argv[portArg + 1]) : 8123;

function portIsFree(port) {
  return new Promise((done) => {
    const srv = createServer();
    srv.once('error', () => done(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => done(true)));
  });
}

export function packageExtension() {
  const dir = mkdtempSync(join(tmpdir(), 'xsp-vsix-'));
  const vsix = join(dir, 'xendit-sessions-playground.vsix');
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--production'], { cwd: root, stdio: 'inherit' });
  execFileSync(join(root, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--out', vsix], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  return { vsix, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function installExtension(tools, vsix, extensionsDir) {
  execFileSync(tools.node.bin, [tools.codeServer.entry, '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, HOME: join(extensionsDir, '..') },
  });
}

async function main() {
  const tools = ensureTools();
  const { vsix, cleanup } = packageExtension();
  // A state folder of its own, kept between runs (settings, open editors), never the user's own VS Code.
  const stateDir = join(cacheDir(), 'playground-state');
  mkdirSync(join(stateDir, 'extensions'), { recursive: true });
  installExtension(tools, vsix, join(stateDir, 'extensions'));
  cleanup();
  const port = (await portIsFree(wanted)) ? wanted : await freePort();
  const server = await startCodeServer({ tools, port, stateDir, userSettings: { 'workbench.colorTheme': 'Default Dark Modern' } });
  const folder = join(root, 'examples');
  const url = `${server.url}/?folder=${encodeURIComponent(folder)}`;
  console.log(`\nXendit Sessions Playground is running in VS Code at:\n\n  ${url}\n`);
  console.log('Open a *.session.json file and run "Xendit: Create Session" (or click the CodeLens above the first line).');
  console.log('The Sandbox target needs no key and no network. Press Ctrl+C to stop.\n');
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
