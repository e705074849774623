// Loads the request model (dist/model.js: zod, rules) and the HTTP client (dist/client.js: undici, sandbox) only
// when a command needs them, through a V8 code cache kept per user, so a `create` does not compile 1 MB anew.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { config as zodConfig } from 'zod/v4/core';
import type * as ClientBundle from '../clientBundle';
import type * as ModelBundle from '../modelBundle';

export type Model = typeof ModelBundle;
export type Client = typeof ClientBundle;

/** Set to 1 to load the bundles without the code cache (to measure it, or where no cache folder is writable). */
export const NO_CODE_CACHE_VARIABLE = 'XENDIT_SESSIONS_NO_CODE_CACHE';

type ModuleFunction = (exports: unknown, require: (id: string) => unknown, module: { exports: unknown }, filename: string, dirname: string) => void;

const modules = new Map<string, { exports: unknown }>();
const unsaved: { script: vm.Script; cacheFile: string; prefix: string }[] = [];

export interface LoadOptions {
  /**
   * For a command that runs until stopped (the sandbox): zod keeps its compiled parsers, which pay off over the
   * many requests it checks. Only the first load decides.
   */
  readonly longRunning?: boolean;
}

/** The model, rules and JSON-with-positions analysis. */
export function loadModel(options: LoadOptions = {}): Model {
  if (!options.longRunning) preferInterpretedParsers();
  return load(path.join(__dirname, 'model.js')) as Model;
}

/**
 * The model's objects use zod's compiled parser, which generates and compiles code for each object shape on its
 * first parse: it pays off in the editor, which checks the same shapes on every keystroke, but costs a command
 * that parses a request or two about 5 ms, code the V8 cache never holds. zod reads `jitless` when a schema is
 * built, so it is set before model.js runs, with zod's public `config()`: zod keeps one config per process for
 * all its copies, the one bundled in model.js included (test/unit/cli/bundles.test.ts checks that on the
 * built bundles). esbuild keeps only `config` of zod here: a few hundred bytes of cli.js.
 */
function preferInterpretedParsers(): void {
  zodConfig({ jitless: true });
}

/**
 * The HTTP client and the sandbox. `url` is where the command sends, when it knows: an https URL also warms TLS.
 * The model comes first, before the V8 flag below is set: its code cache is then always made and read under the
 * same flags, whichever command loads it.
 */
export function loadClient(url?: string, options: LoadOptions = {}): Client {
  loadModel(options);
  const file = path.join(__dirname, 'client.js');
  if (!modules.has(file)) {
    loadBuiltinsFor(url);
    // A code cache records the flags it was made under: the model's is made now, before they change.
    saveCodeCache();
    prepareV8();
  }
  return load(file) as Client;
}

/** The built-in modules dist/client.js loads as it starts (undici's and the client's), and TLS for an https URL. */
const CLIENT_BUILTINS = ['node:http', 'node:assert', 'node:net', 'node:stream', 'node:diagnostics_channel', 'node:util', 'node:util/types', 'node:events', 'node:buffer', 'node:querystring', 'node:async_hooks'];

/**
 * Node compiles its built-in modules from a code cache embedded in its binary, which V8 accepts only under the flags
 * it was made with: once prepareV8() changes one, each built-in loaded after compiles from source (measured: node:http
 * and node:assert 3.7 ms before, 9.4 ms after). So the ones the client needs are loaded first.
 */
function loadBuiltinsFor(url: string | undefined): void {
  const fromHere = createRequire(__filename);
  for (const id of CLIENT_BUILTINS) fromHere(id);
  if (url?.startsWith('https:')) fromHere('node:tls');
}

let v8Prepared = false;

/**
 * undici parses HTTP with llhttp compiled to WebAssembly; V8 then re-optimizes that code on background threads,
 * and a process about to exit waits for them (measured: about 30 MiB more peak memory and 150 ms more per
 * `create`). Liftoff, V8's first-tier code, parses a few KB of answer just as well. Set always at the same point,
 * after model.js is compiled and before client.js is: V8 rejects a code cache made under other flags.
 */
function prepareV8(): void {
  if (v8Prepared) return;
  v8Prepared = true;
  // Required here, not at the top: node:v8 loads a dozen modules a `validate` never needs.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- on purpose, see above
  (require('node:v8') as typeof import('node:v8')).setFlagsFromString('--liftoff-only');
}

/**
 * Writes the code cache of each bundle that had none (or a stale one). Called once the command has run, so the
 * cache also holds the functions it compiled on the way, which the next run then does not compile either; and
 * by loadClient for the model, before a V8 flag changes (the model's cache then holds what ran until then).
 */
export function saveCodeCache(): void {
  for (const { script, cacheFile, prefix } of unsaved.splice(0)) {
    try {
      fs.mkdirSync(path.dirname(cacheFile), { recursive: true, mode: 0o700 });
      const temporary = `${cacheFile}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, script.createCachedData());
      // A rename is atomic, so CI jobs running side by side never read half a cache.
      fs.renameSync(temporary, cacheFile);
      removeOtherVersions(cacheFile, prefix);
    } catch {
      // An unwritable cache costs the next run its compile time, nothing else.
    }
  }
}

function load(file: string): unknown {
  const known = modules.get(file);
  if (known) return known.exports;
  let source: string;
  try {
    source = fs.readFileSync(file, 'utf8');
  } catch {
    throw new Error(`${file} is missing: this xendit-sessions is incomplete. Reinstall it, or in a clone of the repository run npm run build.`);
  }
  const cache = cacheFor(file);
  const cachedData = cache ? readIfPresent(cache.cacheFile) : undefined;
  // The wrapper keeps the bundle's first line as line 1, so stack traces point at the right lines.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  const module = { exports: {} as unknown };
  modules.set(file, module);
  const fromBundle = createRequire(file);
  // client.js requires ./model.js: it must get the same instance, through the same cache.
  const requireIn = (id: string): unknown => (id.startsWith('./') || id.startsWith('../') ? load(path.resolve(path.dirname(file), id)) : fromBundle(id));
  (script.runInThisContext() as ModuleFunction).call(module.exports, module.exports, requireIn, module, file, path.dirname(file));
  if (cache && (!cachedData || script.cachedDataRejected)) unsaved.push({ script, ...cache });
  return module.exports;
}

function cacheFolder(): string | undefined {
  if (process.env[NO_CODE_CACHE_VARIABLE] === '1') return undefined;
  try {
    return path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'xendit-sessions');
  } catch {
    return undefined;
  }
}

/**
 * One file per bundle, Node version and build. V8 checks only the source's length before it uses a cache, so the
 * name carries the bundle's size and modification time: a rebuilt bundle never meets an old cache.
 */
function cacheFor(file: string): { cacheFile: string; prefix: string } | undefined {
  const folder = cacheFolder();
  if (!folder) return undefined;
  try {
    const stat = fs.statSync(file, { bigint: true });
    const prefix = prefixFor(file);
    return { cacheFile: path.join(folder, `${prefix}${stat.size}-${stat.mtimeNs}-${process.version}-${process.arch}.v8cache`), prefix };
  } catch {
    return undefined;
  }
}

/** Installs in different folders keep their own caches: the prefix names the bundle and a hash of its path. */
function prefixFor(file: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < file.length; i++) hash = Math.imul(hash ^ file.charCodeAt(i), 0x01000193) >>> 0;
  return `${path.basename(file, '.js')}-${hash.toString(16).padStart(8, '0')}-`;
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

function removeOtherVersions(cacheFile: string, prefix: string): void {
  const folder = path.dirname(cacheFile);
  const name = path.basename(cacheFile);
  for (const entry of fs.readdirSync(folder)) {
    if (entry !== name && entry.startsWith(prefix) && entry.endsWith('.v8cache')) fs.rmSync(path.join(folder, entry), { force: true });
  }
}
