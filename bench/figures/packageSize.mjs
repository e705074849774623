// Sizes of what users download: the .vsix, and each esbuild bundle in dist/ (raw and gzipped).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const kb = (bytes) => Math.round((bytes / 1024) * 10) / 10;

export async function measure({ root }) {
  const figures = {};
  for (const file of readdirSync(join(root, 'dist')).filter((f) => f.endsWith('.js')).sort()) {
    const bytes = readFileSync(join(root, 'dist', file));
    const name = file.replace(/\.js$/, '');
    figures[`bundle_${name}_kb`] = { value: kb(bytes.length), unit: 'KB', note: `gzip ${kb(gzipSync(bytes).length)} KB` };
  }
  const dir = mkdtempSync(join(tmpdir(), 'xsp-vsix-'));
  try {
    const out = join(dir, 'extension.vsix');
    // Packages the production build that `npm run bench` just made (no prepublish script runs).
    execFileSync(join(root, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--out', out], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    figures.vsix_kb = { value: kb(statSync(out).size), unit: 'KB', goal: 300 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
