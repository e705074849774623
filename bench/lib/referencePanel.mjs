// Packages the UI bench's reference extension (bench/fixtures/reference-panel), installed beside the playground in
// the bench's own code-server: its panel is the floor that ui_new_panel_ms is read against.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** Builds the reference extension's .vsix into `outDir` and returns its path. */
export function packageReferenceExtension(root, outDir) {
  const vsix = join(outDir, 'xsp-bench-reference-panel.vsix');
  execFileSync(
    join(root, 'node_modules', '.bin', 'vsce'),
    ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', vsix],
    { cwd: join(root, 'bench', 'fixtures', 'reference-panel'), stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return vsix;
}
