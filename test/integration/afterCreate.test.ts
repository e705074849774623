// After a session exists: refresh after paying on the checkout page, cancel twice, auto-refresh, cURL that
// really runs, the history view, the hard-coded key linter, and no key in VS Code's state.
import * as assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/extension';
import type { SessionRequestExample } from '../../src/sessions/examples';
import type { HistoryEntry } from '../../src/vscode/sessionHistory';
import { sessionBody } from '../helpers/faultServer';
import { closeAllEditors, fakeKey, openRequest, payOnCheckout, recordingServer, repoModule, sandboxUrl, suiteHooks, waitFor, withUserSetting } from './helpers';

const { SESSION_REQUEST_EXAMPLES } = repoModule<typeof import('../../src/sessions/examples')>('src/sessions/examples.js');
const payExample = (SESSION_REQUEST_EXAMPLES as readonly SessionRequestExample[]).find((e) => e.name === 'pay-payment-link')!;

function hasCurl(): boolean {
  try {
    execFileSync('curl', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('after create', function () {
  this.timeout(60_000);
  let api: TestingApi;
  const restores = suiteHooks((a) => (api = a), { resetTargets: false });
  before(() => api.targets.select('sandbox'));

  async function createOnSandbox(name: string): Promise<{ uri: string; id: string; link: string }> {
    const editor = await openRequest(name, { ...payExample.body, reference_id: `${name}-${Date.now()}` });
    const uri = editor.document.uri.toString();
    await vscode.commands.executeCommand('xendit.createSession');
    await api.actions.panels.whenRendered(uri);
    const posted = api.actions.panels.lastPosted(uri);
    assert.ok(posted?.type === 'result' && posted.view.session, 'no session was created');
    return { uri, id: posted.view.session.id, link: posted.view.session.paymentLinkUrl! };
  }

  /** The Xendit test target, with a fake key made now, pointed at the sandbox by xendit.apiBaseUrl; returns the key. */
  async function testTargetOnSandbox(): Promise<string> {
    return testTargetAt(await sandboxUrl(api));
  }

  /** The Xendit test target, with a fake key made now, pointed at `baseUrl` by xendit.apiBaseUrl; returns the key. */
  async function testTargetAt(baseUrl: string): Promise<string> {
    const key = fakeKey('test');
    restores.push(await withUserSetting('apiBaseUrl', baseUrl));
    await api.keys.store('test', key);
    await api.targets.select('test');
    restores.push(async () => {
      await api.keys.delete('test');
      await api.targets.select('sandbox');
    });
    return key;
  }

  it('Refresh after paying on the checkout page shows COMPLETED with the payment request id', async () => {
    const { uri, link } = await createOnSandbox('refresh.session.json');
    await payOnCheckout(link);
    const outcome = await api.actions.refresh(uri);
    assert.equal(outcome?.view.session?.status, 'COMPLETED');
    assert.match(outcome?.view.session?.paymentRequestId ?? '', /^pr-/);
    const rendered = await api.actions.panels.whenRendered(uri);
    assert.equal(rendered.status, 'COMPLETED');
  });

  it('Cancel asks first, cancels, and a second cancel explains the 422 in words', async () => {
    const { uri } = await createOnSandbox('cancel.session.json');
    const asked: string[] = [];
    restores.push(api.ui.override({ showWarningMessage: async (m, _o, ...items) => (asked.push(m), items[0]) }));
    const first = await api.actions.cancelSession(uri);
    assert.match(asked[0], /Cancel session ps-/);
    assert.equal(first?.view.session?.status, 'CANCELED');
    const second = await api.actions.cancelSession(uri);
    assert.equal(second?.view.http?.status, 422);
    assert.equal(second?.view.apiError?.errorCode, 'INVALID_SESSION_STATUS');
    assert.equal(second?.view.apiError?.explanation, 'This session is CANCELED; only ACTIVE sessions can be cancelled.');
  });

  it('Auto-refresh polls until the session is final, then stops and says so', async () => {
    const { uri, link } = await createOnSandbox('auto.session.json');
    const said: string[] = [];
    restores.push(api.ui.override({ showInformationMessage: async (m) => void said.push(m) }));
    // Each answer the panel shows is a 'result' message to its webview (recorded in the transcript): the session is
    // paid only once a poll has shown it still ACTIVE, so the test sees polling go on, then stop at the final status.
    const shown = () => api.transcript.entries.filter((e) => e.startsWith(`webview ${uri}:`) && e.includes('"type":"result"')).length;
    const before = shown();
    const polling = api.actions.autoRefresh(uri, true, { firstDelayMs: 100, maxDelayMs: 200 });
    await waitFor(() => shown() > before || undefined, 'a poll that shows the session still ACTIVE');
    await payOnCheckout(link);
    assert.equal(await polling, 'COMPLETED');
    assert.match(said[0] ?? '', /is COMPLETED/);
  });

  /** Counts the outcomes shown for `uri` from now on (each poll of auto-refresh is one). */
  function outcomesFor(uri: string): { readonly count: number } {
    const seen = { count: 0 };
    const sub = api.actions.onDidComplete((o) => {
      if (o.view.requestUri === uri) seen.count += 1;
    });
    restores.push(() => sub.dispose());
    return seen;
  }

  it('Auto-refresh stops when its panel is closed, and does not open the panel again', async () => {
    const { uri } = await createOnSandbox('auto-closed.session.json');
    const polls = outcomesFor(uri);
    let stopped = false;
    const polling = api.actions.autoRefresh(uri, true, { firstDelayMs: 100, maxDelayMs: 200 }).finally(() => (stopped = true));
    await waitFor(() => polls.count > 0 || undefined, 'a first poll');
    // The user closes the tab (the real panel, disposed through VS Code's API).
    api.actions.panels.get(uri)!.panel.dispose();
    await waitFor(() => stopped || undefined, 'auto-refresh to stop once its panel was closed', 5_000);
    assert.equal(await polling, undefined);
    assert.equal(api.actions.panels.get(uri), undefined, 'a poll opened the closed panel again');
  });

  it('Auto-refresh updates a panel behind another tab without bringing it forward', async () => {
    const { uri } = await createOnSandbox('auto-hidden.session.json');
    const panel = api.actions.panels.get(uri)!.panel;
    // Another editor in the panel's group hides it, as a user opening a file there does (here the request itself).
    const request = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    await vscode.window.showTextDocument(request, { viewColumn: panel.viewColumn, preview: false });
    await waitFor(() => !panel.visible || undefined, 'the panel to be hidden');
    const polls = outcomesFor(uri);
    const polling = api.actions.autoRefresh(uri, true, { firstDelayMs: 100, maxDelayMs: 200 });
    restores.push(() => api.actions.autoRefresh(uri, false));
    // A poll that revealed the panel would have made it visible by the next poll (the workbench answers in between).
    await waitFor(() => polls.count >= 3 || undefined, 'three polls');
    assert.equal(panel.visible, false, 'a poll brought the panel forward');
    assert.equal(api.actions.recordOf(uri)?.lastStatus, 'ACTIVE');
    await api.actions.autoRefresh(uri, false);
    assert.equal(await polling, undefined);
  });

  it('Copy as cURL holds no key, and run with curl and $XENDIT_SECRET_KEY it creates a session', async function () {
    const key = await testTargetOnSandbox();
    const { uri } = await createOnSandbox('curl.session.json');
    let copied = '';
    restores.push(api.ui.override({ writeClipboard: async (t) => void (copied = t) }));
    api.actions.panels.get(uri)!.handleMessage({ type: 'copyAsCurl' });
    await waitFor(() => copied || undefined, 'the cURL text on the clipboard');
    assert.ok(!copied.includes(key), 'the cURL command contains the key');
    assert.ok(!copied.includes(Buffer.from(`${key}:`).toString('base64')), 'the cURL command contains the Basic credentials');
    assert.match(copied, /-u "\$XENDIT_SECRET_KEY:"/);
    if (!hasCurl()) {
      // Skipped only where curl cannot run: a desktop without it has still checked the text above. In CI,
      // .ci/run installs curl, so its absence there is a failure, not a skip.
      assert.ok(!process.env.CI, 'curl is not installed, though .ci/run installs it: the copied command was not run');
      this.skip();
    }
    // Asynchronously: the sandbox answering curl runs in this very extension host.
    const { stdout: out } = await promisify(execFile)('bash', ['-c', copied], { env: { ...process.env, XENDIT_SECRET_KEY: key }, encoding: 'utf8', timeout: 20_000 });
    const session = JSON.parse(out);
    assert.match(session.payment_session_id, /^ps-[0-9a-f]{24}$/);
    assert.equal(session.status, 'ACTIVE');
  });

  it('Copy as code reads the key from the environment', async () => {
    const { uri } = await createOnSandbox('code.session.json');
    let copied = '';
    restores.push(api.ui.override({ writeClipboard: async (t) => void (copied = t) }));
    api.actions.panels.get(uri)!.handleMessage({ type: 'copyAsCode' });
    await waitFor(() => copied || undefined, 'the code on the clipboard');
    assert.match(copied, /process\.env\.XENDIT_SECRET_KEY/);
    assert.match(copied, /fetch\("http:\/\/127\.0\.0\.1:\d+\/sessions"/);
  });

  it('refuses to refresh or cancel a session where its target no longer points, and sends nothing there', async () => {
    await testTargetOnSandbox();
    const { uri, id } = await createOnSandbox('moved.session.json');
    const entry = await waitFor(() => api.history.entries().find((e) => e.sessionId === id), 'the session in the history');
    // The user points the test target at another server: it never had this session, and gets nothing.
    const elsewhere = await recordingServer((_req, res) => void res.writeHead(404, { 'content-type': 'application/json' }).end('{}'));
    restores.push(() => elsewhere.close());
    restores.push(await withUserSetting('apiBaseUrl', elsewhere.baseUrl));
    const errors: string[] = [];
    const questions: string[] = [];
    restores.push(api.ui.override({ showErrorMessage: async (m) => void errors.push(m), showWarningMessage: async (m) => void questions.push(m) }));
    assert.equal(await vscode.commands.executeCommand('xendit.history.refresh', entry), undefined);
    assert.equal(await api.actions.refresh(uri), undefined);
    assert.equal(await vscode.commands.executeCommand('xendit.history.cancel', entry), undefined);
    assert.equal(elsewhere.requests.length, 0, 'the key went to a server the session was not made on');
    assert.deepEqual(questions, [], 'a cancel that cannot be sent was confirmed first');
    assert.equal(errors.length, 3, errors.join('\n'));
    const made = entry.baseUrl.replace(/[.]/g, '\\.');
    for (const error of errors) {
      assert.match(error, new RegExp(`^Session ${id} was created at ${made}, but the Xendit test target now sends to ${elsewhere.baseUrl.replace(/[.]/g, '\\.')}\\. Nothing was sent: to refresh or cancel it, set xendit\\.apiBaseUrl back to ${made}\\.$`));
    }
  });

  it('sends no key from an untrusted workspace: Refresh and Cancel, in the panel and the history, say so and send nothing', async () => {
    const server = await recordingServer((req, res) =>
      void res.writeHead(req.method === 'POST' && req.url === '/sessions' ? 201 : 200, { 'content-type': 'application/json' }).end(JSON.stringify(sessionBody())),
    );
    restores.push(() => server.close());
    await testTargetAt(server.baseUrl);
    const { uri, id } = await createOnSandbox('untrusted.session.json');
    const entry = await waitFor(() => api.history.entries().find((e) => e.sessionId === id), 'the session in the history');
    const sentBefore = server.requests.length;
    const errors: string[] = [];
    const questions: string[] = [];
    restores.push(api.ui.override({ isWorkspaceTrusted: () => false, showErrorMessage: async (m) => void errors.push(m), showWarningMessage: async (m) => void questions.push(m) }));
    assert.equal(await api.actions.refresh(uri), undefined);
    assert.equal(await api.actions.cancelSession(uri), undefined);
    assert.equal(await vscode.commands.executeCommand('xendit.history.refresh', entry), undefined);
    assert.equal(await vscode.commands.executeCommand('xendit.history.cancel', entry), undefined);
    assert.equal(server.requests.length, sentBefore, 'a request went out with the key from an untrusted workspace');
    assert.deepEqual(questions, [], 'a cancel that cannot be sent was confirmed first');
    assert.ok(errors.length >= 4, errors.join('\n'));
    for (const error of errors) assert.match(error, new RegExp(`^This workspace is not trusted, so requests are not sent with your API key\\. Nothing was sent: trust the workspace to refresh or cancel session ${id}\\.$`));
  });

  it("History's Cancel on an entry still listed ACTIVE that turns out paid says so, and asks nothing", async () => {
    // The test target on a server where the first session was paid meanwhile (on Xendit's page: no event reaches the
    // extension, so the history still says ACTIVE); the file was sent again, so its panel shows the second one.
    const ids = ['ps-cccccccccccccccccccccccc', 'ps-dddddddddddddddddddddddd'];
    let created = 0;
    const server = await recordingServer((req, res) => {
      const paid = req.method === 'GET' ? { ...sessionBody(), payment_session_id: req.url?.split('/').pop(), status: 'COMPLETED' } : undefined;
      const body = paid ?? { ...sessionBody(), payment_session_id: ids[created++] };
      void res.writeHead(req.method === 'POST' ? 201 : 200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
    restores.push(() => server.close());
    await testTargetAt(server.baseUrl);
    const first = await createOnSandbox('stale.session.json');
    await vscode.commands.executeCommand('xendit.createSession', vscode.Uri.parse(first.uri));
    await waitFor(() => (api.actions.recordOf(first.uri)?.sessionId === ids[1] ? true : undefined), 'the panel to show the second session');
    const entry = await waitFor(() => api.history.entries().find((e) => e.sessionId === ids[0] && e.status === 'ACTIVE'), 'the first session listed as ACTIVE');
    const questions: string[] = [];
    const notes: string[] = [];
    restores.push(api.ui.override({ showWarningMessage: async (m) => void questions.push(m), showInformationMessage: async (m) => void notes.push(m) }));
    assert.equal(await vscode.commands.executeCommand('xendit.history.cancel', entry), undefined);
    assert.deepEqual(questions, [], 'it asked to cancel a session it had just shown COMPLETED');
    assert.deepEqual(notes, [`Session ${ids[0]} is COMPLETED: only an ACTIVE session can be cancelled.`]);
    assert.deepEqual(server.requests.filter((r) => r.url?.endsWith('/cancel')), [], 'a cancel was sent');
  });

  it('lists created sessions newest first, reopens one, and clears the history', async () => {
    const a = await createOnSandbox('history-a.session.json');
    const b = await createOnSandbox('history-b.session.json');
    const entries = api.history.entries();
    assert.equal(entries[0].sessionId, b.id);
    assert.equal(entries[1].sessionId, a.id);
    assert.equal(entries[0].target, 'sandbox');
    const item = api.history.getTreeItem(entries[0]);
    assert.match(String(item.description), /Sandbox · ACTIVE · IDR 150,000/);
    await closeAllEditors();
    const reopened = await vscode.commands.executeCommand<{ view: { session?: { id: string } } } | undefined>('xendit.history.open', entries[1]);
    assert.equal(reopened?.view.session?.id, a.id);
    await api.actions.panels.whenRendered(a.uri);
    await vscode.commands.executeCommand('xendit.history.clear');
    assert.deepEqual(api.history.entries(), []);
    // Clear sticks: a refresh of a cleared session (as auto-refresh polls) does not list it again; a new create is
    // listed, and is the one sign the history heard both (outcomes are recorded in the order they came).
    assert.equal((await api.actions.refresh(a.uri))?.result.kind, 'session');
    const c = await createOnSandbox('history-c.session.json');
    await waitFor(() => api.history.entries().find((e) => e.sessionId === c.id), 'the new session in the history');
    assert.deepEqual(api.history.entries().map((e) => e.sessionId), [c.id], 'a refresh listed a cleared session again');
  });

  it('flags a live key in a .ts file and the quick fix reads it from the environment', async () => {
    const live = fakeKey('live');
    const editor = await openRequest('../src/payments.ts', `const client = new Xendit({ secretKey: "${live}" });\n`);
    const document = editor.document;
    const diagnostic = await waitFor(() => vscode.languages.getDiagnostics(document.uri).find((d) => d.code === 'live-secret-key'), 'the live-key diagnostic');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(document.getText(diagnostic.range), live);
    assert.ok(!diagnostic.message.includes(live));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title.startsWith('Read the key from the environment'));
    assert.ok(fix?.edit);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(document.getText(), 'const client = new Xendit({ secretKey: process.env.XENDIT_SECRET_KEY });\n');
    await waitFor(() => !vscode.languages.getDiagnostics(document.uri).some((d) => d.code === 'live-secret-key') || undefined, 'the diagnostic to clear');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('warns about a test key in a .py file', async () => {
    const editor = await openRequest('../src/pay.py', `KEY = '${fakeKey('test')}'\n`);
    const d = await waitFor(() => vscode.languages.getDiagnostics(editor.document.uri).find((x) => x.code === 'test-secret-key'), 'the test-key diagnostic');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
  });

  it('keeps no key in workspaceState or globalState', async () => {
    const key = fakeKey('test');
    await api.keys.store('test', key);
    await api.targets.select('test');
    restores.push(await withUserSetting('apiBaseUrl', await sandboxUrl(api)));
    await createOnSandbox('state.session.json');
    const dump = (memento: vscode.Memento) => JSON.stringify(memento.keys().map((k) => [k, memento.get(k)]));
    const stored = dump(api.context.workspaceState) + dump(api.context.globalState);
    assert.ok(stored.includes('state.session.json'), 'the history was not written, so this test proves nothing');
    assert.ok(!stored.includes(key), 'the key is in the extension\'s state');
    assert.ok(!stored.includes(Buffer.from(`${key}:`).toString('base64')), 'the Basic credentials are in the extension\'s state');
    const entries: HistoryEntry[] = api.history.entries();
    assert.ok(entries.every((e) => !('body' in e) && !('request' in e)), 'history holds request bodies');
    await api.keys.delete('test');
    await api.targets.select('sandbox');
  });
});
