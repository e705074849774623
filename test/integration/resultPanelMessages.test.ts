// The result panel in a real workbench, what it keeps and accepts: results posted before the webview is ready,
// the busy state, hidden and restored panels, and whatever the webview sends is validated before it acts.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { BUSY_DELAY_MS, RESULT_VIEW_TYPE, ResultPanelManager, type RenderedInfo } from '../../src/vscode/resultPanel';
import type { FromWebview, ToWebview } from '../../src/vscode/resultView';
import { isAllowedFor, parseFromWebview, viewFromState } from '../../src/vscode/webviewMessages';
import { EVERY_FROM_WEBVIEW } from '../helpers/webviewMessages';
import { LINK, apiErrorView, resultPanelHooks, sessionView, uriFor, waitFor, within } from './resultPanelFixtures';

describe('result panel', function () {
  this.timeout(30_000);
  let manager: ResultPanelManager;
  let actions: { requestUri: string; message: FromWebview }[];
  let renders: { requestUri: string; info: RenderedInfo }[];
  let posts: { requestUri: string; message: ToWebview }[];
  let errors: unknown[];
  let throwOn: string | undefined;

  resultPanelHooks((extensionUri) => {
    actions = [];
    renders = [];
    posts = [];
    errors = [];
    throwOn = undefined;
    manager = new ResultPanelManager(extensionUri, {
      onAction: (requestUri, message) => {
        if (message.type === throwOn) throw new Error(`handler for ${throwOn} failed`);
        actions.push({ requestUri, message });
      },
      onRendered: (requestUri, info) => renders.push({ requestUri, info }),
      onPost: (requestUri, message) => posts.push({ requestUri, message }),
      onError: (_uri, error) => errors.push(error),
    });
    return manager;
  });

  it('delivers the result posted before the webview was ready, with the busy state after it', async () => {
    const uri = uriFor('queued');
    await manager.showBusy(uri, 'create');
    assert.deepEqual(manager.lastPosted(uri), { type: 'busy', operation: 'create' });
    assert.equal(manager.get(uri)!.panel.title, 'Session · queued');
    const rendered = manager.whenRendered(uri);
    await manager.show(sessionView(uri));
    await manager.showBusy(uri, 'get');
    assert.equal((await within(rendered, 20_000, 'the queued result render')).status, 'ACTIVE');
    await waitFor(() => manager.lastPosted(uri)?.type === 'busy', 5000, 'the busy state after the result');
    assert.deepEqual(manager.lastPosted(uri), { type: 'busy', operation: 'get' });
    assert.equal(await manager.notice(uri, 'info', 'Link copied'), true);
    assert.deepEqual(manager.lastPosted(uri), { type: 'notice', level: 'info', text: 'Link copied' });
    assert.equal(await manager.notice(uriFor('nowhere'), 'error', 'x'), false);
  });

  it("sends a new panel its first result at once, not after the page's ready, and the page draws it once", async () => {
    const uri = uriFor('eager');
    const rendered = manager.whenRendered(uri);
    await manager.show(sessionView(uri));
    // No message from the page can have come in yet: the result was posted to the page while it loads.
    assert.deepEqual(
      posts.filter((p) => p.requestUri === uri).map((p) => p.message.type),
      ['result'],
      "the first result waited for the page's ready",
    );
    await within(rendered, 20_000, 'the first render');
    // The page said ready, and the panel replayed the result it had drawn already: the page skips it.
    await waitFor(() => posts.filter((p) => p.requestUri === uri && p.message.type === 'result').length === 2, 5000, 'the replay after ready');
    const resend = sessionView(uri);
    await manager.show(resend);
    await within(manager.whenRendered(uri), 20_000, 'the next result render');
    assert.equal(renders.filter((r) => r.requestUri === uri).length, 2, 'the page drew the replayed result a second time');
  });

  it('keeps a shown result while a quick answer comes, and says it is busy only when the answer takes longer', async () => {
    const uri = uriFor('busy-delay');
    await manager.show(sessionView(uri));
    await within(manager.whenRendered(uri), 20_000, 'the first render');
    const postedTypes = () => posts.filter((p) => p.requestUri === uri).map((p) => p.message.type);
    const before = postedTypes().length;

    // An answer within the delay replaces the result: no busy message in between.
    await manager.showBusy(uri, 'get');
    await manager.show(sessionView(uri, { operation: 'get' }));
    await within(manager.whenRendered(uri), 20_000, 'the quick answer render');
    await new Promise((r) => setTimeout(r, BUSY_DELAY_MS * 2));
    assert.deepEqual(postedTypes().slice(before), ['result']);

    // A slow one: the busy line comes after the delay, and the answer after it.
    await manager.showBusy(uri, 'cancel');
    assert.deepEqual(postedTypes().slice(before), ['result'], 'the busy message was sent before the delay');
    await waitFor(() => postedTypes().length > before + 1, 5000, 'the busy message');
    assert.deepEqual(posts.at(-1)?.message, { type: 'busy', operation: 'cancel' });
    await manager.show(sessionView(uri, { operation: 'cancel' }));
    assert.deepEqual(postedTypes().slice(before), ['result', 'busy', 'result']);
  });

  it('brings a hidden panel back with its result (the webview is torn down while hidden)', async () => {
    const uri = uriFor('hidden');
    await manager.show(sessionView(uri));
    await within(manager.whenRendered(uri), 20_000, 'the first render');
    const panel = manager.get(uri)!.panel;
    const before = renders.length;

    // Another editor in the panel's group hides it; no retainContextWhenHidden, so its webview goes away.
    const doc = await vscode.workspace.openTextDocument({ language: 'json', content: '{}' });
    await vscode.window.showTextDocument(doc, { viewColumn: panel.viewColumn, preview: false });
    await waitFor(() => !panel.visible, 5000, 'the panel to be hidden');

    panel.reveal(panel.viewColumn, true);
    // The reloaded webview says ready again and the extension posts the latest result: a second render.
    await waitFor(() => renders.length > before, 20_000, 'the webview to render again after being shown');
    assert.equal(renders.at(-1)!.info.status, 'ACTIVE');
  });

  it('waits for a panel that does not exist yet, and rejects when its panel closes first', async () => {
    const later = uriFor('later');
    const waiting = manager.whenRendered(later);
    await manager.show(sessionView(later));
    assert.equal((await within(waiting, 20_000, 'the render awaited before the panel existed')).outcome, 'session');

    const closed = uriFor('closed');
    await manager.show(sessionView(closed));
    const never = manager.whenRendered(closed);
    manager.get(closed)!.panel.dispose();
    await assert.rejects(never, /closed before it rendered/);
    assert.equal(manager.get(closed), undefined);
  });

  it('forwards only validated messages that match the result shown, and survives a failing handler', async () => {
    const uri = uriFor('messages');
    await manager.show(sessionView(uri));
    const entry = manager.get(uri)!;
    const hostile: unknown[] = [
      null, 'refresh', 42, [], { type: 'eval', code: 'x' }, { type: 'openLink' }, { type: 'openLink', url: 'https://evil.example/' },
      { type: 'openLink', url: 'x'.repeat(9000) }, { type: 'copy', what: 'secret' }, { type: 'revealPath', path: 'items[0].name' },
      { type: 'autoRefresh', on: 'yes' }, { type: 'rendered', outcome: 'session', firstPaintMs: Number.NaN },
      { type: 'rendered', outcome: 'pwned', firstPaintMs: 1 }, { type: '__proto__' }, { type: 'toString' },
    ];
    for (const raw of hostile) entry.handleMessage(raw);
    assert.equal(actions.length, 0, `forwarded: ${JSON.stringify(actions)}`);
    assert.equal(renders.length, 0);

    entry.handleMessage({ type: 'openLink', url: LINK, extra: '<ignored>' });
    entry.handleMessage({ type: 'copy', what: 'id' });
    entry.handleMessage({ type: 'autoRefresh', on: true });
    throwOn = 'refresh';
    entry.handleMessage({ type: 'refresh' });
    throwOn = undefined;
    entry.handleMessage({ type: 'copyAsCurl' });
    assert.deepEqual(
      actions.map((a) => a.message),
      [{ type: 'openLink', url: LINK }, { type: 'copy', what: 'id' }, { type: 'autoRefresh', on: true }, { type: 'copyAsCurl' }],
    );
    assert.ok(actions.every((a) => a.requestUri === uri));
    assert.equal(errors.length, 1);

    // An API error offers fewer buttons and its own paths.
    await manager.show(apiErrorView(uri));
    actions = [];
    entry.handleMessage({ type: 'refresh' });
    entry.handleMessage({ type: 'openLink', url: LINK });
    entry.handleMessage({ type: 'revealPath', path: 'items[0].name' });
    entry.handleMessage({ type: 'revealPath', path: 'items[1].name' });
    assert.deepEqual(actions.map((a) => a.message), [{ type: 'revealPath', path: 'items[0].name' }]);
  });

  it('restores a panel from the state its webview saved, and drops one whose state is unusable', async () => {
    const uri = uriFor('restored');
    const panel = vscode.window.createWebviewPanel(RESULT_VIEW_TYPE, 'restoring', vscode.ViewColumn.One, {});
    await manager.deserializeWebviewPanel(panel, { view: sessionView(uri), autoRefresh: false });
    assert.equal(manager.get(uri)?.panel, panel);
    assert.equal(panel.webview.options.enableScripts, true);
    assert.equal((await within(manager.whenRendered(uri), 20_000, 'the restored panel render')).status, 'ACTIVE');

    for (const state of [undefined, null, 'x', { view: { requestUri: 42 } }, { view: { ...sessionView(uriFor('bad')), actions: ['rm -rf'] } }]) {
      const broken = vscode.window.createWebviewPanel(RESULT_VIEW_TYPE, 'broken', vscode.ViewColumn.One, {});
      let disposed = false;
      broken.onDidDispose(() => (disposed = true));
      await manager.deserializeWebviewPanel(broken, state);
      assert.equal(disposed, true, `a panel restored from ${JSON.stringify(state)} was kept`);
    }
    assert.deepEqual(manager.requestUris(), [uri]);
  });
});

describe('result panel message validation', () => {
  const view = sessionView(uriFor('unit'));

  it('accepts every FromWebview shape and copies only the known fields', () => {
    for (const message of EVERY_FROM_WEBVIEW) assert.deepEqual(parseFromWebview({ ...message, injected: '<x>' }), message);
  });

  it('rejects malformed messages', () => {
    const invalid: unknown[] = [
      undefined, null, 0, 'ready', [], [{ type: 'ready' }], {}, { type: 1 }, { type: 'READY' }, { type: 'constructor' },
      { type: 'rendered', outcome: 'session' },
      { type: 'rendered', outcome: 'session', firstPaintMs: -1 },
      { type: 'rendered', outcome: 'session', firstPaintMs: Infinity },
      { type: 'rendered', outcome: 'session', firstPaintMs: '5' },
      { type: 'rendered', outcome: 'other', firstPaintMs: 5 },
      { type: 'rendered', outcome: 'session', firstPaintMs: 5, status: 'S'.repeat(65) },
      { type: 'rendered', outcome: 'session', firstPaintMs: 5, status: 7 },
      { type: 'rendered', outcome: 'session', firstPaintMs: 5, seq: 1.5 },
      { type: 'openLink', url: '' },
      { type: 'openLink', url: 'h'.repeat(8193) },
      { type: 'openLink', url: ['https://x'] },
      { type: 'copy', what: 'everything' },
      { type: 'copy' },
      { type: 'revealPath', path: 'p'.repeat(513) },
      { type: 'revealPath', path: { toString: () => 'x' } },
      { type: 'autoRefresh', on: 1 },
      { type: 'autoRefresh' },
    ];
    for (const raw of invalid) assert.equal(parseFromWebview(raw), undefined, `accepted ${JSON.stringify(raw)}`);
    assert.ok(parseFromWebview({ type: 'openLink', url: 'h'.repeat(8192) }), 'the 8192-character limit is inclusive');
    assert.ok(parseFromWebview({ type: 'revealPath', path: 'p'.repeat(512) }), 'the 512-character limit is inclusive');
  });

  it('allows only what the shown result offers', () => {
    assert.equal(isAllowedFor({ type: 'openLink', url: LINK }, view), true);
    assert.equal(isAllowedFor({ type: 'openLink', url: `${LINK}?x` }, view), false);
    assert.equal(isAllowedFor({ type: 'refresh' }, { ...view, actions: ['openLink'] }), false);
    assert.equal(isAllowedFor({ type: 'copy', what: 'link' }, { ...view, actions: ['copyId'] }), false);
    assert.equal(isAllowedFor({ type: 'copy', what: 'body' }, { ...view, body: undefined }), false);
    assert.equal(isAllowedFor({ type: 'revealPath', path: 'items[0].name' }, view), false);
    assert.equal(isAllowedFor({ type: 'refresh' }, undefined), false);
    assert.equal(isAllowedFor({ type: 'ready' }, undefined), true);
  });

  it('restores only a state whose view has the fields the extension reads', () => {
    assert.equal(viewFromState({ view })?.requestUri, view.requestUri);
    for (const state of [undefined, {}, { view: null }, { view: { ...view, requestUri: '' } }, { view: { ...view, outcome: 'x' } }, { view: { ...view, session: { id: 1 } } }]) {
      assert.equal(viewFromState(state), undefined, `restored ${JSON.stringify(state)?.slice(0, 80)}`);
    }
  });
});
