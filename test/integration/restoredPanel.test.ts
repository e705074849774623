// A result panel VS Code brings back after a window reload: a new SessionActions (what the reloaded extension makes)
// on the same workspace state restores the panel through its serializer, and every button the panel shows works, as
// it did before the reload. Each button is pressed by posting what the webview posts, through the panel's own entry.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/extension';
import { RESULT_VIEW_TYPE } from '../../src/vscode/resultPanel';
import type { FromWebview, ResultView, ToWebview } from '../../src/vscode/resultView';
import { SessionActions, type SessionOutcome } from '../../src/vscode/sessionActions';
import { sessionBody } from '../helpers/faultServer';
import { placeholderPay } from '../helpers/sessionRequests';
import { KEPT_BODY_LIMIT } from '../../src/vscode/shownSessions';
import { fakeKey, openRequest, recordingServer, sandboxUrl, suiteHooks, waitFor, withUserSetting } from './helpers';

describe('a result panel restored after a reload', function () {
  this.timeout(90_000);
  let api: TestingApi;
  const restores = suiteHooks((a) => (api = a), { resetTargets: true });

  /** Creates a session on the test target (pointed at the sandbox, with a fake key), as the user would. */
  async function createSession(name: string): Promise<{ uri: string; view: ResultView; key: string }> {
    const key = fakeKey('test');
    restores.push(await withUserSetting('apiBaseUrl', await sandboxUrl(api)));
    await api.keys.store('test', key);
    await api.targets.select('test');
    const editor = await openRequest(name, placeholderPay('restored'));
    const uri = editor.document.uri.toString();
    await vscode.commands.executeCommand('xendit.createSession', editor.document.uri);
    await api.actions.panels.whenRendered(uri);
    const posted = api.actions.panels.lastPosted(uri);
    assert.ok(posted?.type === 'result' && posted.view.session, 'no session was created');
    return { uri, view: posted.view, key };
  }

  /** What a window reload does: the panel's webview goes, and a new extension instance restores it from `state`. */
  async function reload(uri: string, state: unknown, title = 'restoring'): Promise<SessionActions> {
    api.actions.panels.get(uri)?.panel.dispose();
    // The window closing writes what the store keeps at once (ShownSessions.dispose), not on its next turn.
    await api.actions.shown.flush();
    const reloaded = new SessionActions(api.context.extensionUri, api.targets, api.ui, api.log, { transcript: api.transcript, state: api.context.workspaceState });
    restores.push(() => reloaded.dispose());
    const panel = vscode.window.createWebviewPanel(RESULT_VIEW_TYPE, title, vscode.ViewColumn.Beside, {});
    await reloaded.panels.deserializeWebviewPanel(panel, state);
    assert.equal(reloaded.panels.get(uri)?.panel, panel, 'the panel was not restored');
    await reloaded.panels.whenRendered(uri);
    return reloaded;
  }

  function recordUi(): { clipboard: string[]; opened: string[] } {
    const seen = { clipboard: [] as string[], opened: [] as string[] };
    restores.push(
      api.ui.override({
        writeClipboard: async (text) => void seen.clipboard.push(text),
        openExternal: async (link) => (seen.opened.push(link.toString()), true),
        showWarningMessage: async (_m, _o, ...items) => items[0],
      }),
    );
    return seen;
  }

  function press(reloaded: SessionActions, uri: string, message: FromWebview): void {
    const entry = reloaded.panels.get(uri);
    assert.ok(entry, 'the restored panel is gone');
    entry.handleMessage(message);
  }

  function shownView(reloaded: SessionActions, uri: string): ResultView {
    const posted: ToWebview | undefined = reloaded.panels.lastPosted(uri);
    assert.ok(posted?.type === 'result', `the panel was last told ${JSON.stringify(posted)}`);
    return posted.view;
  }

  function nextOutcome(reloaded: SessionActions, operation: ResultView['operation']): Promise<SessionOutcome> {
    return new Promise((resolve) => {
      const sub = reloaded.onDidComplete((outcome) => {
        if (outcome.view.operation !== operation) return;
        sub.dispose();
        resolve(outcome);
      });
    });
  }

  /** The outcome, or undefined while it has not come (for waitFor, which gives up at its deadline). */
  function within<T>(promise: Promise<T>): () => T | undefined {
    let value: T | undefined;
    void promise.then((v) => (value = v));
    return () => value;
  }

  const newDocument = (test: (text: string) => boolean) => () => vscode.workspace.textDocuments.find((d) => d.isUntitled && test(d.getText()));

  it('restores from what the workspace kept, and every button acts on the restored session', async () => {
    const { uri, view, key } = await createSession('restored.session.json');
    const session = view.session!;
    const link = session.paymentLinkUrl!;
    const seen = recordUi();

    // The state the webview saves: which request's panel it is; what it shows comes from the store.
    const reloaded = await reload(uri, { requestUri: uri, autoRefresh: false });
    const restored = shownView(reloaded, uri);
    assert.equal(restored.session?.id, session.id);
    assert.deepEqual([...restored.actions].sort(), [...view.actions].sort(), 'a restored panel offers fewer buttons than before the reload');

    press(reloaded, uri, { type: 'copy', what: 'id' });
    assert.equal(await waitFor(() => seen.clipboard.at(-1), 'the session id on the clipboard'), session.id);

    press(reloaded, uri, { type: 'copy', what: 'link' });
    await waitFor(() => seen.clipboard.at(-1) === link || undefined, 'the payment link on the clipboard');

    press(reloaded, uri, { type: 'copyAsCurl' });
    const curl = await waitFor(() => seen.clipboard.find((t) => t.startsWith('curl')), 'the cURL command on the clipboard');
    assert.match(curl, /-X POST '[^']*\/sessions'/);
    assert.ok(curl.includes(session.referenceId!), 'the cURL command does not send the body that was sent');
    assert.match(curl, /-u "\$XENDIT_SECRET_KEY:"/);

    press(reloaded, uri, { type: 'copyAsCode' });
    const code = await waitFor(() => seen.clipboard.find((t) => t.includes('process.env.XENDIT_SECRET_KEY')), 'the Node.js code on the clipboard');
    assert.ok(code.includes(session.referenceId!));

    press(reloaded, uri, { type: 'showRequest' });
    const sent = await waitFor(newDocument((t) => t.startsWith('POST ') && t.includes(session.referenceId!)), 'the request as sent');
    const body = JSON.parse(sent.getText().slice(sent.getText().indexOf('{'))) as Record<string, unknown>;
    assert.equal(body.reference_id, session.referenceId);
    assert.ok(!sent.getText().includes('{{'), 'the request as sent shows a placeholder, not the value sent');

    press(reloaded, uri, { type: 'openBody' });
    const opened = await waitFor(newDocument((t) => t.includes(`"payment_session_id": "${session.id}"`)), 'the response body in an editor');
    assert.equal((JSON.parse(opened.getText()) as { payment_session_id: string }).payment_session_id, session.id);

    press(reloaded, uri, { type: 'openLink', url: link });
    await waitFor(() => seen.opened.includes(link) || undefined, 'the payment link handed to the browser');

    const refreshed = nextOutcome(reloaded, 'get');
    press(reloaded, uri, { type: 'refresh' });
    const got = await waitFor(within(refreshed), 'Refresh to get the session');
    assert.equal(got.result.kind === 'session' && got.result.session.payment_session_id, session.id, 'Refresh did not get the session from the sandbox');
    assert.equal(got.result.request.method, 'GET');
    await waitFor(() => shownView(reloaded, uri).operation === 'get' || undefined, 'the refreshed session in the panel');

    const polled = nextOutcome(reloaded, 'get');
    press(reloaded, uri, { type: 'autoRefresh', on: true });
    assert.equal((await waitFor(within(polled), 'a poll', 15_000)).view.session?.id, session.id, 'auto-refresh did not poll the session');
    press(reloaded, uri, { type: 'autoRefresh', on: false });

    const cancelled = nextOutcome(reloaded, 'cancel');
    press(reloaded, uri, { type: 'cancelSession' });
    const cancel = await waitFor(within(cancelled), 'Cancel to cancel the session');
    assert.equal(cancel.view.session?.status, 'CANCELED', 'Cancel did not cancel the session on the sandbox');
    await waitFor(() => shownView(reloaded, uri).session?.status === 'CANCELED' || undefined, 'the cancelled session in the panel');

    // What was kept for the reload is in the workspace's state: never the key, nor the Basic credentials.
    const stored = JSON.stringify(api.context.workspaceState.keys().map((k) => [k, api.context.workspaceState.get(k)]));
    assert.ok(stored.includes(session.id), 'nothing was kept, so the check below proves nothing');
    assert.ok(!stored.includes(key), 'the key is in the workspace state');
    assert.ok(!stored.includes(Buffer.from(`${key}:`).toString('base64')), 'the Basic credentials are in the workspace state');
  });

  it('polls again after a reload when the panel\'s auto-refresh was on, so the toggle says what happens', async () => {
    const { uri, view } = await createSession('restored-polling.session.json');
    recordUi();
    const reloaded = await reload(uri, { requestUri: uri, autoRefresh: true });
    const polled = await waitFor(within(nextOutcome(reloaded, 'get')), 'a poll without pressing anything', 15_000);
    assert.equal(polled.view.session?.id, view.session!.id);
    press(reloaded, uri, { type: 'autoRefresh', on: false });
  });

  it('restores a panel whose webview state the workbench lost by its title, and closes one no entry fits', async () => {
    const { uri, view } = await createSession('restored-stateless.session.json');
    const title = api.actions.panels.get(uri)!.panel.title;
    assert.match(title, /restored-stateless · ACTIVE/);
    const seen = recordUi();
    // code-server's web workbench restores the panel and its title, but not always the state its webview saved.
    const reloaded = await reload(uri, undefined, title);
    press(reloaded, uri, { type: 'copy', what: 'id' });
    assert.equal(await waitFor(() => seen.clipboard.at(-1), 'the session id on the clipboard'), view.session!.id);

    const stranger = vscode.window.createWebviewPanel(RESULT_VIEW_TYPE, 'Session · never-sent · ACTIVE', vscode.ViewColumn.Beside, {});
    let closed = false;
    stranger.onDidDispose(() => (closed = true));
    await reloaded.panels.deserializeWebviewPanel(stranger, undefined);
    assert.equal(closed, true, 'a panel no kept entry fits was kept');
  });

  it('keeps a body over the limit out of the workspace state: the restored panel says so, and Refresh brings it back', async () => {
    // A test API on 127.0.0.1 whose session carries more metadata than the store keeps (GET answers the same).
    const base = sessionBody();
    const id = String(base.payment_session_id);
    const session = {
      ...base,
      payment_link_url: `https://checkout-staging.xendit.co/sessions/${id}`,
      metadata: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`note_${i}`, 'x'.repeat(KEPT_BODY_LIMIT / 30)])),
    };
    const answer = JSON.stringify(session);
    const server = await recordingServer((req, res) => res.writeHead(req.method === 'POST' ? 201 : 200, { 'content-type': 'application/json' }).end(answer));
    restores.push(() => server.close());
    restores.push(await withUserSetting('apiBaseUrl', server.baseUrl));
    await api.keys.store('test', fakeKey('test'));
    await api.targets.select('test');
    const editor = await openRequest('restored-large.session.json', placeholderPay('restored-large'));
    const uri = editor.document.uri.toString();
    await vscode.commands.executeCommand('xendit.createSession', editor.document.uri);
    await api.actions.panels.whenRendered(uri);
    const before = api.actions.panels.get(uri)?.view;
    assert.equal(before?.session?.id, id, `the test API's answer was not shown as a session: ${before?.unexpectedResponse?.reason ?? before?.outcome}`);
    assert.ok(before.body !== undefined, 'the panel did not show the body before the reload');

    const reloaded = await reload(uri, { requestUri: uri, autoRefresh: false });
    const kept = JSON.stringify(api.context.workspaceState.get('xendit.shownSessions'));
    assert.ok(!kept.includes('x'.repeat(KEPT_BODY_LIMIT / 30)), 'the large body went into the workspace state');
    const restored = shownView(reloaded, uri);
    assert.equal(restored.session?.id, id);
    assert.equal(restored.body, undefined);
    assert.equal(restored.bodyOmitted, true, 'the restored panel does not say the body was left out');
    assert.ok(!restored.actions.includes('openBody'), 'Open in editor is offered without a body');

    const refreshed = nextOutcome(reloaded, 'get');
    press(reloaded, uri, { type: 'refresh' });
    await waitFor(within(refreshed), 'Refresh to get the session');
    await waitFor(() => (shownView(reloaded, uri).body !== undefined && shownView(reloaded, uri).actions.includes('openBody')) || undefined, 'the body back after a refresh');
  });

  it('restores a panel an earlier version saved (its view only) and hides the buttons that need the request as sent', async () => {
    const { uri, view } = await createSession('restored-legacy.session.json');
    const session = view.session!;
    const seen = recordUi();
    // A panel saved before this version: no entry kept for it, only the view in the webview's state.
    await api.actions.shown.flush();
    await api.context.workspaceState.update('xendit.shownSessions', undefined);
    const reloaded = await reload(uri, { view, autoRefresh: false });
    const restored = shownView(reloaded, uri);

    press(reloaded, uri, { type: 'copy', what: 'id' });
    assert.equal(await waitFor(() => seen.clipboard.at(-1), 'the session id on the clipboard'), session.id);
    const refreshed = nextOutcome(reloaded, 'get');
    press(reloaded, uri, { type: 'refresh' });
    assert.equal((await waitFor(within(refreshed), 'Refresh to get the session')).view.session?.id, session.id);
    for (const hidden of ['copyAsCurl', 'copyAsCode', 'showRequest'] as const) assert.ok(!restored.actions.includes(hidden), `${hidden} is offered without the request as sent`);
    for (const shown of ['refresh', 'cancelSession', 'copyId', 'openBody'] as const) assert.ok(restored.actions.includes(shown), `${shown} is hidden`);
    // Refresh brought the request as sent back: the buttons that need it are offered again.
    await waitFor(() => shownView(reloaded, uri).actions.includes('copyAsCurl') || undefined, 'Copy as cURL offered after a refresh');
  });
});
