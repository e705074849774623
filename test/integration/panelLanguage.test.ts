// The result panel in VS Code's display language: the page of a shown panel carries the panel's own words as a
// <meta name="xsp-strings"> table, each the workbench's vscode.l10n.t of its key (English in the test run), and
// nothing from the response.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { PANEL_STRINGS } from '../../src/vscode/panelStringKeys';
import { ResultPanelManager } from '../../src/vscode/resultPanel';
import type { ResultView } from '../../src/vscode/resultView';
import { resultPanelHooks, sessionView, within } from './resultPanelFixtures';

/** A 404 whose words (its id, code and file name) appear nowhere else, so the page can be searched for them. */
function view(requestUri: string): ResultView {
  return sessionView(requestUri, {
    requestLabel: 'language.session.json',
    operation: 'get',
    outcome: 'apiError',
    http: { status: 404, statusText: 'Not Found' },
    timings: undefined,
    session: undefined,
    apiError: { errorCode: 'DATA_NOT_FOUND', message: 'Session lang-unique-4411 was not found.', errors: [], explanation: 'No session has this id.' },
    body: { error_code: 'DATA_NOT_FOUND', message: 'Session lang-unique-4411 was not found.' },
    headers: [],
    requestOptions: [],
    actions: ['refresh', 'openBody', 'copyAsCurl'],
  });
}

/** The value of an attribute as the browser reads it (the page writes &amp; &quot; &#39; &lt; &gt; only). */
function attributeText(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

describe('result panel language', function () {
  this.timeout(30_000);
  let manager: ResultPanelManager;
  resultPanelHooks((extensionUri) => (manager = new ResultPanelManager(extensionUri, { onAction: () => undefined })));

  it("writes the panel's words into its page as the display language's table, and the script still draws", async () => {
    const uri = vscode.Uri.file('/tmp/xsp-panel-language/language.session.json').toString();
    await manager.show(view(uri));
    const info = await within(manager.whenRendered(uri), 20_000, 'the webview rendering the result');
    assert.equal(info.outcome, 'apiError');

    const html = manager.htmlOf(uri) ?? '';
    const metas = [...html.matchAll(/<meta name="xsp-strings" content='([^']*)'>/g)];
    assert.equal(metas.length, 1, 'the page carries no (or more than one) xsp-strings meta tag');
    const table = JSON.parse(attributeText(metas[0]?.[1] ?? '')) as Record<string, unknown>;
    assert.deepEqual(Object.keys(table), [...PANEL_STRINGS], 'the table does not hold exactly the PanelStrings');
    for (const key of PANEL_STRINGS) {
      const holes = key.match(/\{\d+\}/g) ?? [];
      assert.equal(table[key], vscode.l10n.t(key, ...holes), `the page's text for "${key}"`);
    }
    assert.equal(table['Refresh'], 'Refresh', 'the test run is expected in English');

    assert.match(html, new RegExp(`<html lang="${vscode.env.language}">`));
    assert.ok(html.includes(`<title>${vscode.l10n.t('Session result')}</title>`), 'the page title is not localised');
    for (const data of ['lang-unique-4411', 'DATA_NOT_FOUND', 'language.session.json']) {
      assert.ok(!html.includes(data), `the page carries response data: ${data}`);
    }
  });
});
