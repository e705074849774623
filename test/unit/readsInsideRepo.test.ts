import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { repoRoot } from '../helpers/repoRoot';
import { existedBefore, madeThisRun, notMadeByRun, readsOutsideRepo } from './readsInsideRepo.hooks';

describe('reads outside the repository', () => {
  it('flags a sibling folder that was there before the run, and one looked for but missing', () => {
    const top = mkdtempSync(join(tmpdir(), 'xsp-reads-'));
    try {
      const repo = join(top, 'repo');
      mkdirSync(join(repo, 'test'), { recursive: true });
      const before = new Set([join(top, 'docs-beside'), join(top, 'elsewhere')]);
      const flagged = readsOutsideRepo(
        [
          join(repo, 'test', 'a.json'),
          join(top, 'docs-beside', 'reference', 'create-session-api.txt'),
          join(top, 'elsewhere', 'notes.md'),
          join(top, 'xsp-tmp-made-by-the-run', 'scratch.json'),
          '/usr/lib/node/whatever.js',
        ],
        repo,
        (sibling) => before.has(sibling),
      );
      assert.deepEqual(flagged, [join(top, 'docs-beside', 'reference', 'create-session-api.txt'), join(top, 'elsewhere', 'notes.md')]);
    } finally {
      rmSync(top, { recursive: true, force: true });
    }
  });

  it('counts a folder as there before the run when it was made over a second before the run began', () => {
    const top = mkdtempSync(join(tmpdir(), 'xsp-reads-'));
    try {
      const now = Date.now();
      assert.equal(existedBefore(now + 5000)(top), true, 'made well before a run that starts in 5 s');
      assert.equal(existedBefore(now - 5000)(top), false, 'made after a run that started 5 s ago');
      assert.equal(existedBefore(now - 5000)(join(top, 'missing')), true, 'a missing folder counts as a read beside the clone');
    } finally {
      rmSync(top, { recursive: true, force: true });
    }
  });

  it('does not flag a folder the run made and removed, when the clone sits beside the temp folders', () => {
    const top = mkdtempSync(join(tmpdir(), 'xsp-reads-'));
    try {
      const repo = join(top, 'repo');
      mkdirSync(repo);
      const scratch = mkdtempSync(join(top, 'xendit-sessions-cli-'));
      assert.ok(madeThisRun.has(scratch), 'mkdtempSync was not seen');
      rmSync(scratch, { recursive: true });
      const stale = join(top, 'docs-beside');
      const read = [join(scratch, 'junit.xml'), join(stale, 'notes.md')];
      // A folder looked for and missing counts as there before the run (existedBefore): the removed scratch folder
      // is told apart only by having been made by the run.
      assert.deepEqual(readsOutsideRepo(read, repo, notMadeByRun(() => true)), [join(stale, 'notes.md')]);
      assert.deepEqual(readsOutsideRepo(read, repo, () => true), read, 'without the made folders, both are flagged');
    } finally {
      rmSync(top, { recursive: true, force: true });
    }
  });

  it('finds no source, test, script or CI file that names a path above the repository', () => {
    const pattern = /\.\.\/shared|['"]\.\.['"]\s*,\s*['"]shared['"]|shared\/reference|join\(\s*repoRoot\s*,\s*['"]\.\.['"]/;
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.(ts|mjs|js|json|sh)$|^run$/.test(entry.name) && path !== __filename) {
          const text = readFileSync(path, 'utf8');
          if (pattern.test(text) && !path.endsWith('readsInsideRepo.test.ts')) offenders.push(relative(repoRoot, path));
        }
      }
    };
    for (const dir of ['src', 'test', 'scripts', 'bench', '.ci']) walk(join(repoRoot, dir));
    assert.deepEqual(offenders, [], 'these files name a path beside the repository');
  });
});
