// Webhooks in a real VS Code: the embedded sandbox forwards payment_session events to a handler on 127.0.0.1
// (written here) with the callback token; the Webhooks view lists each event and its attempts; Resend, the
// triggers (pay, expire now, cancel, Trigger Webhook Event…) and the handler check.
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type * as http from 'node:http';
import * as vscode from 'vscode';
import { TEST_WEBHOOK_RETRY_DELAYS_MS, type TestingApi } from '../../src/extension';
import type { HandlerCheckResult } from '../../src/sessions/handlerCheck';
import type { DeliveryAttempt } from '../../src/sandbox/webhookDispatcher';
import type { EmbeddedSandbox } from '../../src/vscode/embeddedSandbox';
import type { WebhookForwarding } from '../../src/vscode/webhookForwarding';
import type { StoredEvent, WebhookLog, WebhookNode } from '../../src/vscode/webhookLog';
import { writtenLogs } from './keyLeakAudit';
import { fakeKey, forwardedRequests, issuedCallbackTokens, openRequest, payExample, payOnCheckout, progressRecorder, recordingServer, sandboxUrl, suiteHooks, waitFor, withUserSetting, withWorkspaceSetting, type RecordingServer } from './helpers';

const TOKEN_SECRET = 'xendit.webhooks.callbackToken';

describe('webhooks', function () {
  this.timeout(60_000);
  let api: TestingApi;
  const restores = suiteHooks((a) => (api = a), { resetTargets: true });

  /** A webhook handler on 127.0.0.1 answering `status(request)`; what it receives goes to the leak audit too. */
  async function handler(status: (req: http.IncomingMessage) => number): Promise<RecordingServer> {
    const server = await recordingServer((req, res, body) => {
      const { 'x-callback-token': token, ...headers } = req.headers;
      forwardedRequests.push(`${JSON.stringify(headers)}\n${body}`);
      const code = status(req);
      // A careless handler that echoes the token when it fails: what the view keeps must not hold it.
      res.writeHead(code, { 'content-type': 'text/plain' }).end(code < 300 ? 'ok' : `handler failed for ${String(token)}`);
    });
    restores.push(() => server.close());
    return server;
  }

  /** A token made at run time, set through the command as a user would paste it. */
  async function setToken(): Promise<string> {
    const token = `whk_${randomBytes(18).toString('base64url')}`;
    issuedCallbackTokens.push(token);
    const undo = api.ui.override({ showInputBox: async () => token, showInformationMessage: async () => undefined });
    try {
      assert.equal(await vscode.commands.executeCommand('xendit.webhooks.setCallbackToken'), true);
    } finally {
      undo();
    }
    return token;
  }

  /** Forwards to `url` with `token`, and waits until the running sandbox uses both: the URL and the new token. */
  async function forwardTo(url: string, token: string): Promise<void> {
    await sandboxUrl(api);
    restores.push(await withUserSetting('webhooks.forwardUrl', url));
    await waitFor(() => api.webhooks.forwarding.applied?.url === url && api.webhooks.forwarding.applied.token === token, `forwarding to ${url} with the token just set`);
  }

  /** Creates a session on the sandbox from a request file (Create Session) and returns its history entry. */
  async function createSession(name: string) {
    const editor = await openRequest(name, { ...payExample.body, reference_id: `${name}-${Date.now()}` });
    await vscode.commands.executeCommand('xendit.createSession');
    const uri = editor.document.uri.toString();
    return waitFor(() => api.history.entries().find((e) => e.requestUri === uri && e.status === 'ACTIVE' && e.paymentLinkUrl), `${name} in the session history`);
  }

  /** Waits for the view to list `event` for `sessionId` in a state `ready` accepts. */
  function listed(event: string, sessionId: string, ready: (e: StoredEvent) => boolean = () => true): Promise<StoredEvent> {
    return waitFor(() => api.webhooks.view.events().find((e) => e.event === event && e.sessionId === sessionId && ready(e)), `${event} for ${sessionId} in the Webhooks view`, 15_000);
  }

  const eventNode = (record: StoredEvent): WebhookNode => ({ kind: 'event', record });
  const posts = (server: RecordingServer, sessionId: string) => server.requests.filter((r) => JSON.parse(r.body).data.payment_session_id === sessionId);

  it('pay on the checkout page: the view lists payment_session.completed, the handler got it with the token, and the payload opens as JSON', async () => {
    const server = await handler(() => 200);
    const token = await setToken();
    await forwardTo(`${server.baseUrl}/webhooks/xendit`, token);
    // Created with a test key (the sandbox as the test target's base URL), so the leak audit has a key to look
    // for in the forwarded webhook and everything the view keeps.
    restores.push(await withUserSetting('apiBaseUrl', await sandboxUrl(api)));
    await api.keys.store('test', fakeKey('test'));
    await api.targets.select('test');
    const entry = await createSession('webhook-pay.session.json');
    assert.equal(entry.target, 'test');
    await payOnCheckout(entry.paymentLinkUrl!);

    const record = await listed('payment_session.completed', entry.sessionId, (e) => e.outcome === 'delivered');
    const [got] = posts(server, entry.sessionId);
    assert.equal(got.method, 'POST');
    assert.equal(got.url, '/webhooks/xendit');
    assert.equal(got.headers['x-callback-token'], token);
    assert.deepEqual(JSON.parse(got.body), record.payload);
    assert.equal(record.referenceId, entry.referenceId);
    assert.equal(record.status, 'COMPLETED');

    const item = api.webhooks.view.getTreeItem(eventNode(record));
    assert.equal(item.label, 'payment_session.completed');
    assert.match(String(item.description), new RegExp(`^${entry.referenceId} · COMPLETED · .+ · delivered$`));
    const children = api.webhooks.view.getChildren(eventNode(record));
    assert.deepEqual(children.map((c) => api.webhooks.view.getTreeItem(c).label), ['HTTP 200']);

    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('xendit.webhooks.openPayload', eventNode(record));
    assert.equal(editor.document.languageId, 'json');
    assert.deepEqual(JSON.parse(editor.document.getText()), record.payload);
    await waitFor(() => api.history.entries().find((e) => e.sessionId === entry.sessionId)?.status === 'COMPLETED', 'the history to show the session COMPLETED, as its event said');
    assert.ok(api.webhooks.view.events().length <= 100, 'the view is bounded');
  });

  it('retries a handler answering 500, lists every attempt, and Resend delivers again', async () => {
    let failures = 2;
    const server = await handler(() => (failures-- > 0 ? 500 : 200));
    await forwardTo(`${server.baseUrl}/hook`, await setToken());
    const entry = await createSession('webhook-retry.session.json');
    const paid = await vscode.commands.executeCommand<{ status: string; event?: string }>('xendit.webhooks.paySession', entry.sessionId);
    assert.deepEqual([paid?.status, paid?.event], ['COMPLETED', 'payment_session.completed']);
    assert.ok(TEST_WEBHOOK_RETRY_DELAYS_MS.length >= 2, 'the test run retries at least twice');

    const record = await listed('payment_session.completed', entry.sessionId, (e) => e.outcome === 'delivered');
    assert.deepEqual(
      record.attempts.map((a) => [a.attempt, a.kind, a.status]),
      [
        [1, 'automatic', 500],
        [2, 'automatic', 500],
        [3, 'automatic', 200],
      ],
    );
    assert.equal(record.attempts[0].answer, 'handler failed for [redacted]');
    const labels = api.webhooks.view.getChildren(eventNode(record)).map((c) => api.webhooks.view.getTreeItem(c));
    assert.deepEqual(labels.map((l) => l.label), ['HTTP 200', 'HTTP 500', 'HTTP 500'], 'newest attempt first');
    assert.match(String(labels[2].description), /^attempt 1 · .+ ms · handler failed for \[redacted\]$/);
    assert.equal(posts(server, entry.sessionId).length, 3);
    const total = TEST_WEBHOOK_RETRY_DELAYS_MS.length + 1;
    const log = (await writtenLogs(api)).map((l) => l.text).join('\n');
    const name = `webhook payment_session.completed for ${entry.sessionId}`;
    for (const line of [`${name}: HTTP 500 (attempt 1 of ${total})`, `${name}: HTTP 500 (attempt 2 of ${total})`, `${name} delivered (attempt 3 of ${total}, HTTP 200)`]) {
      assert.ok(log.includes(line), `the output channel lacks "${line}"`);
    }

    const resent = await vscode.commands.executeCommand<DeliveryAttempt>('xendit.webhooks.resend', eventNode(record));
    assert.deepEqual([resent?.kind, resent?.status], ['resend', 200]);
    assert.equal(posts(server, entry.sessionId).length, 4);
    const after = await listed('payment_session.completed', entry.sessionId, (e) => e.attempts.length === 4);
    assert.equal(after.attempts[3].kind, 'resend');
    assert.equal(api.history.entries().find((e) => e.sessionId === entry.sessionId)?.status, 'COMPLETED', 'the trigger updated the history');
  });

  it('Expire Sandbox Session Now, picked from the recent sessions, emits payment_session.expired; Cancel sends none', async () => {
    const server = await handler(() => 204);
    const token = await setToken();
    await forwardTo(`${server.baseUrl}/hook`, token);
    const toExpire = await createSession('webhook-expire.session.json');
    const toCancel = await createSession('webhook-cancel.session.json');
    const offered: string[][] = [];
    restores.push(
      api.ui.override({
        showQuickPick: async (items) => (offered.push(items.map((i) => i.description ?? '')), items.find((i) => i.description === toExpire.sessionId)),
        showInformationMessage: async () => undefined,
      }),
    );
    const expired = await vscode.commands.executeCommand<{ status: string; event?: string }>('xendit.webhooks.expireSession');
    assert.deepEqual([expired?.status, expired?.event], ['EXPIRED', 'payment_session.expired']);
    assert.ok(offered[0]?.includes(toExpire.sessionId) && offered[0].includes(toCancel.sessionId), 'the pick lists the active sandbox sessions');
    const record = await listed('payment_session.expired', toExpire.sessionId, (e) => e.outcome === 'delivered');
    assert.equal(record.status, 'EXPIRED');
    assert.equal(posts(server, toExpire.sessionId)[0]?.headers['x-callback-token'], token);

    const infos: string[] = [];
    restores.push(api.ui.override({ showInformationMessage: async (m) => void infos.push(m) }));
    const canceled = await vscode.commands.executeCommand<{ status: string; event?: string }>('xendit.webhooks.cancelSession', toCancel);
    assert.deepEqual([canceled?.status, canceled?.event], ['CANCELED', undefined]);
    assert.match(infos.at(-1) ?? '', /No webhook was sent: Xendit sends no payment_session event for a cancelled session/);
    await api.sandbox.current!.webhooksSettled();
    assert.equal(api.webhooks.view.events().some((e) => e.sessionId === toCancel.sessionId), false);
    assert.equal(posts(server, toCancel.sessionId).length, 0);
  });

  it('Trigger Webhook Event… creates a session from the open request file and completes it in one step', async () => {
    const server = await handler(() => 200);
    await forwardTo(`${server.baseUrl}/hook`, await setToken());
    await openRequest('webhook-trigger.session.json', { ...payExample.body, reference_id: `trigger-${Date.now()}` });
    restores.push(api.ui.override({ showInformationMessage: async () => undefined }));
    const outcome = await vscode.commands.executeCommand<{ sessionId: string; status: string; event?: string }>('xendit.webhooks.triggerEvent', 'completed');
    assert.equal(outcome?.event, 'payment_session.completed');
    await listed('payment_session.completed', outcome.sessionId, (e) => e.outcome === 'delivered');
    assert.equal(api.history.entries().find((e) => e.sessionId === outcome.sessionId)?.status, 'COMPLETED');
  });

  it('Trigger Webhook Event… from another file: asks for a request when none is in view, else uses the one in view', async () => {
    const errors: string[] = [];
    restores.push(api.ui.override({ showInformationMessage: async () => undefined, showErrorMessage: async (m) => void errors.push(m) }));
    const code = await vscode.workspace.openTextDocument({ language: 'typescript', content: 'export const port = 3000;\n' });
    await vscode.window.showTextDocument(code);
    assert.equal(await vscode.commands.executeCommand('xendit.webhooks.triggerEvent', 'completed'), undefined);
    assert.deepEqual(errors, ['Trigger Webhook Event needs a session request open in the editor (a *.session.json file).']);
    await openRequest('webhook-trigger-beside.session.json', { ...payExample.body, reference_id: `trigger-beside-${Date.now()}` });
    await vscode.window.showTextDocument(code, vscode.ViewColumn.Beside);
    assert.equal(vscode.window.activeTextEditor?.document, code);
    const outcome = await vscode.commands.executeCommand<{ sessionId: string; event?: string } | undefined>('xendit.webhooks.triggerEvent', 'completed');
    assert.equal(outcome?.event, 'payment_session.completed', errors.join('\n'));
    assert.equal(errors.length, 1);
  });

  it('generates a callback token when a forward URL is set without one, offers it once to copy, and delivers with it', async () => {
    const server = await handler(() => 200);
    await sandboxUrl(api);
    await api.context.secrets.delete(TOKEN_SECRET);
    await waitFor(async () => (await api.webhooks.forwarding.storedToken()) === undefined, 'no stored token');
    const offers: string[] = [];
    let copied: string | undefined;
    restores.push(
      api.ui.override({
        showInformationMessage: async (m, _o, ...items) => (offers.push(m), items.includes('Copy Token') ? 'Copy Token' : undefined),
        writeClipboard: async (t) => void (copied = t),
      }),
    );
    const url = `${server.baseUrl}/generated`;
    restores.push(await withUserSetting('webhooks.forwardUrl', url));
    // Both: the URL and a token (the generated one) in use, then the copy the user asked for.
    const applied = await waitFor(() => (api.webhooks.forwarding.applied?.url === url && api.webhooks.forwarding.applied.token ? api.webhooks.forwarding.applied : undefined), 'forwarding with a generated token');
    issuedCallbackTokens.push(applied.token);
    await waitFor(() => copied, 'the generated token on the clipboard');
    assert.equal(copied, applied.token);
    assert.equal(offers.filter((m) => /callback token was generated/.test(m)).length, 1, 'offered once');
    assert.ok(offers.every((m) => !m.includes(applied.token)), 'the message does not show the token itself');
    const outcome = await vscode.commands.executeCommand<{ sessionId: string }>('xendit.webhooks.triggerEvent', 'expired', (await openRequest('webhook-generated.session.json', { ...payExample.body, reference_id: `gen-${Date.now()}` })).document.uri);
    await listed('payment_session.expired', outcome.sessionId, (e) => e.outcome === 'delivered');
    assert.equal(posts(server, outcome.sessionId)[0]?.headers['x-callback-token'], applied.token);
  });

  it('a sandbox started while a forward URL is set forwards from its very first event', async () => {
    const server = await handler(() => 200);
    const token = await setToken();
    const url = `${server.baseUrl}/first`;
    restores.push(await withUserSetting('webhooks.forwardUrl', url));
    // A second embedded sandbox, started now, as in a window whose first act is to pay a session.
    const Sandbox = api.sandbox.constructor as new (log: TestingApi['log'], options: object) => EmbeddedSandbox;
    const Forwarding = api.webhooks.forwarding.constructor as new (...args: ConstructorParameters<typeof WebhookForwarding>) => WebhookForwarding;
    const fresh = new Sandbox(api.log, { webhookRetryDelaysMs: [50] });
    const forwarding = new Forwarding(api.context.secrets, fresh, api.ui, api.log);
    restores.push(() => (forwarding.dispose(), fresh.dispose()));
    const { baseUrl, secretKey } = await fresh.provider();
    assert.equal(fresh.current?.webhooks.forwardUrl, url, 'the forward URL is set before the sandbox is handed out');
    const created = await fetch(`${baseUrl}/sessions`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${secretKey}:`).toString('base64')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...payExample.body, reference_id: `first-${Date.now()}` }),
    });
    assert.equal(created.status, 201);
    const session = (await created.json()) as { payment_session_id: string; payment_link_url: string };
    await payOnCheckout(session.payment_link_url);
    const got = await waitFor(() => posts(server, session.payment_session_id)[0], 'the first event at the handler');
    assert.equal(got.headers['x-callback-token'], token);
  });

  it('refuses a plain-http forward URL off this machine with a clear message, and forwards nothing', async () => {
    await sandboxUrl(api);
    const warnings: string[] = [];
    restores.push(api.ui.override({ showWarningMessage: async (m) => void warnings.push(m) }));
    restores.push(await withUserSetting('webhooks.forwardUrl', 'http://example.com/webhooks'));
    const warning = await waitFor(() => warnings.find((w) => w.includes('xendit.webhooks.forwardUrl')), 'the warning about the forward URL');
    assert.match(warning, /is not used, so webhooks are not forwarded: The forward URL must use https \(plain http only for localhost or 127\.0\.0\.1\)/);
    await waitFor(() => api.webhooks.forwarding.applied === undefined, 'forwarding off');
  });

  it('takes a forward URL off this machine from the User settings only: a workspace may point at this machine alone', async () => {
    const server = await handler(() => 200);
    const token = await setToken();
    await forwardTo(`${server.baseUrl}/user`, token);
    const warnings: string[] = [];
    restores.push(api.ui.override({ showWarningMessage: async (m) => void warnings.push(m) }));
    // A cloned repository's .vscode/settings.json must not decide where the stored token goes. Plain http is
    // refused as coming from the workspace too: https would not make it usable.
    restores.push(await withWorkspaceSetting('webhooks.forwardUrl', 'http://collector.example:8080/hooks'));
    await waitFor(() => warnings.find((w) => w.includes("This workspace's settings point it at collector.example:8080")), 'the workspace refusal of a plain-http URL');
    await withWorkspaceSetting('webhooks.forwardUrl', 'https://collector.example:8443/hooks');
    const warning = await waitFor(() => warnings.find((w) => w.includes('collector.example:8443')), 'the warning about the workspace forward URL');
    assert.match(warning, /is not used, so webhooks are not forwarded: This workspace's settings point it at collector\.example:8443, off this machine/);
    await waitFor(() => api.webhooks.forwarding.applied === undefined, 'forwarding off');
    const errors: string[] = [];
    restores.push(api.ui.override({ showErrorMessage: async (m) => void errors.push(m) }));
    const check = await vscode.commands.executeCommand<HandlerCheckResult | undefined>('xendit.webhooks.checkHandler');
    assert.equal(check, undefined, 'the handler check sends nothing there either');
    assert.match(errors.join('\n'), /This workspace's settings point it at collector\.example:8443/);
    // The handler on this machine, shared by the workspace, is used.
    const local = `${server.baseUrl}/workspace`;
    restores.push(await withWorkspaceSetting('webhooks.forwardUrl', local));
    await waitFor(() => api.webhooks.forwarding.applied?.url === local && api.webhooks.forwarding.applied.token === token, 'forwarding to the workspace handler on this machine');
  });

  it('Check Webhook Handler passes a handler that checks the token and fails one that does not', async () => {
    const token = await setToken();
    const good = await handler((req) => (req.headers['x-callback-token'] === token ? 200 : 401));
    const careless = await handler(() => 200);
    const infos: string[] = [];
    const warnings: string[] = [];
    restores.push(api.ui.override({ showInformationMessage: async (m) => void infos.push(m), showWarningMessage: async (m) => void warnings.push(m) }));

    await forwardTo(`${good.baseUrl}/hook`, token);
    const passed = await vscode.commands.executeCommand<HandlerCheckResult>('xendit.webhooks.checkHandler');
    assert.equal(passed?.passed, true);
    assert.deepEqual(
      passed.probes.map((p) => [p.event, p.token, p.status]),
      [
        ['payment_session.completed', 'right', 200],
        ['payment_session.completed', 'wrong', 401],
        ['payment_session.completed', 'none', 401],
        ['payment_session.expired', 'right', 200],
        ['payment_session.expired', 'wrong', 401],
        ['payment_session.expired', 'none', 401],
      ],
    );
    assert.match(infos.at(-1) ?? '', /passed: it accepted payment_session\.completed and payment_session\.expired with the right callback token/);
    assert.equal(good.requests.length, 6);

    await forwardTo(`${careless.baseUrl}/hook`, token);
    const failed = await vscode.commands.executeCommand<HandlerCheckResult>('xendit.webhooks.checkHandler');
    assert.equal(failed?.passed, false);
    assert.deepEqual(failed.probes.filter((p) => !p.passed).map((p) => p.token), ['wrong', 'none', 'wrong', 'none']);
    assert.match(warnings.at(-1) ?? '', /failed the check: it accepted payment_session\.completed with a wrong token \(HTTP 200\)/);
    assert.match(warnings.at(-1) ?? '', /it accepted payment_session\.completed with no x-callback-token at all \(HTTP 200\)/);
    assert.equal(careless.requests.filter((r) => r.headers['x-callback-token'] === token).length, 2);
  });

  it('Check Webhook Handler shows a cancellable notification for a handler that never answers, and Cancel stops it', async () => {
    const { notifications, withProgress } = progressRecorder();
    const infos: string[] = [];
    const warnings: string[] = [];
    restores.push(api.ui.override({ withProgress, showInformationMessage: async (m) => void infos.push(m), showWarningMessage: async (m) => void warnings.push(m) }));
    const silent = await recordingServer(() => {
      /* never answers */
    });
    restores.push(() => silent.close());
    await forwardTo(`${silent.baseUrl}/hook`, await setToken());
    const checking = vscode.commands.executeCommand<HandlerCheckResult>('xendit.webhooks.checkHandler');
    await waitFor(() => silent.requests.length > 0 || undefined, 'the first sample at the handler');
    const [notification] = await waitFor(() => (notifications.length > 0 ? notifications : undefined), 'a progress notification');
    assert.equal(notification?.title, `Checking the webhook handler at ${silent.baseUrl}/hook…`);
    notification?.cancel.cancel();
    const result = await checking;
    assert.deepEqual([result?.stopped, result?.passed], [true, false]);
    assert.equal(silent.requests.length, 1, 'samples were sent after Cancel');
    assert.deepEqual([infos, warnings], [[], []], 'a cancelled check said it passed or failed');
  });

  it('Clear empties the view for good: an event whose delivery is out does not come back, and is not retried', async () => {
    // The handler holds its answer to the first delivery until Clear has run, then refuses it: the sandbox would
    // retry it, and each attempt would list the event again.
    let release: (() => void) | undefined;
    let held = { headersSent: false };
    const server = await recordingServer((req, res, body) => {
      const { 'x-callback-token': _token, ...headers } = req.headers;
      forwardedRequests.push(`${JSON.stringify(headers)}\n${body}`);
      const refuse = () => void res.writeHead(500, { 'content-type': 'text/plain' }).end('refused');
      if (release !== undefined) return refuse();
      held = res;
      release = refuse;
    });
    restores.push(() => {
      if (!held.headersSent) release?.();
      return server.close();
    });
    await forwardTo(`${server.baseUrl}/hook`, await setToken());
    const entry = await createSession('webhook-clear.session.json');
    await vscode.commands.executeCommand('xendit.webhooks.paySession', entry.sessionId);
    await listed('payment_session.completed', entry.sessionId);
    await waitFor(() => posts(server, entry.sessionId).length === 1, 'the first delivery at the handler');
    await vscode.commands.executeCommand('xendit.webhooks.clear');
    assert.deepEqual(api.webhooks.view.events(), []);
    release?.();
    await api.sandbox.current!.webhooksSettled();
    await api.webhooks.view.flushed();
    assert.deepEqual(api.webhooks.view.events().map((e) => e.sessionId), [], 'a cleared event came back');
    assert.equal(posts(server, entry.sessionId).length, 1, 'a cleared event was retried');
  });

  it('after a reload, an event whose delivery the closed window cut off is listed as not delivered', async () => {
    await api.sandbox.current?.webhooksSettled();
    await api.webhooks.view.flushed();
    if (api.webhooks.view.events().length === 0) await triggerOne();
    await api.sandbox.current?.webhooksSettled();
    await api.webhooks.view.flushed();
    const [latest] = api.webhooks.view.events();
    assert.ok(latest);
    // What the view kept of an event whose retries were still due when the window closed.
    const cut: StoredEvent = { ...latest, id: `evt-cut-${Date.now()}`, sessionId: 'ps-cut-by-a-reload', outcome: 'pending', attempts: [] };
    await api.webhooks.view.record(cut);
    // What the reloaded extension makes: a new view over the same workspace state.
    const Log = api.webhooks.view.constructor as new (state: vscode.Memento, secrets: () => readonly string[]) => WebhookLog;
    const reloaded = new Log(api.context.workspaceState, () => []);
    try {
      await reloaded.ready;
      const kept = reloaded.find(cut.id);
      assert.equal(kept?.outcome, 'failed');
      assert.match(String(reloaded.getTreeItem(eventNode(kept)).description), /· not delivered$/);
      assert.equal(reloaded.find(latest.id)?.outcome, latest.outcome, 'an event that was not cut off changed');
    } finally {
      reloaded.dispose();
    }
  });

  it('keeps the events for the workspace: a new view over the same workspaceState lists them (as after a reload)', async () => {
    // Nothing is being delivered, so the new view, which settles what a closed window left delivering, changes nothing.
    await api.sandbox.current?.webhooksSettled();
    await api.webhooks.view.flushed();
    const stored = api.webhooks.view.events();
    assert.ok(stored.length > 0 || (await triggerOne()), 'there is an event to keep');
    const Log = api.webhooks.view.constructor as new (state: vscode.Memento, secrets: () => readonly string[]) => WebhookLog;
    const reloaded = new Log(api.context.workspaceState, () => []);
    await reloaded.ready;
    assert.deepEqual(reloaded.events(), api.webhooks.view.events());
    assert.ok(reloaded.events().every((e) => !('nextAttemptAt' in e)));
    reloaded.dispose();
  });

  async function triggerOne(): Promise<boolean> {
    await openRequest('webhook-keep.session.json', { ...payExample.body, reference_id: `keep-${Date.now()}` });
    restores.push(api.ui.override({ showInformationMessage: async () => undefined }));
    const outcome = await vscode.commands.executeCommand<{ sessionId: string }>('xendit.webhooks.triggerEvent', 'completed');
    await listed('payment_session.completed', outcome.sessionId);
    return true;
  }
});
