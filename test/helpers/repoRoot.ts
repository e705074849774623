// Locates the repository from compiled tests (they run from out/), so tests read repo files by absolute path.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

function findRepoRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'xendit-sessions-playground') return dir;
    if (dirname(dir) === dir) throw new Error(`No xendit-sessions-playground package.json above ${start}`);
  }
}

export const repoRoot = findRepoRoot(__dirname);
