// Writes the files derived from the request model: the JSON schema VS Code validates *.session.json
// against, and the example requests in examples/. Run with `npm run schema`; a unit test fails when
// the committed files are out of date.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { EXAMPLE_SCHEMA_REFERENCE, exampleFileName, exampleFileText, SESSION_REQUEST_EXAMPLES } from '../src/sessions/examples';
import { REQUEST_JSON_SCHEMA_FILE, renderRequestJsonSchema } from '../src/sessions/jsonSchema';

function findRepoRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'xendit-sessions-playground') return dir;
    if (dirname(dir) === dir) throw new Error(`No xendit-sessions-playground package.json above ${start}`);
  }
}

function write(root: string, file: string, text: string): void {
  const path = join(root, file);
  mkdirSync(dirname(path), { recursive: true });
  const changed = !existsSync(path) || readFileSync(path, 'utf8') !== text;
  writeFileSync(path, text);
  console.log(`${changed ? 'wrote    ' : 'unchanged'} ${file}`);
}

const root = findRepoRoot(__dirname);
write(root, REQUEST_JSON_SCHEMA_FILE, renderRequestJsonSchema());
for (const example of SESSION_REQUEST_EXAMPLES) {
  write(root, join('examples', exampleFileName(example)), exampleFileText(example, EXAMPLE_SCHEMA_REFERENCE));
}
