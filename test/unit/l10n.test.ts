// Localisation stays complete: every manifest placeholder has an English and an Indonesian string, and the
// code's l10n bundle is in sync with the sources (vscode.l10n.t and phrase() calls) and fully translated.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../helpers/repoRoot';

const read = (file: string) => JSON.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8'));

describe('localisation', () => {
  it('has an English and an Indonesian string for every %placeholder% in package.json', () => {
    const manifest = fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8');
    const used = new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]));
    const en = read('package.nls.json');
    const id = read('package.nls.id.json');
    assert.deepEqual([...used].filter((k) => !(k in en)), [], 'placeholders without an English string');
    assert.deepEqual([...used].filter((k) => !(k in id)), [], 'placeholders without an Indonesian string');
    assert.deepEqual(Object.keys(en).filter((k) => !used.has(k)), [], 'English strings no placeholder uses');
  });

  it('keeps l10n/bundle.l10n.json in sync with the vscode.l10n.t and phrase() calls (npm run l10n)', function () {
    this.timeout(60_000);
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'xsp-l10n-'));
    try {
      execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'l10n.mjs'), '--outDir', out], { cwd: repoRoot, stdio: 'ignore' });
      const fresh = JSON.parse(fs.readFileSync(path.join(out, 'bundle.l10n.json'), 'utf8'));
      assert.deepEqual(fresh, read('l10n/bundle.l10n.json'), 'l10n/bundle.l10n.json is stale: run npm run l10n and translate the new strings');
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  it('translates every code string into Indonesian, keeping the {n} placeholders, and keeps no stale one', () => {
    const en = read('l10n/bundle.l10n.json');
    const id = read('l10n/bundle.l10n.id.json');
    assert.deepEqual(Object.keys(id).filter((key) => !(key in en)), [], 'Indonesian strings the code no longer says: remove them');
    for (const key of Object.keys(en)) {
      assert.ok(typeof id[key] === 'string' && id[key].length > 0, `no Indonesian for "${key}"`);
      const holes = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort().join();
      assert.equal(holes(id[key]), holes(key), `placeholders differ in "${key}"`);
    }
  });
});
