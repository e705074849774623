// Figures measured inside the real extension host (code-server): activation_ms and command_to_panel_ms.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function measure({ root }) {
  const dir = mkdtempSync(join(tmpdir(), 'xsp-bench-'));
  const out = join(dir, 'figures.json');
  try {
    const r = spawnSync(process.execPath, [join(root, 'test', 'runner', 'runVscodeTests.mjs'), '--tests', join(root, 'out', 'test', 'bench', 'index.js')], {
      cwd: root,
      env: { ...process.env, XSP_BENCH_OUT: out },
      encoding: 'utf8',
      timeout: 10 * 60_000,
    });
    if (r.status !== 0) throw new Error(`the VS Code bench run failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
    return JSON.parse(readFileSync(out, 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
