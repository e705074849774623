// Loads the heavy parts of the extension on first use, so activation never evaluates zod or undici.
// In the packaged extension they are separate bundles next to dist/extension.js; when the shell runs
// from transpiled sources (unit-style tests in out/), the same modules are found in the source tree.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as ModelBundle from '../modelBundle';
import type * as ClientBundle from '../clientBundle';

export type Model = typeof ModelBundle;
export type Client = typeof ClientBundle;

let model: Model | undefined;
let client: Client | undefined;

function load<T>(bundle: string, source: string): T {
  const bundled = path.join(__dirname, `${bundle}.js`);
  // A computed path keeps esbuild from inlining the module into the activation bundle.
  const file = fs.existsSync(bundled) ? bundled : path.join(__dirname, '..', `${source}.js`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(file) as T;
}

/** The request model, rules, JSON-with-positions analysis and the result panel's message schemas (zod). */
export function loadModel(): Model {
  return (model ??= load<Model>('model', 'modelBundle'));
}

/** The HTTP client and the embedded sandbox (undici, node:http). */
export function loadClient(): Client {
  return (client ??= load<Client>('client', 'clientBundle'));
}
