// Placeholders in the real VS Code: completion inside {{, a file with placeholders that has no diagnostics (the
// JSON schema's nor the extension's), and the same file sent twice making two sessions, the panel's "request
// as sent" and the history holding the resolved values.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/extension';
import { placeholderPay, UUID_PATTERN } from '../helpers/sessionRequests';
import { openRequest, suiteHooks, waitFor } from './helpers';

const UUID = UUID_PATTERN;
const request = placeholderPay('vscode');

describe('placeholders', function () {
  this.timeout(60_000);
  let api: TestingApi;
  suiteHooks((a) => (api = a), { resetTargets: false });
  before(() => api.targets.select('sandbox'));

  it('completion inside {{ offers the placeholders', async () => {
    const editor = await openRequest('complete-placeholder.session.json', '{\n  "reference_id": "order-{{"\n}\n');
    const position = new vscode.Position(1, 27);
    const labels = await waitFor(async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position, '{');
      const found = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
      return found.includes('$randomUUID') ? found : undefined;
    }, 'the placeholder completions');
    for (const name of ['$randomUUID', '$guid', '$timestamp', '$isoTimestamp', '$randomInt', '$env', '$dotenv']) assert.ok(labels.includes(name), `${name} not offered`);
  });

  it('a JSON schema snippet inserts an example with its placeholders intact', async () => {
    // VS Code reads a default snippet's strings as snippet syntax, where `$randomUUID` is a variable: unescaped,
    // the example would arrive as `order-{{randomUUID}}`.
    const editor = await openRequest('from-snippet.session.json', '');
    const snippet = await waitFor(async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(0, 0));
      return list.items.find((item) => (typeof item.label === 'string' ? item.label : item.label.label) === 'Subscription: monthly, payment link');
    }, 'the examples as snippets of the JSON schema', 20_000);
    const insert = snippet.insertText instanceof vscode.SnippetString ? snippet.insertText : new vscode.SnippetString(String(snippet.insertText));
    assert.ok(await editor.insertSnippet(insert, new vscode.Position(0, 0)));
    const inserted = JSON.parse(editor.document.getText()) as { reference_id: string; customer: { reference_id: string }; subscription: { schedule: { anchor_date: string } } };
    assert.equal(inserted.reference_id, 'plan-{{$randomUUID}}');
    assert.equal(inserted.customer.reference_id, 'customer-{{$randomUUID}}');
    assert.equal(inserted.subscription.schedule.anchor_date, '{{$isoTimestamp +1d dayMax28}}');
  });

  it('a file with placeholders has no diagnostics, from the JSON schema or the extension', async () => {
    // A wrong currency first: once the JSON language server flags it, it has read the schema, and when the fix
    // leaves nothing underlined, it accepts every placeholder too.
    const editor = await openRequest('no-problems.session.json', { ...request, currency: 'XXX' });
    const document = editor.document;
    await waitFor(() => (vscode.languages.getDiagnostics(document.uri).some((d) => d.source !== 'Xendit') ? true : undefined), 'the JSON schema\'s diagnostic', 20_000);
    await editor.edit((edit) => edit.replace(new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), `${JSON.stringify(request, null, 2)}\n`));
    await waitFor(() => (vscode.languages.getDiagnostics(document.uri).length === 0 ? true : undefined), 'no diagnostics', 20_000).catch(() => {
      throw new Error(`still underlined: ${vscode.languages.getDiagnostics(document.uri).map((d) => `${d.source}: ${d.message}`).join('; ')}`);
    });
    assert.deepEqual(api.diagnostics.update(document), []);
  });

  it('an unknown placeholder is underlined on the placeholder itself', async () => {
    const editor = await openRequest('unknown-placeholder.session.json', { ...request, reference_id: 'order-{{$uuid}}' });
    const diagnostic = await waitFor(() => vscode.languages.getDiagnostics(editor.document.uri).find((d) => d.source === 'Xendit'), 'the unknown placeholder');
    assert.equal(editor.document.getText(diagnostic.range), '{{$uuid}}');
    assert.match(diagnostic.message, /Unknown placeholder \$uuid/);
  });

  it('sending the file twice makes two sessions; "request as sent" and the history show the resolved values', async () => {
    const editor = await openRequest('send-twice.session.json', request);
    const uri = editor.document.uri.toString();
    const sessions: { id: string; referenceId?: string; amount?: number }[] = [];
    for (let round = 0; round < 2; round++) {
      await vscode.commands.executeCommand('xendit.createSession', editor.document.uri);
      const session = await waitFor(() => {
        const posted = api.actions.panels.lastPosted(uri);
        const shown = posted?.type === 'result' ? posted.view.session : undefined;
        return shown && !sessions.some((s) => s.id === shown.id) ? shown : undefined;
      }, `session ${round + 1}`);
      sessions.push(session);
    }
    const [first, second] = sessions;
    assert.notEqual(first?.id, second?.id);
    assert.notEqual(first?.referenceId, second?.referenceId);
    for (const session of sessions) assert.match(session.referenceId ?? '', new RegExp(`^vscode-${UUID}$`));
    assert.ok(editor.document.getText().includes('"vscode-{{$randomUUID}}"'), 'the file was changed');

    api.actions.panels.get(uri)?.handleMessage({ type: 'showRequest' });
    const shown = await waitFor(() => vscode.workspace.textDocuments.find((d) => d.getText().startsWith('POST ') && d.getText().includes(second?.referenceId ?? '?')), 'the request as sent');
    const body = JSON.parse(shown.getText().slice(shown.getText().indexOf('{'))) as Record<string, unknown>;
    assert.equal(body.reference_id, second?.referenceId);
    assert.equal(typeof body.amount, 'number');
    assert.match(String(body.expires_at), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.match(String(body.description), /^Sent at \d{10}$/);
    assert.ok(!shown.getText().includes('{{'), 'a placeholder was sent as written');

    const history = api.history.entries().filter((entry) => entry.sessionId === first?.id || entry.sessionId === second?.id);
    assert.deepEqual(history.map((entry) => entry.referenceId).sort(), [first?.referenceId, second?.referenceId].sort());
  });
});
