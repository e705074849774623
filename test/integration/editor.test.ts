// Editing a request file in the real VS Code: completion from the contributed JSON schema, the model's
// diagnostics at exact ranges (each problem once) said from their phrases, a quick fix, and New Session Request.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/extension';
import { openRequest, repoModule, waitFor, workspaceDir, suiteHooks } from './helpers';

function textAt(document: vscode.TextDocument, range: vscode.Range): string {
  return document.getText(range);
}

/**
 * The completion labels at `position` once they include every one of `expected`. The JSON language server starts on
 * the first JSON document and loads the schema asynchronously: until then it offers other items (or none).
 */
async function completionLabels(document: vscode.TextDocument, position: vscode.Position, expected: readonly string[]): Promise<string[]> {
  let last: string[] = [];
  try {
    return await waitFor(async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
      last = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      return expected.every((e) => last.includes(e)) ? last : undefined;
    }, `completion items ${expected.join(', ')} from the JSON language server`, 20_000);
  } catch (err) {
    throw new Error(`${(err as Error).message}; last offered: ${last.join(', ') || 'nothing'}`);
  }
}

/** The extension's own diagnostics of a document, once there are at least `count`. */
function xenditDiagnostics(document: vscode.TextDocument, count: number): Promise<vscode.Diagnostic[]> {
  return waitFor(() => {
    const d = vscode.languages.getDiagnostics(document.uri).filter((x) => x.source === 'Xendit');
    return d.length >= count ? d : undefined;
  }, 'the extension\'s diagnostics');
}

describe('editor', function () {
  this.timeout(60_000);
  let api: TestingApi;
  const restores = suiteHooks((a) => (api = a), { resetTargets: false });

  it('completes session_type values from the contributed schema: the newest docs\' public enum', async () => {
    const editor = await openRequest('complete-enum.session.json', '{\n  "session_type": ""\n}\n');
    const labels = await completionLabels(editor.document, new vscode.Position(1, 19), ['"SAVE"', '"PAY"', '"SUBSCRIPTION"']);
    assert.ok(!labels.includes('"AUTHORIZATION"'), 'AUTHORIZATION is refused by the API and not offered');
  });

  it('offers the reference examples as snippets in an empty request', async () => {
    const editor = await openRequest('complete-snippets.session.json', '');
    await completionLabels(editor.document, new vscode.Position(0, 0), ['Pay: payment link', 'Subscription: monthly, payment link', 'Pay: components', 'Save: components', 'Pay, capture later: payment link']);
  });

  const problemText = `{
  "reference_id": "order-1",
  "session_type": "SAVE",
  "currency": "IDR",
  "amount": 0,
  "mode": "PAYMENT_LINK",
  "country": "ID",
  "capture_method": "MANUAL"
}
`;

  it('underlines the model\'s problems at the exact key or value, with the API\'s error code', async () => {
    const editor = await openRequest('problems.session.json', problemText);
    const document = editor.document;
    const ours = await xenditDiagnostics(document, 2);
    const capture = ours.find((d) => d.code === 'DISALLOWED_CAPTURE_METHOD');
    assert.ok(capture, `no DISALLOWED_CAPTURE_METHOD among ${ours.map((d) => d.code).join(', ')}`);
    assert.equal(textAt(document, capture.range), '"capture_method"');
    assert.equal(capture.severity, vscode.DiagnosticSeverity.Error);
    assert.match(capture.message, /capture_method/);
    const customer = ours.find((d) => d.code === 'MISSING_CUSTOMER');
    assert.ok(customer);
    assert.equal(textAt(document, customer.range), '"SAVE"');
    assert.match(customer.message, /customer/);
  });

  it('says each diagnostic and quick fix from its phrase, through vscode.l10n.t', async () => {
    // A missing variable's placeholder, a nested reason (customer-required), a capture_method to remove: in this
    // English test host vscode.l10n.t fills the English template, so what it says must be the model's English, and a
    // template that held a `{…}` of its own would lose words on the way (VS Code reads every `{…}` as a hole).
    const text = problemText.replace('"order-1"', '"{{$env XSP_TEST_UNSET_VARIABLE}}"');
    const editor = await openRequest('phrases.session.json', text);
    const document = editor.document;
    const ours = await xenditDiagnostics(document, 3);
    const { analyzeRequestText } = repoModule<typeof import('../../src/sessions/requestDocument')>('src/sessions/requestDocument.js');
    const { say } = repoModule<typeof import('../../src/sessions/phrase')>('src/sessions/phrase.js');
    const inDisplayLanguage = (template: string, args: readonly string[]) => vscode.l10n.t(template, ...args);
    const problems = analyzeRequestText(text, { skipSchemaCovered: true }).problems;
    assert.deepEqual(
      ours.map((d) => d.message).sort(),
      problems.map((p) => say(p.says, inDisplayLanguage)).sort(),
    );
    assert.deepEqual(ours.map((d) => d.message).sort(), problems.map((p) => p.message).sort(), 'the English host says the English messages');
    assert.ok(ours.some((d) => d.message.startsWith('The environment variable XSP_TEST_UNSET_VARIABLE is not set.')));
    const capture = ours.find((d) => d.code === 'DISALLOWED_CAPTURE_METHOD');
    assert.ok(capture);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, capture.range, vscode.CodeActionKind.QuickFix.value);
    const fix = problems.find((p) => p.code === 'DISALLOWED_CAPTURE_METHOD')?.fix;
    assert.ok(fix?.titleSays);
    assert.ok(actions.some((a) => a.title === say(fix.titleSays!, inDisplayLanguage)), `got ${actions.map((a) => a.title).join(', ')}`);
  });

  it('reports a problem the JSON schema already flags only once', async () => {
    const editor = await openRequest('once.session.json', problemText.replace('"amount": 0', '"amount": 5000').replace(',\n  "capture_method": "MANUAL"', ''));
    const document = editor.document;
    const amountLine = 4;
    // Wait for the JSON language server to report the schema's if/then violation on amount.
    const atAmount = await waitFor(() => {
      const d = vscode.languages.getDiagnostics(document.uri).filter((x) => x.range.start.line === amountLine);
      return d.length > 0 ? d : undefined;
    }, 'a diagnostic on amount', 20_000);
    // update() sets the extension's own collection before it returns, and getDiagnostics reads the extension
    // host's collections as they are: the state to check is there now, no waiting needed.
    const ours = api.diagnostics.update(document);
    assert.deepEqual(ours.filter((d) => d.range.start.line === amountLine).map((d) => d.message), [], 'the model reports amount too');
    const final = vscode.languages.getDiagnostics(document.uri).filter((x) => x.range.start.line === amountLine);
    assert.equal(final.length, 1, `amount is reported ${final.length} times: ${final.map((d) => `${d.source}: ${d.message}`).join(' | ')}`);
    assert.notEqual(atAmount[0].source, 'Xendit');
  });

  it('applies a quick fix: remove capture_method from a SAVE request', async () => {
    const editor = await openRequest('fix.session.json', problemText);
    const document = editor.document;
    const capture = await waitFor(
      () => vscode.languages.getDiagnostics(document.uri).find((d) => d.code === 'DISALLOWED_CAPTURE_METHOD'),
      'the capture_method diagnostic',
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, capture.range, vscode.CodeActionKind.QuickFix.value);
    const remove = actions.find((a) => a.title === 'Remove capture_method');
    assert.ok(remove?.edit, `no "Remove capture_method" fix; got ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(remove.edit));
    const after = JSON.parse(document.getText());
    assert.equal(after.capture_method, undefined);
    assert.equal(after.session_type, 'SAVE');
    assert.ok(document.getText().startsWith('{\n  "reference_id": "order-1",\n'), 'the fix reformatted untouched lines');
  });

  it('offers "Set amount to 0" for a SAVE with an amount, a problem the schema underlines', async () => {
    const editor = await openRequest('fix-amount.session.json', problemText.replace('"amount": 0', '"amount": 5000'));
    const document = editor.document;
    const range = new vscode.Range(4, 12, 4, 16);
    const actions = await waitFor(async () => {
      const a = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, range, vscode.CodeActionKind.QuickFix.value);
      return a.some((x) => x.title === 'Set amount to 0') ? a : undefined;
    }, 'the Set amount to 0 fix');
    assert.ok(await vscode.workspace.applyEdit(actions.find((a) => a.title === 'Set amount to 0')!.edit!));
    assert.equal(JSON.parse(document.getText()).amount, 0);
  });

  it('New Session Request writes the picked example to a new file and opens it', async () => {
    const target = vscode.Uri.file(path.join(workspaceDir(), 'new', 'my-save.session.json'));
    fs.mkdirSync(path.dirname(target.fsPath), { recursive: true });
    restores.push(
      api.ui.override({
        showQuickPick: async (items) => items.find((i) => i.label.includes('Save')) ?? items[0],
        showSaveDialog: async () => target,
      }),
    );
    const created = await api.newRequest.run();
    assert.equal(created?.fsPath, target.fsPath);
    const written = JSON.parse(fs.readFileSync(target.fsPath, 'utf8'));
    assert.equal(written.session_type, 'SAVE');
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, target.fsPath);
  });
});
