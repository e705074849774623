// The playground in a real VS Code: keys through the command, Create Session on every example against the
// sandbox, what the panel receives, and the refusals (invalid JSON, declined live confirmation, unsafe links).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SessionRequestExample } from '../../src/sessions/examples';
import type { TestingApi } from '../../src/extension';
import type { RenderedInfo } from '../../src/vscode/resultPanel';
import type { ResultView } from '../../src/vscode/resultView';
import { sessionBody } from '../helpers/faultServer';
import { UUID_PATTERN } from '../helpers/sessionRequests';
import { fakeKey, openRequest, progressRecorder, recordingServer, repoModule, sandboxUrl, waitFor, withUserSetting, suiteHooks } from './helpers';

describe('playground', function () {
  this.timeout(60_000);
  let api: TestingApi;
  const restores = suiteHooks((a) => (api = a), { resetTargets: true });

  /** Waits until the request's panel has drawn its latest result, checks the outcome drawn, and returns the view sent. */
  async function shownResult(uri: string, outcome: ResultView['outcome']): Promise<{ rendered: RenderedInfo; view: ResultView }> {
    const rendered = await api.actions.panels.whenRendered(uri);
    assert.equal(rendered.outcome, outcome);
    const posted = api.actions.panels.lastPosted(uri);
    assert.ok(posted?.type === 'result');
    return { rendered, view: posted.view };
  }

  /** Lets a test send again at once while the first send runs (else taken for a double click); returns the undo. */
  function resendAtOnce(): () => void {
    const previous = api.createSession.doubleClickMs;
    api.createSession.doubleClickMs = 0;
    return () => (api.createSession.doubleClickMs = previous);
  }

  /** Sends with a fresh test key to `server` (closed after the test), from a new request file; returns its URI. */
  async function requestToServer(server: { baseUrl: string; close(): Promise<void> }, fileName: string): Promise<string> {
    restores.push(() => server.close(), await withUserSetting('apiBaseUrl', server.baseUrl));
    await api.keys.store('test', fakeKey('test'));
    await api.targets.select('test');
    const editor = await openRequest(fileName, SESSION_REQUEST_EXAMPLES[0].body);
    return editor.document.uri.toString();
  }

  it('stores a test key given through Set API Key, switches to the test target, and clears it', async () => {
    const key = fakeKey('test');
    restores.push(api.ui.override({ showInputBox: async () => key, showInformationMessage: async () => undefined }));
    await vscode.commands.executeCommand('xendit.setApiKey');
    assert.ok((await api.keys.get('test')) === key, 'the key given to Set API Key was not stored');
    assert.equal(await api.targets.kind(), 'test');
    await waitFor(() => api.statusBar.text.includes('Xendit: Test') || undefined, 'the status bar to show the test target');

    await vscode.commands.executeCommand('xendit.clearApiKey');
    assert.ok((await api.keys.get('test')) === undefined, 'Clear API Key left the key stored');
    assert.equal(await api.targets.kind(), 'sandbox');
    await waitFor(() => api.statusBar.text.includes('Xendit: Sandbox') || undefined, 'the status bar to show the sandbox');
  });

  it('refuses a public key with an explanation and stores nothing', async () => {
    const errors: string[] = [];
    const publicKey = ['xnd', 'public', 'development', 'abcdefghijklmnop'].join('_');
    restores.push(api.ui.override({ showInputBox: async () => publicKey, showErrorMessage: async (m) => void errors.push(m) }));
    await vscode.commands.executeCommand('xendit.setApiKey');
    assert.match(errors[0] ?? '', /public key .* cannot create sessions/);
    assert.ok((await api.keys.get('test')) === undefined, 'a key was stored');
  });

  it('picking LIVE without a live key stores the key, and switches only when the user says Use LIVE', async () => {
    for (const [answer, expected] of [['Keep current target', 'sandbox'], ['Use LIVE', 'live']] as const) {
      await api.keys.delete('live');
      await api.targets.select('sandbox');
      const key = fakeKey('live');
      const undo = api.ui.override({
        showQuickPick: async (items) => items.find((item) => (item as { target?: string }).target === 'live'),
        showInputBox: async () => key,
        showWarningMessage: async (message, _options, ...buttons) => (/Switch the target to LIVE now\?/.test(message) ? buttons.find((b) => b === answer) : undefined),
      });
      try {
        const chosen = await vscode.commands.executeCommand<string | undefined>('xendit.selectTarget');
        assert.ok((await api.keys.get('live')) === key, 'the live key was not stored');
        assert.equal(await api.targets.kind(), expected, answer);
        assert.equal(chosen, expected === 'live' ? 'live' : undefined, answer);
      } finally {
        undo();
      }
    }
  });

  const { SESSION_REQUEST_EXAMPLES, exampleFileName } = repoModule<typeof import('../../src/sessions/examples')>('src/sessions/examples.js');
  for (const example of SESSION_REQUEST_EXAMPLES as readonly SessionRequestExample[]) {
    it(`creates a session from ${exampleFileName(example)} on the sandbox and shows it in the panel`, async () => {
      const editor = await openRequest(exampleFileName(example), example.body);
      const uri = editor.document.uri.toString();
      const sent = await vscode.commands.executeCommand<string | undefined>('xendit.createSession');
      assert.equal(sent, uri);
      const { rendered, view } = await shownResult(uri, 'session');
      assert.equal(rendered.status, 'ACTIVE');
      assert.equal(view.http?.status, 201);
      assert.equal(view.target.kind, 'sandbox');
      assert.match(view.session?.id ?? '', /^ps-[0-9a-f]{24}$/);
      // The file's reference id with its placeholder resolved: `order-{{$randomUUID}}` is sent as `order-<a UUID>`.
      const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const template = example.body.reference_id.split('{{$randomUUID}}').map(escape).join(UUID_PATTERN);
      assert.match(view.session?.referenceId ?? '', new RegExp(`^${template}$`));
      assert.equal(view.session?.amount, example.body.amount);
      assert.match(view.session?.paymentLinkUrl ?? '', /^http:\/\/127\.0\.0\.1:\d+\/checkout\/ps-/);
      assert.ok((view.timings?.totalMs ?? -1) >= 0);
      assert.ok(view.actions.includes('openLink'));
    });
  }

  it('sends with the test key to the configured base URL (here: the sandbox) and shows the for-user-id header', async () => {
    restores.push(await withUserSetting('apiBaseUrl', await sandboxUrl(api)), await withUserSetting('forUserId', 'sub-account-1'));
    await api.keys.store('test', fakeKey('test'));
    await api.targets.select('test');
    const editor = await openRequest('with-test-key.session.json', SESSION_REQUEST_EXAMPLES[0].body);
    await vscode.commands.executeCommand('xendit.createSession');
    const uri = editor.document.uri.toString();
    const { view } = await shownResult(uri, 'session');
    assert.equal(view.target.kind, 'test');
    assert.equal(view.outcome, 'session');
    assert.deepEqual(view.requestOptions, [['for-user-id', 'sub-account-1']]);
  });

  // The key store keeps a memory copy of the keys (each SecretStorage read is a round trip to the workbench). A key
  // written or deleted straight in SecretStorage, as another window does, must still be what the next create uses.
  it('sends with a key another window stored, and falls back to the sandbox when another window deletes it', async () => {
    const server = await recordingServer((_req, res) => res.writeHead(401, { 'content-type': 'application/json' }).end('{"error_code":"INVALID_API_KEY","message":"no"}'));
    restores.push(await withUserSetting('apiBaseUrl', server.baseUrl), () => server.close());
    const secretId = 'xendit.secretKey.test';
    const sentKey = () => {
      const header = String(server.requests.at(-1)?.headers.authorization ?? '');
      return Buffer.from(header.replace(/^Basic /, ''), 'base64').toString().replace(/:$/, '');
    };
    const first = fakeKey('test');
    await api.keys.store('test', first);
    await api.targets.select('test');
    const editor = await openRequest('other-window.session.json', SESSION_REQUEST_EXAMPLES[0].body);
    const uri = editor.document.uri.toString();
    await vscode.commands.executeCommand('xendit.createSession');
    await api.actions.panels.whenRendered(uri);
    // assert.ok, not assert.equal: a failure must not print the keys.
    assert.ok(sentKey() === first, 'the first create did not send the key stored through the key store');

    const second = fakeKey('test');
    await api.context.secrets.store(secretId, second);
    await waitFor(async () => (await api.keys.get('test')) === second || undefined, 'the key store to see the key stored elsewhere');
    await vscode.commands.executeCommand('xendit.createSession');
    await api.actions.panels.whenRendered(uri);
    assert.equal(server.requests.length, 2);
    assert.ok(sentKey() === second, 'the second create did not send the key another window stored');

    await api.context.secrets.delete(secretId);
    await waitFor(async () => ((await api.targets.kind()) === 'sandbox' ? true : undefined), 'the target to fall back to the sandbox');
    assert.ok((await api.keys.get('test')) === undefined, 'the key another window deleted is still known');
  });

  it('refuses invalid JSON with its line and column and sends nothing', async () => {
    const errors: string[] = [];
    restores.push(api.ui.override({ showErrorMessage: async (m) => void errors.push(m) }));
    const editor = await openRequest('broken.session.json', '{\n  "reference_id": "a",\n  "amount": 10\n  "currency": "IDR"\n}\n');
    const sent = await vscode.commands.executeCommand('xendit.createSession');
    assert.equal(sent, undefined);
    assert.match(errors[0] ?? '', /not valid JSON at line 4, column 3/);
    assert.equal(api.actions.panels.get(editor.document.uri.toString()), undefined, 'a panel opened for a request that was not sent');
    assert.equal(editor.document.isDirty, false, 'the file was modified');
  });

  it('asks before sending a request the rules reject, and "Send anyway" shows the API\'s own answer', async () => {
    const questions: string[] = [];
    restores.push(
      api.ui.override({
        showWarningMessage: async (m, o, ...items) => {
          questions.push(`${m}\n${o.detail ?? ''}`);
          return items.includes('Send anyway') ? 'Send anyway' : undefined;
        },
      }),
    );
    const body = { ...SESSION_REQUEST_EXAMPLES.find((e) => e.body.session_type === 'SAVE')!.body, amount: 5000 };
    const editor = await openRequest('save-with-amount.session.json', body);
    await vscode.commands.executeCommand('xendit.createSession');
    assert.match(questions[0], /1 problem/);
    assert.match(questions[0], /amount/);
    const uri = editor.document.uri.toString();
    const { view } = await shownResult(uri, 'apiError');
    assert.equal(view.http?.status, 400);
    // The sandbox writes the path as the live API does, a JSON pointer into the request body.
    assert.equal(view.apiError?.errors[0]?.path, '/body/amount');
  });

  it('confirms a live request naming amount, currency and the key\'s last four; declining sends nothing', async () => {
    const server = await recordingServer((_req, res) => res.writeHead(500).end());
    restores.push(() => server.close(), await withUserSetting('apiBaseUrl', server.baseUrl));
    const key = fakeKey('live');
    await api.keys.store('live', key);
    await api.targets.select('live');
    const questions: string[] = [];
    restores.push(
      api.ui.override({
        showWarningMessage: async (m, o) => {
          questions.push(`${m}\n${o.detail ?? ''}`);
          return undefined;
        },
      }),
    );
    const body = { ...SESSION_REQUEST_EXAMPLES.find((e) => e.body.session_type === 'PAY')!.body, amount: 150000 };
    await openRequest('live.session.json', body);
    const sent = await vscode.commands.executeCommand('xendit.createSession');
    assert.equal(sent, undefined);
    assert.equal(questions.length, 1);
    assert.match(questions[0], /LIVE session for IDR 150,000/);
    assert.ok(questions[0].includes(`…${key.slice(-4)}`), 'the confirmation does not name the key\'s last four');
    assert.ok(!questions[0].includes(key), 'the confirmation shows the whole key');
    assert.equal(server.requests.length, 0, 'a declined live request reached the server');
  });

  it('opens only https links and the sandbox\'s own loopback http through the link opener', async () => {
    const opened: string[] = [];
    const errors: string[] = [];
    restores.push(api.ui.override({ openExternal: async (u) => (opened.push(u.toString()), true), showErrorMessage: async (m) => void errors.push(m) }));
    for (const bad of ['javascript:alert(1)', 'command:workbench.action.terminal.new', 'file:///etc/passwd', 'http://checkout.xendit.co/x']) {
      assert.equal(await api.actions.openLink(bad), false, `${bad} was opened`);
    }
    assert.equal(opened.length, 0);
    assert.equal(errors.length, 4);
    assert.equal(await api.actions.openLink('https://checkout-staging.xendit.co/sessions/ps-1'), true);
    // Plain http only to the local server that gave the link (the sandbox), never to any local port.
    assert.equal(await api.actions.openLink('http://127.0.0.1:9/checkout/ps-1'), false);
    assert.equal(await api.actions.openLink('http://127.0.0.1:9/checkout/ps-1', 'https://api.xendit.co'), false);
    assert.equal(await api.actions.openLink('http://127.0.0.1:9/checkout/ps-1', 'http://127.0.0.1:9'), true);
    assert.equal(opened.length, 2);
  });

  it('cancels a slow request when asked, and the POST is sent once', async () => {
    const server = await recordingServer(() => {
      /* never answers */
    });
    const uri = await requestToServer(server, 'slow.session.json');
    const pending = vscode.commands.executeCommand('xendit.createSession');
    await waitFor(() => server.requests.length > 0 || undefined, 'the request to reach the server');
    assert.equal(api.actions.cancelInFlight(uri), true);
    await pending;
    const { view } = await shownResult(uri, 'networkError');
    assert.equal(view.networkError?.kind, 'aborted');
    assert.equal(server.requests.filter((r) => r.method === 'POST').length, 1);
  });

  it('shows a cancellable progress notification only once a request is slow, and its Cancel aborts the POST (sent once)', async () => {
    const { notifications, withProgress } = progressRecorder();
    restores.push(api.ui.override({ withProgress }));
    // A quick answer first (the sandbox): its notification would be due before the slow one's, and never comes.
    const quick = await openRequest('quick.session.json', SESSION_REQUEST_EXAMPLES[0].body);
    await vscode.commands.executeCommand('xendit.createSession');
    await shownResult(quick.document.uri.toString(), 'session');

    const server = await recordingServer(() => {
      /* never answers */
    });
    const uri = await requestToServer(server, 'slow-progress.session.json');
    const pending = vscode.commands.executeCommand('xendit.createSession');
    await waitFor(() => server.requests.length > 0 || undefined, 'the request to reach the server');
    await waitFor(() => notifications.length > 0 || undefined, 'a progress notification for the slow request');
    assert.deepEqual(
      notifications.map((n) => n.title),
      ['Creating session on Xendit test…'],
      'the quick answer flashed a notification, or the slow one has the wrong title',
    );
    notifications[0].cancel.cancel();
    await pending;
    const { view } = await shownResult(uri, 'networkError');
    assert.equal(view.networkError?.kind, 'aborted');
    assert.equal(server.requests.filter((r) => r.method === 'POST').length, 1);
  });

  it('records a send that opened its panel (history, what a reload restores) once the panel has drawn it', async () => {
    // That bookkeeping would otherwise reach the workbench while it loads the new page (SessionRequests.run).
    const editor = await openRequest('recorded-after-draw.session.json', SESSION_REQUEST_EXAMPLES[0].body);
    const uri = editor.document.uri.toString();
    assert.equal(api.actions.panels.get(uri), undefined, 'the request already had a panel');
    const atRecord: Promise<string>[] = [];
    const sub = api.actions.onDidComplete((outcome) => {
      if (outcome.view.requestUri !== uri) return;
      // whenRendered answers at once for a result already drawn; then both are settled and the race takes the first.
      const drawn = Promise.race([api.actions.panels.whenRendered(uri), Promise.resolve(undefined)]);
      atRecord.push(drawn.then((info) => (info ? `drawn ${info.status}` : 'not drawn yet')));
    });
    restores.push(() => sub.dispose());
    await vscode.commands.executeCommand('xendit.createSession');
    assert.deepEqual(await Promise.all(atRecord), ['drawn ACTIVE']);
    await waitFor(() => api.history.entries().some((e) => e.requestUri === uri) || undefined, 'the session in the history');
  });

  it('records sends in the order they were shown, when a resend answers while a new panel is still loading', async () => {
    // The second file's panel is open and drawn; the first file's panel is new, so its send is recorded only once
    // that panel has drawn (hundreds of ms in the workbench). The resend of the second file, answered in the
    // meantime, must still come after it in the history.
    const second = (await openRequest('shown-second.session.json', SESSION_REQUEST_EXAMPLES[0].body)).document.uri;
    await vscode.commands.executeCommand('xendit.createSession', second);
    await api.actions.panels.whenRendered(second.toString());
    const first = (await openRequest('shown-first.session.json', SESSION_REQUEST_EXAMPLES[0].body)).document.uri;
    const recorded: string[] = [];
    const sub = api.actions.onDidComplete((outcome) => void recorded.push(outcome.view.requestUri));
    restores.push(() => sub.dispose());

    const firstSent = vscode.commands.executeCommand('xendit.createSession', first);
    await waitFor(() => api.actions.panels.lastPosted(first.toString())?.type === 'result' || undefined, 'the new panel to be given its result');
    // whenRendered answers at once for a result already drawn; then both are settled and the race takes the first.
    const drawnYet = await Promise.race([api.actions.panels.whenRendered(first.toString()), Promise.resolve(undefined)]);
    assert.equal(drawnYet, undefined, 'the new panel drew before the resend started: nothing overlaps');
    await vscode.commands.executeCommand('xendit.createSession', second);
    await firstSent;
    assert.deepEqual(recorded, [first.toString(), second.toString()]);
    // The history lists sessions newest first: the resend's session above the first file's.
    const history = await waitFor(() => {
      const uris = api.history.entries().map((e) => e.requestUri);
      return uris.includes(first.toString()) ? uris : undefined;
    }, 'the first file\'s session in the history');
    assert.ok(history.indexOf(second.toString()) < history.indexOf(first.toString()), `the resend is listed as older than the send shown before it: ${history.join(', ')}`);
  });

  it('Auto-refresh goes on when a Refresh replaces one of its polls', async () => {
    const held: (() => void)[] = [];
    const server = await recordingServer((req, res) => {
      const answer = () => res.writeHead(req.method === 'POST' ? 201 : 200, { 'content-type': 'application/json' }).end(JSON.stringify(sessionBody()));
      // GETs wait until the test lets them go, so a poll is surely out when Refresh is pressed.
      if (req.method === 'GET') held.push(answer);
      else answer();
    });
    const uri = await requestToServer(server, 'auto-superseded.session.json');
    await vscode.commands.executeCommand('xendit.createSession');
    await api.actions.panels.whenRendered(uri);
    const gets = () => server.requests.filter((r) => r.method === 'GET').length;
    let stopped = false;
    const polling = api.actions.autoRefresh(uri, true, { firstDelayMs: 50, maxDelayMs: 100 }).finally(() => (stopped = true));
    restores.push(() => api.actions.autoRefresh(uri, false));
    await waitFor(() => gets() === 1 || undefined, 'a poll to reach the server');
    const refreshed = api.actions.refresh(uri);
    await waitFor(() => gets() === 2 || undefined, 'the Refresh to reach the server');
    for (const answer of held.splice(0)) answer();
    assert.equal((await refreshed)?.result.kind, 'session');
    await waitFor(() => {
      for (const answer of held.splice(0)) answer();
      return gets() >= 3 || undefined;
    }, 'auto-refresh to poll again after the Refresh');
    assert.equal(stopped, false, 'auto-refresh stopped when the Refresh replaced its poll');
    await api.actions.autoRefresh(uri, false);
    assert.equal(await polling, undefined);
  });

  /** A server that keeps its sessions: a create answers a new one (after `createMs`, but for the first), a cancel cancels it (after `cancelMs`), a get reads it. */
  async function slowPostServer(options: { createMs?: number; cancelMs?: number }) {
    const statuses = new Map<string, string>();
    const server = await recordingServer((req, res) => {
      const reply = (status: number, id: string) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ ...sessionBody(), payment_session_id: id, status: statuses.get(id) ?? 'ACTIVE' }));
      const id = /^\/sessions\/([^/]+)/.exec(req.url ?? '')?.[1] ?? '';
      if (req.method === 'POST' && req.url === '/sessions') {
        const created = `ps-${String(statuses.size + 1).repeat(24)}`;
        statuses.set(created, 'ACTIVE');
        // This server's fault: its creates after the first answer late, and so do its cancels.
        setTimeout(() => reply(201, created), statuses.size > 1 ? (options.createMs ?? 0) : 0);
      } else if (req.url?.endsWith('/cancel')) {
        setTimeout(() => {
          statuses.set(id, 'CANCELED');
          reply(200, id);
        }, options.cancelMs ?? 0);
      } else {
        reply(200, id);
      }
    });
    return server;
  }

  it('Auto-refresh never aborts a Cancel that is out: its polls wait, and it stops at CANCELED', async () => {
    const server = await slowPostServer({ cancelMs: 400 });
    const uri = await requestToServer(server, 'auto-cancel.session.json');
    await vscode.commands.executeCommand('xendit.createSession');
    await api.actions.panels.whenRendered(uri);
    const polling = api.actions.autoRefresh(uri, true, { firstDelayMs: 50, maxDelayMs: 50 });
    restores.push(() => api.actions.autoRefresh(uri, false));
    const cancelled = await api.actions.cancelSession(uri, { confirmed: true });
    assert.equal(cancelled?.superseded, undefined, 'a poll replaced the Cancel');
    assert.equal(cancelled?.result.kind === 'session' && cancelled.result.session.status, 'CANCELED');
    assert.equal(await polling, 'CANCELED');
  });

  it('Auto-refresh waits while a resend is out, then polls the new session', async () => {
    const server = await slowPostServer({ createMs: 400 });
    const uri = await requestToServer(server, 'auto-resend.session.json');
    await vscode.commands.executeCommand('xendit.createSession');
    await api.actions.panels.whenRendered(uri);
    let stopped = false;
    const polling = api.actions.autoRefresh(uri, true, { firstDelayMs: 50, maxDelayMs: 50 }).finally(() => (stopped = true));
    restores.push(() => api.actions.autoRefresh(uri, false));
    await vscode.commands.executeCommand('xendit.createSession');
    const second = `ps-${'2'.repeat(24)}`;
    await waitFor(() => server.requests.some((r) => r.method === 'GET' && r.url.endsWith(second)) || undefined, 'a poll of the new session');
    assert.equal(stopped, false, 'auto-refresh stopped during the resend');
    await api.actions.autoRefresh(uri, false);
    assert.equal(await polling, undefined);
  });

  it('shows only the newer answer when a request is sent again before the first one answered', async () => {
    // The first POST opens the panel; the second is answered only after the third, which is refused at once.
    let answerSecond: (() => void) | undefined;
    const server = await recordingServer((_req, res) => {
      const n = server.requests.length;
      const answer = () => res.writeHead(400, { 'content-type': 'application/json' }).end(`{"error_code":"REQUEST_${n}","message":"answer ${n}"}`);
      if (n === 2) answerSecond = answer;
      else answer();
    });
    const uri = await requestToServer(server, 'sent-twice.session.json');
    restores.push(resendAtOnce());
    const postedResults = () => api.transcript.entries.filter((e) => e.startsWith(`webview ${uri}: {"type":"result"`));
    await vscode.commands.executeCommand('xendit.createSession');
    await api.actions.panels.whenRendered(uri);
    const before = postedResults().length;

    const second = vscode.commands.executeCommand('xendit.createSession');
    await waitFor(() => answerSecond, 'the second request to reach the server');
    await vscode.commands.executeCommand('xendit.createSession');
    answerSecond!();
    await second;
    const { view } = await shownResult(uri, 'apiError');
    assert.equal(view.apiError?.errorCode, 'REQUEST_3');
    const after = postedResults().slice(before);
    assert.equal(after.length, 1, `the panel was sent more than the newer answer:\n${after.join('\n')}`);
    assert.equal(server.requests.filter((r) => r.method === 'POST').length, 3, 'a POST was sent again');
  });

  it('takes a second Create Session on the same file at once for a double click: one POST, one session', async () => {
    const server = await recordingServer((_req, res) => void res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify(sessionBody())));
    const uri = await requestToServer(server, 'double-click.session.json');
    const [first, second] = await Promise.all([vscode.commands.executeCommand('xendit.createSession'), vscode.commands.executeCommand('xendit.createSession')]);
    assert.deepEqual([first, second], [uri, undefined]);
    await shownResult(uri, 'session');
    assert.equal(server.requests.filter((r) => r.method === 'POST').length, 1, 'a double click sent the POST twice');
  });

  it('drops a second click on the CodeLens or the editor button within the window though the first was answered; the palette sends both', async () => {
    // A fast target answers before a double click's second click: a click counts from the last click, not from the
    // end of its send. The window is made long here so that a loaded machine cannot end it between the two calls.
    const previous = api.createSession.doubleClickMs;
    api.createSession.doubleClickMs = 60_000;
    restores.push(() => (api.createSession.doubleClickMs = previous));
    const server = await recordingServer((_req, res) => void res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify(sessionBody())));
    const posts = () => server.requests.filter((r) => r.method === 'POST').length;
    const uri = await requestToServer(server, 'double-click-lens.session.json');
    // The CodeLens as the editor shows it: its command and arguments, run as a click on it runs them.
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', vscode.Uri.parse(uri));
    const lens = lenses.find((l) => l.command?.command === 'xendit.createSession')?.command;
    assert.ok(lens, 'no Create Session lens on the request file');
    assert.equal(await vscode.commands.executeCommand(lens.command, ...(lens.arguments ?? [])), uri);
    await shownResult(uri, 'session');
    assert.equal(await vscode.commands.executeCommand(lens.command, ...(lens.arguments ?? [])), undefined, 'the second click was sent');
    assert.equal(posts(), 1);
    // The palette (or a script) sends the same file twice in a row: both are sent.
    assert.equal(await vscode.commands.executeCommand('xendit.createSession'), uri);
    assert.equal(await vscode.commands.executeCommand('xendit.createSession'), uri);
    assert.equal(posts(), 3);
    // The editor's title button: the workbench passes the file and its editor group. (Stubbed: a test here cannot
    // click the workbench's own toolbar; `{"groupId":0}` is what a click on it passed in code-server 1.139.)
    const other = (await openRequest('double-click-button.session.json', SESSION_REQUEST_EXAMPLES[0].body)).document.uri;
    assert.equal(await vscode.commands.executeCommand('xendit.createSession', other, { groupId: 0 }), other.toString());
    assert.equal(await vscode.commands.executeCommand('xendit.createSession', other, { groupId: 0 }), undefined, 'the second button click was sent');
    assert.equal(posts(), 4);
    // A triple click: each click moves the window, so clicks 300 ms apart are one send; a click 600 ms after the
    // last is a new one. (The command's clock is set here so that the clicks are placed in time without waiting.)
    let now = 0;
    const clock = api.createSession.clock;
    api.createSession.clock = () => now;
    restores.push(() => (api.createSession.clock = clock));
    api.createSession.doubleClickMs = 500;
    const third = (await openRequest('triple-click.session.json', SESSION_REQUEST_EXAMPLES[0].body)).document.uri;
    const clickAt = async (t: number) => ((now = t), vscode.commands.executeCommand('xendit.createSession', third, { groupId: 0 }));
    assert.deepEqual([await clickAt(0), await clickAt(300), await clickAt(600), await clickAt(1200)], [third.toString(), undefined, undefined, third.toString()]);
    assert.equal(posts(), 6);
  });

  it('lists a session a replaced create made in the history, though the panel shows the newer one', async () => {
    // Create pressed twice on the test target: the first POST is on the wire when the second starts. Its session
    // exists at Xendit, so it must not vanish: it is not aborted, and once answered it is listed.
    const ids = ['ps-aaaaaaaaaaaaaaaaaaaaaaaa', 'ps-bbbbbbbbbbbbbbbbbbbbbbbb'];
    let answerFirst: (() => void) | undefined;
    const server = await recordingServer((_req, res) => {
      const n = server.requests.length;
      const answer = () => res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ ...sessionBody(), payment_session_id: ids[n - 1] }));
      if (n === 1) answerFirst = answer;
      else answer();
    });
    const uri = await requestToServer(server, 'pressed-twice.session.json');
    restores.push(resendAtOnce());
    const first = vscode.commands.executeCommand('xendit.createSession');
    await waitFor(() => answerFirst, 'the first POST to reach the server');
    await vscode.commands.executeCommand('xendit.createSession');
    const { view } = await shownResult(uri, 'session');
    assert.equal(view.session?.id, ids[1]);
    answerFirst!();
    await first;
    const listed = await waitFor(() => {
      const sessions = api.history.entries().filter((e) => e.requestUri === uri).map((e) => e.sessionId);
      return sessions.length === 2 ? sessions : undefined;
    }, 'both sessions in the history');
    assert.deepEqual([...listed].sort(), ids);
    assert.equal(api.actions.recordOf(uri)?.sessionId, ids[1], 'the panel\'s session is the newer one');
    const shown = api.actions.panels.lastPosted(uri);
    assert.ok(shown?.type === 'result' && shown.view.session?.id === ids[1], 'the late answer replaced the newer one in the panel');
  });
});
