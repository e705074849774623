// Bundles the extension with esbuild, and transpiles the tests for mocha and the extension host.
// Usage: node scripts/build.mjs [--production] [--watch] [--tests]
//   --production  minified bundles, no source maps (what `npm run package` ships)
//   --tests       also transpile src/ and test/ file by file into out/ (mocha and the extension host run them)
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');
const tests = args.has('--tests');

/**
 * Each entry is its own bundle so activation only evaluates what it needs: the shell is small,
 * and the heavy modules (zod, undici) load on first use with a plain `require` of their bundle.
 */
export const bundles = [
  { in: 'src/extension.ts', out: 'extension' },
  { in: 'src/modelBundle.ts', out: 'model' },
  { in: 'src/clientBundle.ts', out: 'client', sharesModel: true },
  { in: 'src/sandbox/main.ts', out: 'sandbox' },
  { in: 'src/cli/main.ts', out: 'cli', banner: '#!/usr/bin/env node' },
];

/**
 * The client bundle reuses the model bundle at run time instead of carrying a second copy of zod and the
 * rules: an import of a module that src/modelBundle.ts re-exports becomes `require('./model.js')`.
 */
function modelModules() {
  const entry = join(root, 'src', 'modelBundle.ts');
  const text = readFileSync(entry, 'utf8');
  return new Set([...text.matchAll(/export \* from '([^']+)'/g)].map((m) => resolve(dirname(entry), `${m[1]}.ts`)));
}

const shareModel = {
  name: 'share-model-bundle',
  setup(build) {
    const shared = modelModules();
    build.onResolve({ filter: /^\./ }, (args) => {
      const target = resolve(args.resolveDir, `${args.path}.ts`);
      return shared.has(target) ? { path: './model.js', external: true } : undefined;
    });
  },
};

/**
 * An esbuild plugin that bundles `contents(path)` in place of one of undici's own modules, where `importer` (one of
 * undici's files) requires it by a path matching `request`. `path` is the module it replaces; a `require` in
 * `contents` resolves from its folder.
 */
function replaceUndiciModule({ name, request, importer, contents }) {
  return {
    name,
    setup(build) {
      build.onResolve({ filter: request }, (args) =>
        importer.test(args.importer) ? { path: join(dirname(args.importer), args.path), namespace: name } : undefined,
      );
      build.onLoad({ filter: /./, namespace: name }, (args) => ({ contents: contents(args.path), resolveDir: dirname(args.path), loader: 'js' }));
    },
  };
}

/**
 * undici's dispatcher/client.js requires client-h2.js (with node:http2, which brings tls and more: about 15 ms of
 * every CLI process, and about 10 KB minified) for connections that speak HTTP/2. The client never offers HTTP/2:
 * undici's allowH2 and useH2c are off unless set, and nothing here sets them, so TLS can only agree on http/1.1.
 * The bundles carry a stand-in that says so if a connection ever does speak h2.
 */
const noUndiciHttp2 = replaceUndiciModule({
  name: 'no-undici-http2',
  request: /^\.\/client-h2\.js$/,
  importer: /[\\/]undici[\\/]lib[\\/]dispatcher[\\/]client\.js$/,
  contents: () => `module.exports = function connectH2() { throw new Error('This build of undici speaks HTTP/1.1 only, and never offers HTTP/2'); };`,
});

/**
 * undici's HTTP/1 writer requires web/fetch/body.js (with WebIDL and the rest of fetch's plumbing, about
 * 40 KB) only to send a FormData body. The client sends every body as a string, so in the bundles that module is
 * replaced by one that says so if it is ever reached, instead of shipping fetch to every user.
 */
const noUndiciFormData = replaceUndiciModule({
  name: 'no-undici-form-data',
  request: /[\\/]web[\\/]fetch[\\/]body\.js$/,
  importer: /[\\/]undici[\\/]lib[\\/]dispatcher[\\/]client-h1\.js$/,
  contents: () => `exports.extractBody = function extractBody() { throw new Error('This build of undici sends string and Buffer bodies only, not FormData'); };`,
});

/**
 * undici 7's ProxyAgent requires its SOCKS5 agent (with the SOCKS client and its helpers, about 11 KB minified) for
 * socks:// proxy URLs. The playground refuses those before making a client (src/sessions/proxy.ts accepts http://
 * and https:// proxies only), so the bundles carry a stand-in that says so if it is ever reached.
 */
const noUndiciSocks = replaceUndiciModule({
  name: 'no-undici-socks',
  request: /^\.\/socks5-proxy-agent$/,
  importer: /[\\/]undici[\\/]lib[\\/]dispatcher[\\/]proxy-agent\.js$/,
  contents: () => `module.exports = class Socks5ProxyAgent { constructor() { throw new Error('This build of undici has no SOCKS proxy support: use an http:// or https:// proxy'); } };`,
});

/**
 * undici's HTTP/1 parser is llhttp compiled to WebAssembly, which undici ships as two JS files each holding the
 * module in base64 (about 72 KB of string literal apiece, SIMD and plain). The bundles read the plain module's bytes
 * from dist/llhttp.wasm instead, once, when the first connection is made: a smaller package (binary compresses
 * better than base64) and about 145 KB less JavaScript to parse when dist/client.js loads.
 *
 * Only the plain build is shipped, for both of undici's requests: it runs wherever WebAssembly does, where the SIMD
 * build needs CPU support undici falls back from. It parses a 5 MB answer in about 20 ms instead of 11 and a
 * session-sized one no slower (measured on a 2-core Linux machine), and it keeps 18 KB out of the package.
 */
const LLHTTP_FILE = 'llhttp.wasm';
const undiciWasmFiles = replaceUndiciModule({
  name: 'undici-wasm-files',
  request: /[\\/]llhttp[\\/]llhttp(_simd)?-wasm\.js$/,
  importer: /[\\/]undici[\\/]lib[\\/]dispatcher[\\/]client-h1\.js$/,
  contents: () => `module.exports = require('node:fs').readFileSync(require('node:path').join(__dirname, ${JSON.stringify(LLHTTP_FILE)}));`,
});

/** Writes the .wasm file that undiciWasmFiles reads, decoded from undici's own module (and drops an older build's SIMD copy). */
function writeLlhttpWasm() {
  const require = createRequire(import.meta.url);
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(join(root, 'dist', LLHTTP_FILE), require('undici/lib/llhttp/llhttp-wasm.js'));
  rmSync(join(root, 'dist', 'llhttp_simd.wasm'), { force: true });
}

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  // jsonc-parser's "main" is a UMD build whose lazy requires esbuild cannot follow; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  logLevel: 'warning',
  legalComments: 'none',
  define: { 'process.env.XSP_PRODUCTION': JSON.stringify(production ? 'true' : 'false') },
};

/**
 * The result panel's webview script runs in the webview's page: one browser bundle, media/panel.js, where the panel's
 * HTML loads it (under its CSP nonce) and the package ships it. It imports only types from the extension, so no zod
 * or other extension code lands in it (eslint.config.mjs enforces that).
 */
const webview = {
  entryPoints: [join(root, 'src', 'webview', 'main.ts')],
  outfile: join(root, 'media', 'panel.js'),
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  logLevel: 'warning',
  legalComments: 'none',
};

function listTs(dir) {
  if (!existsSync(join(root, dir))) return [];
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.ts') && !d.name.endsWith('.d.ts'))
    .map((d) => relative(root, join(d.parentPath ?? d.path, d.name)));
}

const contexts = [];
// Only a production build starts from an empty dist/ (it is what gets packaged). Other builds overwrite in
// place, so a build started in one terminal never pulls files from under a test run in another.
if (production) rmSync(join(root, 'dist'), { recursive: true, force: true, maxRetries: 3 });
writeLlhttpWasm();
for (const b of bundles) {
  contexts.push(
    await esbuild.context({
      ...common,
      entryPoints: [{ in: join(root, b.in), out: b.out }],
      outdir: join(root, 'dist'),
      plugins: [...(b.sharesModel ? [shareModel] : []), noUndiciHttp2, noUndiciFormData, noUndiciSocks, undiciWasmFiles],
      ...(b.banner ? { banner: { js: b.banner } } : {}),
    }),
  );
}

/** Removes transpiled files whose TypeScript source is gone, so a deleted test cannot keep running. */
function pruneOut() {
  const out = join(root, 'out');
  if (!existsSync(out)) return;
  for (const d of readdirSync(out, { recursive: true, withFileTypes: true })) {
    if (!d.isFile() || !d.name.endsWith('.js')) continue;
    const js = join(d.parentPath ?? d.path, d.name);
    const ts = join(root, relative(out, js)).replace(/\.js$/, '.ts');
    if (!existsSync(ts)) rmSync(js, { force: true });
  }
}

contexts.push(await esbuild.context(webview));

if (tests) {
  contexts.push(
    await esbuild.context({
      // src/webview runs in the webview's page (media/panel.js above), not under Node.
      entryPoints: [...listTs('src').filter((f) => !f.startsWith(join('src', 'webview'))), ...listTs('test'), ...listTs('scripts'), ...listTs('bench')].map((f) => join(root, f)),
      outbase: root,
      outdir: join(root, 'out'),
      bundle: false,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      sourcemap: 'inline',
      sourcesContent: false,
      logLevel: 'warning',
    }),
  );
}

if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[watch] esbuild is watching src/ and test/');
} else {
  for (const c of contexts) {
    await c.rebuild();
    await c.dispose();
  }
  if (tests) pruneOut();
}
