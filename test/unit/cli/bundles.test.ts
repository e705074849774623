// The CLI's loading of the model: the zod config it sets (with zod's public config()) before model.js runs must
// be the one the copy of zod bundled in model.js reads, or each `validate` would compile parsers it uses once.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../../helpers/repoRoot';
import { ensureBuilt } from './cliProcess';

/** Counts the functions zod compiles (with `new Function`) on the first parse of a request by dist/model.js. */
const PROBE = `
const jitless = process.argv[1] === 'jitless';
if (jitless) require('zod/v4/core').config({ jitless: true });
let compiled = 0;
globalThis.Function = new Proxy(Function, { construct(target, args) { compiled++; return Reflect.construct(target, args); } });
const model = require(process.argv[2]);
const before = compiled;
model.SessionRequest.safeParse({ reference_id: 'r', session_type: 'PAY', currency: 'IDR', amount: 1000, country: 'ID', mode: 'PAYMENT_LINK' });
process.stdout.write(String(compiled - before));
`;

function compiledOnFirstParse(mode: 'jitless' | 'jit'): number {
  return Number(execFileSync(process.execPath, ['-e', PROBE, mode, join(repoRoot, 'dist', 'model.js')], { cwd: repoRoot, encoding: 'utf8' }));
}

describe('cli bundles', function () {
  this.timeout(60_000);
  before(() => ensureBuilt());

  it("zod's public config({ jitless }) reaches the copy of zod in dist/model.js: no parser is compiled", () => {
    assert.ok(compiledOnFirstParse('jit') > 0, 'without jitless zod compiles a parser: the probe sees compiles');
    assert.equal(compiledOnFirstParse('jitless'), 0);
  });
});
