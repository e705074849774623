// The threat and fault suite through the command path, what the user's files and workspace bring: bad input
// files, workspace steering and untrusted workspaces. Each case ends in a clear message and the file untouched.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/extension';
import type { ResultView } from '../../src/vscode/resultView';
import { fakeKey, openRequest, recordingServer, sandboxUrl, suiteHooks, waitFor, withUserSetting, workspaceDir } from './helpers';
import { payBody, sendSteps, sessionJson } from './securitySteps';

describe('security and faults', function () {
  this.timeout(90_000);
  let api: TestingApi;
  const restores = suiteHooks((a) => (api = a), { resetTargets: true });
  const { useTestTarget, createAndRead } = sendSteps(() => api, restores);

  describe('bad input', () => {
    async function refused(name: string, content: string | Buffer, expected: RegExp): Promise<void> {
      const errors: string[] = [];
      restores.push(api.ui.override({ showErrorMessage: async (m) => void errors.push(m) }));
      const file = path.join(workspaceDir(), 'requests', name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
      const before = fs.readFileSync(file);
      const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
      await vscode.window.showTextDocument(document);
      const sent = await vscode.commands.executeCommand('xendit.createSession');
      assert.equal(sent, undefined, `${name} was sent`);
      assert.match(errors.join('\n'), expected);
      assert.deepEqual(fs.readFileSync(file), before, `${name} was modified`);
      assert.equal(document.isDirty, false);
    }

    it('refuses an empty file', () => refused('empty.session.json', '', /empty/i));
    it('refuses an array at the root', () => refused('array.session.json', '[1, 2]', /JSON object/i));
    it('refuses a string at the root', () => refused('string.session.json', '"hello"', /JSON object/i));
    it('refuses a file that is not UTF-8', () =>
      refused('latin1.session.json', Buffer.concat([Buffer.from('{"reference_id": "caf'), Buffer.from([0xe9]), Buffer.from('", "amount": 1}')]), /not valid UTF-8/));

    it('refuses a request holding a secret key with no "Send anyway", flagged as an error where it is, the key in no message', async () => {
      const key = fakeKey('test');
      const warnings: string[] = [];
      restores.push(api.ui.override({ showWarningMessage: async (m) => void warnings.push(m) }));
      const content = JSON.stringify({ ...payBody, metadata: { note: key } }, null, 2);
      await refused('keyed.session.json', content, /^metadata\.note holds a Xendit test secret key\. .* Nothing was sent\.$/);
      assert.deepEqual(warnings, [], 'a "Send anyway" question was asked');
      const uri = vscode.Uri.file(path.join(workspaceDir(), 'requests', 'keyed.session.json'));
      // The request's own diagnostic says it would be sent; the key linter's, that it is in a file.
      const flagged = await waitFor(() => {
        const found = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Xendit');
        return found.some((d) => d.code === 'SECRET_KEY_IN_REQUEST') && found.some((d) => d.code === 'test-secret-key') ? found : undefined;
      }, 'the request and key linter diagnostics');
      const request = flagged.find((d) => d.code === 'SECRET_KEY_IN_REQUEST');
      assert.equal(request?.severity, vscode.DiagnosticSeverity.Error);
      assert.ok(!flagged.some((d) => d.message.includes(key)));
    });

    async function sends(name: string, content: string): Promise<ResultView> {
      const editor = await openRequest(name, content);
      const before = fs.readFileSync(editor.document.uri.fsPath);
      const view = await createAndRead(editor.document.uri.toString());
      assert.deepEqual(fs.readFileSync(editor.document.uri.fsPath), before, `${name} was modified`);
      return view;
    }

    it('sends a file that starts with a byte order mark', async () => {
      const view = await sends('bom.session.json', `\ufeff${JSON.stringify(payBody, null, 2)}`);
      assert.equal(view.outcome, 'session');
    });

    it('sends JSON with comments as plain JSON (the comments never reach the API)', async () => {
      const text = JSON.stringify(payBody, null, 2).replace('{\n', '{\n  // the order from the shop\n');
      const view = await sends('comments.session.json', text);
      assert.equal(view.outcome, 'session');
      const record = api.actions.recordOf(vscode.Uri.file(path.join(workspaceDir(), 'requests', 'comments.session.json')).toString());
      assert.ok(record?.lastRequest?.body && !record.lastRequest.body.includes('the order from the shop'), 'a comment was sent');
    });

    it('sends an untitled buffer', async () => {
      const document = await vscode.workspace.openTextDocument({ language: 'json', content: JSON.stringify(payBody) });
      await vscode.window.showTextDocument(document);
      const view = await createAndRead(document.uri.toString());
      assert.equal(view.outcome, 'session');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    it('sends a 10 MB request and shows the answer (the sandbox, like a gateway, refuses it as too large)', async () => {
      const items: Record<string, unknown>[] = [];
      let total = 0;
      // Count the size as items are added: re-serialising the whole array each time is quadratic and would
      // hold the extension host for minutes.
      for (let size = 0; size < 10 * 1024 * 1024; ) {
        const item = { reference_id: `sku-${items.length}`, type: 'PHYSICAL_PRODUCT', name: `Item ${items.length} ${'x'.repeat(200)}`, net_unit_amount: 100, quantity: 1, category: 'Bulk', description: 'y'.repeat(200) };
        items.push(item);
        size += JSON.stringify(item).length + 1;
        total += 100;
      }
      const view = await sends('huge.session.json', JSON.stringify({ ...payBody, items, amount: total }));
      assert.equal(view.http?.status, 413);
      assert.match(view.apiError?.message ?? '', /larger than/);
    });

    it('survives the file being deleted while the request is in flight, and does not recreate it', async () => {
      let release: () => void = () => undefined;
      const server = await recordingServer((_req, res) => {
        release = () => res.writeHead(201, { 'content-type': 'application/json' }).end(sessionJson());
      });
      restores.push(() => server.close());
      await useTestTarget(server.baseUrl);
      const editor = await openRequest('deleted.session.json', payBody);
      const uri = editor.document.uri;
      const entryOf = () => JSON.stringify(api.history.entries().find((e) => e.sessionId === 'ps-0123456789abcdef01234567'));
      const entryBefore = entryOf();
      const pending = vscode.commands.executeCommand('xendit.createSession');
      await waitFor(() => server.requests.length > 0 || undefined, 'the request to arrive');
      fs.rmSync(uri.fsPath);
      release();
      await pending;
      const rendered = await api.actions.panels.whenRendered(uri.toString());
      assert.equal(rendered.outcome, 'session');
      // The history entry is the last thing the extension writes for an answer: the file must still be gone then.
      await waitFor(() => entryOf() !== entryBefore || undefined, 'the history entry of this answer');
      assert.equal(fs.existsSync(uri.fsPath), false, 'the deleted file was written again');
    });
  });

  describe('workspace steering', () => {
    it('ignores a workspace setting that points the key elsewhere, and one that turns off the live confirmation', async () => {
      const trap = await recordingServer((_req, res) => res.writeHead(500).end());
      restores.push(() => trap.close());
      const settingsFile = path.join(workspaceDir(), '.vscode', 'settings.json');
      fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
      fs.writeFileSync(settingsFile, JSON.stringify({ 'xendit.apiBaseUrl': trap.baseUrl, 'xendit.confirmLiveRequests': false }));
      restores.push(() => fs.rmSync(settingsFile, { force: true }));
      await waitFor(() => (vscode.workspace.getConfiguration('xendit').inspect('confirmLiveRequests')?.workspaceValue === false ? true : undefined), 'VS Code to read the workspace settings', 15_000).catch(() => undefined);

      await useTestTarget(await sandboxUrl(api));
      const editor = await openRequest('steered.session.json', payBody);
      const view = await createAndRead(editor.document.uri.toString());
      assert.equal(view.outcome, 'session');
      assert.equal(view.target.baseUrl, await sandboxUrl(api), 'the request went where the workspace said');

      const asked: string[] = [];
      restores.push(api.ui.override({ showWarningMessage: async (m) => (asked.push(m), undefined) }));
      await api.keys.store('live', fakeKey('live'));
      await api.targets.select('live');
      await vscode.commands.executeCommand('xendit.createSession');
      assert.equal(asked.length, 1, 'the live confirmation was skipped because a workspace said so');
      assert.equal(trap.requests.length, 0, 'a request reached the address the workspace set');
    });

    it('refuses to send when the user base URL is not https, instead of sending the key to the default', async () => {
      const errors: string[] = [];
      restores.push(api.ui.override({ showErrorMessage: async (m) => void errors.push(m) }));
      // Plain http is allowed only on loopback: a LAN address stands in for any remote host.
      restores.push(await withUserSetting('apiBaseUrl', 'http://192.0.2.10:8080'));
      await api.keys.store('test', fakeKey('test'));
      await api.targets.select('test');
      const editor = await openRequest('plain-http.session.json', payBody);
      await vscode.commands.executeCommand('xendit.createSession');
      assert.equal(errors.length, 1, `expected one error, got: ${errors.join(' | ')}`);
      assert.match(errors[0], /Nothing was sent: the user setting xendit\.apiBaseUrl is refused because it must use https/);
      assert.equal(api.actions.recordOf(editor.document.uri.toString()), undefined, 'a request was made');
    });

    it('reads an empty user base URL as a cleared one: the default, not an error', async () => {
      restores.push(await withUserSetting('apiBaseUrl', '  '));
      await api.keys.store('test', fakeKey('test'));
      await api.targets.select('test');
      // Resolving the target sends nothing (the default is not reachable from the tests, and is not asked).
      const resolved = await api.targets.resolve();
      assert.ok(resolved.ok, resolved.ok ? '' : resolved.reason);
      assert.equal(resolved.target.baseUrl, 'https://api.xendit.co');
    });

    it('sends with a key only from a trusted workspace; the sandbox works in any', async () => {
      const errors: string[] = [];
      restores.push(api.ui.override({ isWorkspaceTrusted: () => false, showErrorMessage: async (m) => void errors.push(m) }));
      await useTestTarget(await sandboxUrl(api));
      const editor = await openRequest('untrusted.session.json', payBody);
      const sent = await vscode.commands.executeCommand('xendit.createSession');
      assert.equal(sent, undefined);
      assert.match(errors[0] ?? '', /not trusted/);
      await api.targets.select('sandbox');
      const view = await createAndRead(editor.document.uri.toString());
      assert.equal(view.outcome, 'session');
    });

    it('declares what it limits in untrusted and virtual workspaces', () => {
      const ext = vscode.extensions.getExtension('xendit-playground.xendit-sessions-playground')!;
      const caps = ext.packageJSON.capabilities;
      assert.equal(caps.untrustedWorkspaces.supported, 'limited');
      assert.match(caps.untrustedWorkspaces.description, /trusted workspace/);
      for (const setting of ['xendit.forUserId', 'xendit.withSplitRule']) assert.ok(caps.untrustedWorkspaces.restrictedConfigurations.includes(setting), setting);
      const props = ext.packageJSON.contributes.configuration.properties;
      for (const setting of ['xendit.apiBaseUrl', 'xendit.confirmLiveRequests']) assert.equal(props[setting].scope, 'application', `${setting} is not application-scoped`);
    });
  });
});
