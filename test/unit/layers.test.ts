import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { repoRoot } from '../helpers/repoRoot';

// The layer rule in eslint.config.mjs, run on text as if it were a file of each layer: the domain and the
// sandbox may not reach into VS Code, the shell or the CLI; the shell may.
describe('layers (eslint.config.mjs)', function () {
  this.timeout(60_000);
  const eslint = new ESLint({ cwd: repoRoot });
  const layerErrors = async (file: string, text: string) => {
    const [result] = await eslint.lintText(text, { filePath: join(repoRoot, file) });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === '@typescript-eslint/no-restricted-imports' || m.ruleId === 'no-restricted-syntax').map((m) => m.line);
  };
  const reaching = [
    "import * as vscode from 'vscode';",
    "import type { Settings } from '../vscode/settings';",
    "import { parseArgs } from '../cli/args';",
    "import '../extension';",
    "export const loaded = () => import('../cli/main');",
    "// eslint-disable-next-line @typescript-eslint/no-require-imports\nexport const api = require('vscode');",
  ].join('\n');

  for (const file of ['src/sessions/scratch.ts', 'src/sandbox/scratch.ts']) {
    it(`refuses every import of the shell or the CLI in ${file}`, async () => {
      assert.deepEqual(await layerErrors(file, reaching), [1, 2, 3, 4, 5, 7]);
    });
  }

  it('lets the webview script import only types of the view and messages, and its own modules', async () => {
    const webview = [
      "import type { ResultView } from '../vscode/resultView';",
      "import type { MESSAGE_LIMITS } from '../vscode/webviewMessageSchema';",
      "import { el } from './dom';",
      "import { PANEL_ACTIONS } from '../vscode/webviewMessageSchema';",
      "import type { PanelString } from '../vscode/panelStringKeys';",
      "import { PANEL_STRINGS } from '../vscode/panelStringKeys';",
      "import { buildResultView } from '../vscode/resultViewBuilder';",
      "import type { Settings } from '../vscode/settings';",
      "import * as vscode from 'vscode';",
      "import * as z from 'zod/mini';",
      "import { redactText } from '../sessions/redact';",
      "export const later = () => import('./dom');",
      'export type { ResultView, MESSAGE_LIMITS, Settings, PanelString };',
      'export { el, PANEL_ACTIONS, PANEL_STRINGS, buildResultView, vscode, z, redactText };',
    ].join('\n');
    assert.deepEqual(await layerErrors('src/webview/scratch.ts', webview), [4, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('lets the domain import itself and Node, and the shell import vscode', async () => {
    assert.deepEqual(await layerErrors('src/sessions/scratch.ts', "import { redactText } from './redact';\nimport { join } from 'node:path';\nexport { redactText, join };"), []);
    assert.deepEqual(await layerErrors('src/vscode/scratch.ts', "import * as vscode from 'vscode';\nimport { redactText } from '../sessions/redact';\nexport { vscode, redactText };"), []);
  });
});
