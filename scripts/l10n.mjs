// Writes l10n/bundle.l10n.json, the English strings translators start from: every literal vscode.l10n.t call (found
// by vscode-l10n-dev), then the template of every phrase('…') call (src/sessions/phrase.ts: words the CLI and the
// editor share, which the editor says in its display language). A phrase whose template is not a string literal
// cannot be translated, so it stops the script.
// Usage: node scripts/l10n.mjs [--outDir DIR]   (default: l10n)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
const at = process.argv.indexOf('--outDir');
const outDir = at > 0 ? process.argv[at + 1] : join(root, 'l10n');

function exported() {
  const dir = mkdtempSync(join(tmpdir(), 'xsp-l10n-export-'));
  try {
    execFileSync(join(root, 'node_modules', '.bin', 'vscode-l10n-dev'), ['export', '--outDir', dir, './src'], { cwd: root, stdio: 'ignore' });
    return JSON.parse(readFileSync(join(dir, 'bundle.l10n.json'), 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function sources(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** The templates of the phrase('…') calls in the sources, in order; the calls whose template is not a literal, as problems. */
function phraseTemplates() {
  const templates = [];
  const problems = [];
  for (const file of sources(join(root, 'src'))) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('phrase(')) continue;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node) => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'phrase') {
        const first = node.arguments[0];
        if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) templates.push(first.text);
        else {
          const { line } = source.getLineAndCharacterOfPosition(node.getStart());
          problems.push(`${relative(root, file)}:${line + 1}: phrase() needs a string literal as its template`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { templates, problems };
}

const bundle = exported();
const { templates, problems } = phraseTemplates();
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
for (const template of templates) bundle[template] ??= template;
writeFileSync(join(outDir, 'bundle.l10n.json'), `${JSON.stringify(bundle, null, 2)}\n`);
const translated = JSON.parse(readFileSync(join(root, 'l10n', 'bundle.l10n.id.json'), 'utf8'));
const missing = Object.keys(bundle).filter((key) => !(key in translated));
if (missing.length > 0) console.log(`${missing.length} strings have no Indonesian yet (l10n/bundle.l10n.id.json):\n${missing.join('\n')}`);
