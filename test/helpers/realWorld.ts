// The corpus of real request bodies (test/fixtures/real-world/): every example of the newest docs pages and
// bodies that public integrations build, each with where it comes from and the verdict the docs give it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './repoRoot';

export const realWorldDir = join(repoRoot, 'test', 'fixtures', 'real-world');

export interface RealWorldSource {
  readonly kind: 'docs' | 'integration';
  /** The day the source was read, YYYY-MM-DD. */
  readonly read: string;
  /** docs: the page and the example's heading on it. */
  readonly url?: string;
  readonly example?: string;
  /** integration: where the body is built. */
  readonly repository?: string | null;
  readonly path?: string | null;
  /** The commit of the version read, where the index pins it. */
  readonly commit?: string | null;
  readonly index_file_id?: string;
  readonly locator?: string;
  readonly language?: string;
  readonly note?: string;
}

export interface RealWorldBody {
  /** Folder and file stem, e.g. `docs/payment-link-subscription`. */
  readonly name: string;
  readonly source: RealWorldSource;
  readonly verdict: 'valid' | 'invalid';
  /** Why, in the docs' terms. */
  readonly reason: string;
  /** For an invalid body: what refuses it, `schema` (the model) or a rule's name, and the code the API answers. */
  readonly rule?: string;
  readonly code?: string;
  /** For a valid body: paths (dotted) that must get a warning. */
  readonly warnings?: readonly string[];
  readonly body: Record<string, unknown>;
}

/** When the corpus was read: the clock every check of it runs on, so expiry and anchor dates judge alike. */
export const CORPUS_NOW = new Date('2026-12-02T00:00:00Z');

export function readRealWorld(): RealWorldBody[] {
  return ['docs', 'integrations'].flatMap((folder) =>
    readdirSync(join(realWorldDir, folder))
      .filter((file) => file.endsWith('.json'))
      .sort()
      .map((file) => ({
        name: `${folder}/${file.slice(0, -'.json'.length)}`,
        ...(JSON.parse(readFileSync(join(realWorldDir, folder, file), 'utf8')) as Omit<RealWorldBody, 'name'>),
      })),
  );
}
