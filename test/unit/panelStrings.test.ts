// The result panel speaks the display language: every word the webview script shows goes through t() with a key
// of the PanelString list, which src/vscode/panelStrings.ts translates with a literal vscode.l10n.t call and
// l10n/bundle.l10n.id.json translates into Indonesian; no English label is left as a bare literal.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PANEL_STRINGS } from '../../src/vscode/panelStringKeys';
import { repoRoot } from '../helpers/repoRoot';

const webviewDir = path.join(repoRoot, 'src', 'webview');
const sources = fs
  .readdirSync(webviewDir)
  .filter((f) => f.endsWith('.ts') && f !== 'i18n.ts')
  .map((f) => ({ file: f, code: fs.readFileSync(path.join(webviewDir, f), 'utf8') }));
const keys = new Set<string>(PANEL_STRINGS);
const holes = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort().join();
const unquote = (literal: string) => literal.slice(1, -1).replace(/\\(.)/g, '$1');

/** The code without comments (line and block), so prose in them is not taken for labels. */
function withoutComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '').replace(/\s\/\/ .*$/gm, '');
}

/** Each t('…') key in the webview sources, with the file it is in. */
function usedKeys(): { file: string; key: string }[] {
  return sources.flatMap(({ file, code }) => [...code.matchAll(/\bt\(\s*('(?:[^'\\]|\\.)*')/g)].map((m) => ({ file, key: unquote(m[1] ?? '') })));
}

describe('the result panel strings', () => {
  it('shows only keys of the PanelString list through t(), and every key is used', () => {
    const used = usedKeys();
    assert.ok(used.length >= 40, `only ${used.length} t() calls found in src/webview`);
    assert.deepEqual(used.filter((u) => !keys.has(u.key)), [], 't() keys missing from src/vscode/panelStringKeys.ts');
    const usedSet = new Set(used.map((u) => u.key));
    assert.deepEqual(PANEL_STRINGS.filter((k) => !usedSet.has(k)), [], 'PanelStrings no webview code shows');
  });

  it('translates each key with a literal vscode.l10n.t call that passes its holes through', () => {
    const table = fs.readFileSync(path.join(repoRoot, 'src', 'vscode', 'panelStrings.ts'), 'utf8');
    const entries = [...table.matchAll(/^\s*('(?:[^'\\]|\\.)*'): vscode\.l10n\.t\(('(?:[^'\\]|\\.)*')((?:, '\{\d+\}')*)\),$/gm)];
    const found = entries.map((m) => {
      const key = unquote(m[1] ?? '');
      assert.equal(unquote(m[2] ?? ''), key, `the l10n call of "${key}" asks for another text`);
      const args = [...(m[3] ?? '').matchAll(/'(\{\d+\})'/g)].map((a) => a[1]);
      assert.equal(args.sort().join(), holes(key), `the l10n call of "${key}" does not pass its holes as '{n}'`);
      return key;
    });
    assert.deepEqual(found, [...PANEL_STRINGS], 'src/vscode/panelStrings.ts does not list every PanelString, in order');
  });

  it('has an Indonesian translation of every key with the same {n} holes', () => {
    const id = JSON.parse(fs.readFileSync(path.join(repoRoot, 'l10n', 'bundle.l10n.id.json'), 'utf8')) as Record<string, unknown>;
    for (const key of PANEL_STRINGS) {
      const text = id[key];
      assert.ok(typeof text === 'string' && text.length > 0, `no Indonesian for panel string "${key}"`);
      assert.equal(holes(text), holes(key), `holes differ in the Indonesian of "${key}"`);
    }
  });

  it('leaves no English label as a bare literal in src/webview', () => {
    const shapes: [string, RegExp][] = [
      ['el() text', /\bel\(\s*'[^']*'\s*,\s*[^,()]+,\s*['`][^'`]*[A-Z][A-Za-z]/g],
      ['textContent', /\.textContent\s*=\s*['`][^'`]*[A-Za-z]{2}/g],
      ['attribute', /setAttribute\(\s*'(?:aria-label|aria-description|title|placeholder)'\s*,\s*['`]/g],
      ['title', /\.title\s*=\s*['`][^'`]*[A-Za-z]{2}/g],
      ['label argument', /\b(?:field\(\s*\w+|section|button|failureSection|renderPairs)\(\s*['`]/g],
      ['label table entry', /(?:^|[[{,]\s*)(?:\w+:\s*|'\w+',\s*)['`][A-Z][a-z]+(?:[ ,.:…(][^'`]*)?['`]/gm],
      ['prose', /['`][A-Z][a-z]+ [a-z][^'`]*['`]/g],
    ];
    const found: string[] = [];
    for (const { file, code } of sources) {
      // Keys of t() calls, and the data interpolated into template literals, are not labels.
      const bare = withoutComments(code).replace(/\bt\(\s*'(?:[^'\\]|\\.)*'/g, 't(KEY').replace(/\$\{[^}]*\}/g, '');
      for (const [shape, re] of shapes) for (const m of bare.matchAll(re)) found.push(`${file}: ${shape}: ${m[0].trim()}`);
    }
    assert.deepEqual(found, [], 'user-visible literals that do not go through t()');
  });
});
