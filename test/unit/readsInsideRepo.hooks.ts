// Root hooks for the unit run: every file the run opens must be inside the repository (or a folder the run made
// itself). A clone from the project's public home has nothing beside it, so a test or helper that reads a sibling
// folder beside the clone would pass here and fail there. Loaded by .mocharc.json before any test file.
// The real module object: the wrappers below must be seen by every file that calls fs, and an ES namespace import
// would give this file a copy of its own.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import fs = require('node:fs');
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot } from '../helpers/repoRoot';

const startedAt = Date.now();
const parent = dirname(repoRoot);
const touched = new Set<string>();

function record(target: unknown): void {
  const path = typeof target === 'string' ? target : target instanceof URL && target.protocol === 'file:' ? fileURLToPath(target) : undefined;
  if (path) touched.add(resolve(path));
}

/** Wraps the fs calls that read or look at a path so each path they are given is recorded first. */
function watch<T extends object>(target: T, names: string[]): void {
  const methods = target as Record<string, unknown>;
  for (const name of names) {
    const original = methods[name];
    if (typeof original !== 'function') continue;
    methods[name] = function (this: unknown, ...args: unknown[]) {
      record(args[0]);
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
  }
}

/** Folders this run made (mkdtemp, mkdir): reading in them is reading what the run wrote, wherever they are. */
const made = new Set<string>();
export const madeThisRun: ReadonlySet<string> = made;

function remember(path: unknown): void {
  if (typeof path === 'string') made.add(resolve(path));
}

/**
 * What a make-folder call made: the path it returned (mkdtemp, or a recursive mkdir's first new folder), else the
 * path a plain mkdir was given. A recursive mkdir of a folder that was there returns nothing and made nothing.
 */
function madeBy(args: unknown[], result: unknown): unknown {
  if (typeof result === 'string') return result;
  const options = args[1];
  const recursive = typeof options === 'object' && options !== null && (options as { recursive?: unknown }).recursive === true;
  return recursive ? undefined : args[0];
}

/** Wraps the fs calls that make folders so each folder made is remembered (the path they return, or were given). */
function watchMade(target: object, names: string[]): void {
  const methods = target as Record<string, unknown>;
  for (const name of names) {
    const original = methods[name];
    if (typeof original !== 'function') continue;
    methods[name] = function (this: unknown, ...args: unknown[]) {
      const last = args[args.length - 1];
      if (typeof last === 'function') {
        // The callback forms: mkdtemp(prefix, cb) gives the folder; mkdir(path, cb) made `path` (or its first part).
        args[args.length - 1] = (err: unknown, result: unknown) => {
          if (!err) remember(madeBy(args, result));
          (last as (e: unknown, r: unknown) => void)(err, result);
        };
        return (original as (...a: unknown[]) => unknown).apply(this, args);
      }
      const result = (original as (...a: unknown[]) => unknown).apply(this, args);
      if (result instanceof Promise) return result.then((r: unknown) => (remember(madeBy(args, r)), r));
      remember(madeBy(args, result));
      return result;
    };
  }
}

watchMade(fs, ['mkdtempSync', 'mkdirSync', 'mkdtemp', 'mkdir']);
watchMade(fs.promises, ['mkdtemp', 'mkdir']);

/**
 * A sibling the run did not make itself, and that was there before it: what a lone clone would not have. A folder
 * the run made and already removed is not flagged (when the clone sits in the temp folder, the tests' temp folders
 * are its siblings).
 */
export function notMadeByRun(wasThere: (sibling: string) => boolean, madeFolders: ReadonlySet<string> = made): (sibling: string) => boolean {
  return (sibling) => !madeFolders.has(sibling) && wasThere(sibling);
}

watch(fs, ['readFileSync', 'readFile', 'openSync', 'open', 'existsSync', 'statSync', 'lstatSync', 'readdirSync', 'readdir', 'createReadStream', 'accessSync', 'access', 'stat', 'opendirSync', 'cpSync']);
watch(fs.promises, ['readFile', 'open', 'stat', 'lstat', 'readdir', 'access', 'opendir', 'cp']);

/**
 * Whether a folder beside the repository was there before the run started. File-system clocks tick coarsely, so
 * only a folder made at least a second before the run counts: a real sibling (a docs folder, another clone) is far
 * older, and the folders the run makes itself (the tests' temp folders, when the clone sits in the temp folder) are
 * newer.
 */
export function existedBefore(since: number): (sibling: string) => boolean {
  return (sibling) => {
    try {
      const made = fs.statSync(sibling);
      return Math.min(made.birthtimeMs || Infinity, made.ctimeMs) < since - 1000;
    } catch {
      return true; // looked for and not there: a lone clone would not find it either
    }
  };
}

/** The paths beside the repository, in a folder that existed before the run: what a lone clone would not have. */
export function readsOutsideRepo(paths: Iterable<string>, root: string, wasThere: (sibling: string) => boolean): string[] {
  const above = dirname(root);
  // node_modules may be a link to another folder (a shared install); what it holds is the repository's own.
  const inside = [root, realpathOr(join(root, 'node_modules'))];
  return [...paths].filter((path) => {
    if (inside.some((dir) => path === dir || path.startsWith(dir + sep))) return false;
    if (!path.startsWith(above + sep)) return false;
    return wasThere(resolve(above, path.slice(above.length + 1).split(sep)[0]));
  });
}

function realpathOr(path: string): string {
  try {
    return fs.realpathSync(path);
  } catch {
    return path;
  }
}

export const mochaHooks = {
  afterAll(): void {
    const outside = readsOutsideRepo(touched, repoRoot, notMadeByRun(existedBefore(startedAt)));
    if (outside.length > 0) {
      throw new Error(
        `The unit run read ${outside.length} path(s) beside the repository (${parent}), which a clone from the ` +
          `project's home does not have; keep what tests need inside the repository:\n  ${outside.slice(0, 20).join('\n  ')}`,
      );
    }
  },
};
