// The 2026 API reference in the real VS Code: a newest-docs example is clean, a rule the docs state is an error
// with the API's code at the right key, and the older COMPONENT mode gets a quick fix that rewrites the file.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/extension';
import { openRequest, suiteHooks, waitFor } from './helpers';

/** A body of the repository's real-world corpus (test/fixtures/real-world/), as the docs print it. */
function corpusBody(name: string): Record<string, unknown> {
  const file = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'real-world', `${name}.json`);
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { body: Record<string, unknown> }).body;
}

const customer = { type: 'INDIVIDUAL', reference_id: 'customer-vscode-1', individual_detail: { given_names: 'Ani' } };

describe('the newest docs in the editor', function () {
  this.timeout(60_000);
  let api: TestingApi;
  suiteHooks((a) => (api = a), { resetTargets: false });

  it('shows no diagnostics at all for a newest-docs example (items with reference_id and currency)', async () => {
    const example = corpusBody('docs/payment-link-one-time-payment');
    // Start from a file the JSON language server does flag, so its clean verdict on the example is a fresh one.
    const editor = await openRequest('newest-docs-example.session.json', { ...example, currency: 'EUR' });
    const document = editor.document;
    await waitFor(() => (vscode.languages.getDiagnostics(document.uri).some((d) => d.source !== 'Xendit') ? true : undefined), 'the JSON schema flagging EUR', 20_000);
    const whole = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, whole, `${JSON.stringify(example, null, 2)}\n`);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.deepEqual(await api.diagnostics.update(document), [], 'the model and rules find nothing');
    const remaining = await waitFor(() => {
      const all = vscode.languages.getDiagnostics(document.uri);
      return all.length === 0 ? all : undefined;
    }, 'no diagnostics from the JSON schema or the extension', 20_000);
    assert.deepEqual(remaining, []);
  });

  it('underlines items in a SUBSCRIPTION request with the ITEMS_NOT_SUPPORTED error', async () => {
    const request = {
      reference_id: 'plan-vscode-1',
      session_type: 'SUBSCRIPTION',
      currency: 'IDR',
      amount: 99000,
      mode: 'PAYMENT_LINK',
      country: 'ID',
      customer,
      subscription: { schedule: { anchor_date: '2032-01-01T00:00:00Z', interval: 'MONTH', interval_count: 1 } },
      items: [{ reference_id: 'sku-1', type: 'DIGITAL_SERVICE', name: 'Premium', category: 'PLAN', net_unit_amount: 99000, quantity: 1 }],
    };
    const editor = await openRequest('subscription-items.session.json', request);
    const document = editor.document;
    const items = await waitFor(
      () => vscode.languages.getDiagnostics(document.uri).find((d) => d.source === 'Xendit' && d.code === 'ITEMS_NOT_SUPPORTED'),
      'the ITEMS_NOT_SUPPORTED diagnostic',
    );
    assert.equal(items.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(document.getText(items.range), '"items"');
    assert.match(items.message, /Items are allowed for session type PAY only/);
  });

  it('rewrites COMPONENT with a top-level origins into COMPONENTS with components_configuration.origins', async () => {
    const request = {
      reference_id: 'save-vscode-1',
      session_type: 'SAVE',
      currency: 'IDR',
      amount: 0,
      mode: 'COMPONENT',
      country: 'ID',
      customer,
      origins: ['https://shop.example'],
    };
    const editor = await openRequest('component-fix.session.json', request);
    const document = editor.document;
    const older = await waitFor(
      () => vscode.languages.getDiagnostics(document.uri).find((d) => d.source === 'Xendit' && d.code === 'MODE_NOT_SUPPORTED'),
      'the MODE_NOT_SUPPORTED warning',
    );
    assert.equal(older.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(document.getText(older.range), '"COMPONENT"');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, older.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === 'Use mode COMPONENTS with components_configuration.origins');
    assert.ok(fix?.edit, `no COMPONENTS fix; got ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const after = JSON.parse(document.getText()) as Record<string, unknown>;
    assert.equal(after.mode, 'COMPONENTS');
    assert.equal('origins' in after, false);
    assert.deepEqual(after.components_configuration, { origins: ['https://shop.example'] });
    assert.ok(document.getText().startsWith('{\n  "reference_id": "save-vscode-1",\n'), 'the fix kept the untouched lines as they were');
    assert.deepEqual(await api.diagnostics.update(document), [], 'the rewritten request is clean');
  });
});
