// Proxies in the real VS Code: the user's http.proxy carries the test target's requests through a real CONNECT
// proxy on 127.0.0.1 (written for the test), http.noProxy bypasses it, and the sandbox never goes through it.
// The API host (api.xendit.test) resolves nowhere: only the proxy knows where it is. The proxy refuses the tunnel
// (403): the panel then says which proxy refused and where it was set, never the key. (A tunnel that reaches a TLS
// server is tested in test/unit/sessions/clientProxy.test.ts and with the command line: this extension host cannot
// be told to trust a certificate made during the run.)
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/extension';
import type { SessionRequestExample } from '../../src/sessions/examples';
import type { ResultView } from '../../src/vscode/resultView';
import { startConnectProxy, type ConnectProxy } from '../helpers/connectProxy';
import { fakeKey, openRequest, repoModule, suiteHooks, withUserSetting } from './helpers';

const { SESSION_REQUEST_EXAMPLES } = repoModule<typeof import('../../src/sessions/examples')>('src/sessions/examples.js');
const payBody = (SESSION_REQUEST_EXAMPLES as readonly SessionRequestExample[]).find((e) => e.name === 'pay-payment-link')!.body;

async function withHttpSetting(key: string, value: unknown): Promise<() => Thenable<void>> {
  const config = vscode.workspace.getConfiguration('http');
  const previous = config.inspect(key)?.globalValue;
  await config.update(key, value, vscode.ConfigurationTarget.Global);
  return () => vscode.workspace.getConfiguration('http').update(key, previous, vscode.ConfigurationTarget.Global);
}

describe('proxies', function () {
  this.timeout(90_000);
  let api: TestingApi;
  let proxy: ConnectProxy;
  const restores = suiteHooks((a) => (api = a), { resetTargets: true });

  before(async () => {
    proxy = await startConnectProxy({ hosts: {}, refuseWith: 403 });
  });
  after(() => proxy.close());

  async function send(name: string): Promise<ResultView> {
    const editor = await openRequest(name, payBody);
    const uri = editor.document.uri.toString();
    await vscode.commands.executeCommand('xendit.createSession');
    await api.actions.panels.whenRendered(uri);
    const posted = api.actions.panels.lastPosted(uri);
    assert.ok(posted?.type === 'result', 'the panel did not get a result');
    return posted.view;
  }

  async function useTestTarget(): Promise<string> {
    const key = fakeKey('test');
    restores.push(await withUserSetting('apiBaseUrl', 'https://api.xendit.test'));
    restores.push(await withHttpSetting('proxy', `http://proxyuser:proxy-pw-${key.slice(-8)}@127.0.0.1:${proxy.port}`));
    await api.keys.store('test', key);
    await api.targets.select('test');
    return key;
  }

  it('sends the test target through http.proxy; a refusing proxy is named with its setting, not the key', async () => {
    const key = await useTestTarget();
    const before = proxy.connects.length;
    const view = await send('proxy-refused.session.json');
    assert.deepEqual(proxy.connects.slice(before).map((c) => c.target), ['api.xendit.test:443']);
    assert.equal(view.networkError?.kind, 'refused');
    assert.equal(
      view.networkError?.message,
      `The proxy http://127.0.0.1:${proxy.port} (set in http.proxy) refused to connect to api.xendit.test: it answered 403 Forbidden. Nothing reached api.xendit.test. Ask whoever runs the proxy to allow api.xendit.test, or add the host to NO_PROXY (http.noProxy in VS Code) if it should be reached directly.`,
    );
    // The hint below it is about the proxy, not "nothing is listening at that address" for a refused connection.
    assert.match(view.networkError?.hint ?? '', /^The proxy comes from VS Code's http\.proxy setting/);
    const shown = JSON.stringify([view, api.transcript.entries]);
    assert.ok(!shown.includes(key) && !shown.includes(`proxy-pw-${key.slice(-8)}`), 'neither the key nor the proxy password is shown');
  });

  it('a refused proxy setting offers to open that setting; one from the environment offers no setting', async () => {
    await useTestTarget();
    restores.push(await withHttpSetting('proxy', `ftp://127.0.0.1:${proxy.port}`));
    const offered: string[][] = [];
    restores.push(api.ui.override({ showErrorMessage: async (_m, _o, ...items) => void offered.push(items) }));
    const resolved = await api.targets.resolve();
    assert.ok(!resolved.ok && resolved.setting === 'http.proxy', JSON.stringify(resolved));
    await openRequest('proxy-setting-refused.session.json', payBody);
    await vscode.commands.executeCommand('xendit.createSession');
    assert.deepEqual(offered, [['Open Settings', 'Use Sandbox']]);
    // The same proxy from HTTPS_PROXY (read from this extension host's environment): no setting to open.
    restores.push(await withHttpSetting('proxy', undefined));
    const previous = process.env.HTTPS_PROXY;
    process.env.HTTPS_PROXY = `ftp://127.0.0.1:${proxy.port}`;
    restores.push(() => (previous === undefined ? delete process.env.HTTPS_PROXY : (process.env.HTTPS_PROXY = previous)));
    const fromEnv = await api.targets.resolve();
    assert.ok(!fromEnv.ok && fromEnv.setting === undefined && /HTTPS_PROXY/.test(fromEnv.reason), JSON.stringify(fromEnv));
    await vscode.commands.executeCommand('xendit.createSession');
    assert.deepEqual(offered[1], ['Use Sandbox']);
  });

  it('http.noProxy sends that host directly', async () => {
    await useTestTarget();
    restores.push(await withHttpSetting('noProxy', ['*.xendit.test']));
    const before = proxy.connects.length;
    const view = await send('proxy-bypassed.session.json');
    assert.equal(proxy.connects.length, before, 'the proxy was not asked');
    assert.equal(view.networkError?.kind, 'dns', JSON.stringify(view.networkError));
  });

  it('the sandbox never goes through the proxy', async () => {
    restores.push(await withHttpSetting('proxy', `http://127.0.0.1:${proxy.port}`));
    const before = proxy.connects.length;
    const view = await send('proxy-sandbox.session.json');
    assert.equal(view.outcome, 'session', JSON.stringify(view.networkError));
    assert.equal(proxy.connects.length, before);
    assert.deepEqual(proxy.plainRequests, []);
  });
});
