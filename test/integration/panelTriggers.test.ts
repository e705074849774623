// The result panel's sandbox triggers in the real VS Code: an ACTIVE sandbox session's panel offers Pay and Expire
// now; pressing one (the message the button posts, through the panel's own handler) completes or expires the
// session, emits its webhook into the Webhooks view, and the panel shows the new status. Sessions on the other
// targets never offer them.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/extension';
import type { ResultView } from '../../src/vscode/resultView';
import { minimalPay } from '../helpers/sessionRequests';
import { fakeKey, openRequest, sandboxUrl, suiteHooks, waitFor, withUserSetting } from './helpers';

describe('result panel: sandbox triggers', function () {
  this.timeout(60_000);
  let api: TestingApi;
  suiteHooks((a) => (api = a), { resetTargets: false });
  before(() => api.targets.select('sandbox'));

  /** Sends a new request file to the sandbox and resolves to its ACTIVE session's panel view. */
  async function createdView(name: string): Promise<{ uri: string; view: ResultView }> {
    const editor = await openRequest(name, { ...minimalPay, reference_id: 'trigger-{{$randomUUID}}' });
    const uri = editor.document.uri.toString();
    await vscode.commands.executeCommand('xendit.createSession', editor.document.uri);
    const view = await waitFor(() => {
      const posted = api.actions.panels.lastPosted(uri);
      return posted?.type === 'result' && posted.view.session?.status === 'ACTIVE' ? posted.view : undefined;
    }, 'the ACTIVE session in its panel');
    return { uri, view };
  }

  for (const [button, status, event] of [
    ['paySandbox', 'COMPLETED', 'payment_session.completed'],
    ['expireSandbox', 'EXPIRED', 'payment_session.expired'],
  ] as const) {
    it(`${button}: the session becomes ${status}, ${event} is listed, and the panel shows it without a refresh`, async () => {
      const { uri, view } = await createdView(`${button}.session.json`);
      assert.ok(view.actions.includes(button), `the panel does not offer ${button}: ${view.actions.join(', ')}`);
      const panel = api.actions.panels.get(uri);
      assert.ok(panel, 'no panel for the request');
      panel.handleMessage({ type: button });
      const shown = await waitFor(() => {
        const posted = api.actions.panels.lastPosted(uri);
        return posted?.type === 'result' && posted.view.session?.status === status ? posted.view : undefined;
      }, `${status} in the panel`, 15_000);
      assert.equal(shown.operation, 'get');
      assert.equal(shown.actions.includes('paySandbox') || shown.actions.includes('expireSandbox'), false, 'a final session still offers triggers');
      await waitFor(() => api.webhooks.view.events().find((e) => e.event === event && e.sessionId === view.session?.id), `${event} in the Webhooks view`);
    });
  }

  it('is not offered for a session on the test target, even one the sandbox answers', async () => {
    const restore = await withUserSetting('apiBaseUrl', await sandboxUrl(api));
    try {
      await api.keys.store('test', fakeKey('test'));
      await api.targets.select('test');
      const { view } = await createdView('test-target.session.json');
      assert.equal(view.target.kind, 'test');
      assert.deepEqual(view.actions.filter((a) => a === 'paySandbox' || a === 'expireSandbox'), []);
    } finally {
      await api.keys.delete('test');
      await api.targets.select('sandbox');
      await restore();
    }
  });
});
