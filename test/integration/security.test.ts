// The threat and fault suite through the command path: faults from the network, bad input files, workspace
// steering and untrusted workspaces. Each case ends in a clear message, the file untouched, the panel usable,
// the next request working, and no POST sent twice.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/extension';
import type { SessionRequestExample } from '../../src/sessions/examples';
import type { ResultView } from '../../src/vscode/resultView';
import { fakeKey, openRequest, recordingServer, repoModule, sandboxUrl, waitFor, withUserSetting, workspaceDir, suiteHooks } from './helpers';

const { SESSION_REQUEST_EXAMPLES } = repoModule<typeof import('../../src/sessions/examples')>('src/sessions/examples.js');
const payBody = (SESSION_REQUEST_EXAMPLES as readonly SessionRequestExample[]).find((e) => e.name === 'pay-payment-link')!.body;

function sessionJson(): string {
  return JSON.stringify({ ...payBody, payment_session_id: 'ps-0123456789abcdef01234567', created: '2026-01-01T00:00:00Z', updated: '2026-01-01T00:00:00Z', status: 'ACTIVE', payment_link_url: 'https://checkout-staging.xendit.co/x' });
}

type Fault = { name: string; handler: (req: http.IncomingMessage, res: http.ServerResponse) => void; expect: (view: ResultView) => void; timeoutSeconds?: number };

const faults: Fault[] = [
  {
    name: 'a server that never answers (timeout)',
    handler: () => undefined,
    timeoutSeconds: 1,
    expect: (v) => {
      assert.equal(v.networkError?.kind, 'timeout');
      assert.match(v.networkError!.message, /did not start answering within 1 s/);
      assert.match(v.networkError!.message, /check .* before sending it again/i);
    },
  },
  {
    name: 'a connection reset mid-body',
    handler: (_req, res) => {
      res.writeHead(201, { 'content-type': 'application/json', 'content-length': '5000' });
      res.write('{"payment_session_id": "ps-');
      setTimeout(() => res.socket?.destroy(), 50);
    },
    expect: (v) => {
      assert.equal(v.networkError?.kind, 'reset');
      assert.match(v.networkError!.message, /connection .* was closed/);
    },
  },
  {
    name: 'an HTML 502 from a proxy',
    handler: (_req, res) => res.writeHead(502, { 'content-type': 'text/html' }).end('<html><body><h1>502 Bad Gateway</h1></body></html>'),
    expect: (v) => {
      assert.equal(v.http?.status, 502);
      assert.equal(v.outcome, 'unexpectedResponse');
      assert.match(v.unexpectedResponse!.reason, /instead of JSON .*proxy or load balancer/);
      assert.match(v.unexpectedResponse!.firstBytes, /502 Bad Gateway/);
    },
  },
  {
    name: 'truncated JSON',
    handler: (_req, res) => res.writeHead(201, { 'content-type': 'application/json' }).end(sessionJson().slice(0, 80)),
    expect: (v) => {
      assert.equal(v.outcome, 'unexpectedResponse');
      assert.match(v.unexpectedResponse!.reason, /truncated or malformed/);
    },
  },
  {
    name: 'a 429 with Rate-Limit-Reset',
    handler: (_req, res) =>
      res
        .writeHead(429, { 'content-type': 'application/json', 'rate-limit-limit': '60', 'rate-limit-remaining': '0', 'rate-limit-reset': '12.5' })
        .end(JSON.stringify({ error_code: 'RATE_LIMIT_EXCEEDED', message: 'Too many requests' })),
    expect: (v) => {
      assert.equal(v.apiError?.errorCode, 'RATE_LIMIT_EXCEEDED');
      assert.match(v.apiError!.explanation, /Rate-Limit-Reset/);
      assert.deepEqual(
        v.headers.filter(([k]) => k.startsWith('rate-limit')).map(([k, val]) => `${k}=${val}`).sort(),
        ['rate-limit-limit=60', 'rate-limit-remaining=0', 'rate-limit-reset=12.5'],
      );
    },
  },
  {
    name: 'a body over 10 MB',
    handler: (_req, res) => {
      res.writeHead(201, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const more = () => {
        while (sent < 11) {
          sent++;
          if (!res.write(chunk)) return void res.once('drain', more);
        }
        res.end();
      };
      more();
    },
    expect: (v) => {
      assert.equal(v.outcome, 'unexpectedResponse');
      assert.match(v.unexpectedResponse!.reason, /larger than 10 MB/);
    },
  },
  {
    name: 'a slow drip past the body timeout',
    timeoutSeconds: 1,
    handler: (_req, res) => {
      res.writeHead(201, { 'content-type': 'application/json' });
      res.flushHeaders();
      let n = 0;
      const timer = setInterval(() => {
        if (n++ > 5 || res.destroyed) return clearInterval(timer);
        res.write(' ');
      }, 1_600);
      res.on('close', () => clearInterval(timer));
    },
    expect: (v) => {
      assert.equal(v.networkError?.kind, 'timeout');
      assert.match(v.networkError!.message, /started answering, then sent nothing for over 1 s/);
    },
  },
];

describe('security and faults', function () {
  this.timeout(90_000);
  let api: TestingApi;
  const restores = suiteHooks((a) => (api = a), { resetTargets: true });

  async function useTestTarget(baseUrl: string, timeoutSeconds?: number): Promise<void> {
    restores.push(await withUserSetting('apiBaseUrl', baseUrl));
    if (timeoutSeconds) restores.push(await withUserSetting('requestTimeoutSeconds', timeoutSeconds));
    await api.keys.store('test', fakeKey('test'));
    await api.targets.select('test');
  }

  async function createAndRead(uri: string): Promise<ResultView> {
    await vscode.commands.executeCommand('xendit.createSession');
    await api.actions.panels.whenRendered(uri);
    const posted = api.actions.panels.lastPosted(uri);
    assert.ok(posted?.type === 'result', 'the panel did not get a result');
    return posted.view;
  }

  /** The extension still works: the same file sent to the sandbox creates a session. */
  async function nextRequestWorks(uri: string): Promise<void> {
    await api.targets.select('sandbox');
    const view = await createAndRead(uri);
    assert.equal(view.outcome, 'session', `the next request after the fault did not work: ${JSON.stringify(view.networkError ?? view.apiError ?? view.unexpectedResponse)}`);
  }

  for (const fault of faults) {
    it(`survives ${fault.name}: a clear message, one POST, and the next request works`, async () => {
      const server = await recordingServer(fault.handler);
      restores.push(() => server.close());
      await useTestTarget(server.baseUrl, fault.timeoutSeconds);
      const file = `fault-${faults.indexOf(fault)}.session.json`;
      const editor = await openRequest(file, payBody);
      const before = fs.readFileSync(editor.document.uri.fsPath);
      const view = await createAndRead(editor.document.uri.toString());
      fault.expect(view);
      // A second POST would need a connection: once the extension holds none to the server, the count is final.
      await waitFor(() => server.openConnections() === 0 || undefined, 'the extension to let go of the fault server', 15_000);
      assert.equal(server.requests.filter((r) => r.method === 'POST').length, 1, 'the POST was sent more than once');
      assert.deepEqual(fs.readFileSync(editor.document.uri.fsPath), before, 'the request file changed');
      await nextRequestWorks(editor.document.uri.toString());
    });
  }

  it('keeps sending after a setting changes and changes back (a replaced client is never reused)', async () => {
    const editor = await openRequest('settings-flip.session.json', payBody);
    const uri = editor.document.uri.toString();
    assert.equal((await createAndRead(uri)).outcome, 'session');
    const restore = await withUserSetting('requestTimeoutSeconds', 7);
    assert.equal((await createAndRead(uri)).outcome, 'session');
    await restore();
    await nextRequestWorks(uri);
  });

  it('refuses a server that is not listening with "refused"', async () => {
    const server = await recordingServer(() => undefined);
    const closedUrl = server.baseUrl;
    await server.close();
    await useTestTarget(closedUrl);
    const editor = await openRequest('refused.session.json', payBody);
    const view = await createAndRead(editor.document.uri.toString());
    assert.equal(view.networkError?.kind, 'refused');
    assert.match(view.networkError!.message, /refused the connection/);
    await nextRequestWorks(editor.document.uri.toString());
  });

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

  it('refuses data:, vscode: and look-alike links with a message', async () => {
    const opened: string[] = [];
    const errors: string[] = [];
    restores.push(api.ui.override({ openExternal: async (u) => (opened.push(u.toString()), true), showErrorMessage: async (m) => void errors.push(m) }));
    for (const bad of ['data:text/html,<script>alert(1)</script>', 'vscode:extension/evil.ext', 'https://checkout.xendit.co@evil.example/', 'https://xendit.co\u202e/moc.live']) {
      assert.equal(await api.actions.openLink(bad), false, bad);
    }
    assert.equal(opened.length, 0);
    assert.equal(errors.length, 4);
    assert.ok(errors.every((e) => e.startsWith('The link was not opened.')));
  });
});
