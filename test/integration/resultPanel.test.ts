// The result panel in a real workbench: the webview runs media/panel.js and reports back what it drew, the HTML
// carries no response data under a strict CSP, and whatever the webview sends is validated before it acts.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { BUSY_DELAY_MS, RESULT_VIEW_TYPE, ResultPanelManager, type RenderedInfo } from '../../src/vscode/resultPanel';
import type { FromWebview, ResultView, ToWebview } from '../../src/vscode/resultView';
import { isAllowedFor, parseFromWebview, viewFromState } from '../../src/vscode/webviewMessages';
import { EVERY_FROM_WEBVIEW } from '../helpers/webviewMessages';

const EXTENSION_ID = 'xendit-playground.xendit-sessions-playground';
const LINK = 'http://127.0.0.1:4010/checkout/ps-6750f6f1a1b2c3d4e5f60718';
const ALL_ACTIONS: ResultView['actions'] = [
  'openLink', 'copyLink', 'copyId', 'openBody', 'refresh', 'cancelSession', 'autoRefresh', 'copyAsCurl', 'copyAsCode', 'showRequest',
];

function uriFor(name: string): string {
  return vscode.Uri.file(`/tmp/xsp-result-panel/${name}.session.json`).toString();
}

function sessionView(requestUri: string, overrides: Partial<ResultView> = {}): ResultView {
  const expiresAt = new Date(Date.now() + 30 * 60_000).toISOString();
  return {
    requestUri,
    requestLabel: 'payment-link-save.session.json',
    target: { kind: 'sandbox', label: 'Sandbox (offline)', baseUrl: 'http://127.0.0.1:4010' },
    operation: 'create',
    sentAt: new Date().toISOString(),
    outcome: 'session',
    http: { status: 201, statusText: 'Created' },
    timings: { ttfbMs: 41.2, totalMs: 47.9 },
    session: {
      id: 'ps-6750f6f1a1b2c3d4e5f60718',
      status: 'ACTIVE',
      referenceId: 'order-secret-ref-1234',
      sessionType: 'SAVE',
      mode: 'PAYMENT_LINK',
      amount: 150000,
      currency: 'IDR',
      paymentLinkUrl: LINK,
      expiresAt,
      created: new Date().toISOString(),
      updated: new Date().toISOString(),
      paymentRequestId: null,
      paymentTokenId: null,
    },
    headers: [['request-id', 'req-unique-header-value']],
    requestOptions: [['for-user-id', 'sub-account-5f2e']],
    body: { payment_session_id: 'ps-6750f6f1a1b2c3d4e5f60718', reference_id: 'order-secret-ref-1234', amount: 150000, items: [{ name: 'Kopi', qty: 2 }] },
    actions: ALL_ACTIONS,
    ...overrides,
  };
}

function apiErrorView(requestUri: string): ResultView {
  return sessionView(requestUri, {
    outcome: 'apiError',
    http: { status: 400, statusText: 'Bad Request' },
    session: undefined,
    apiError: {
      errorCode: 'API_VALIDATION_ERROR',
      message: 'Inputs are failing validation.',
      explanation: 'The API refused the request body. Fix the fields listed below and send it again.',
      errors: [{ path: 'items[0].name', message: 'is required' }, { message: 'a problem without a path' }],
    },
    body: { error_code: 'API_VALIDATION_ERROR', message: 'Inputs are failing validation.' },
    actions: ['openBody', 'copyAsCurl', 'showRequest'],
  });
}

/** Fails with a clear message instead of the suite's 60 s timeout when the webview never reports back. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function waitFor(condition: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function cspOf(html: string): string {
  const match = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(match, 'no CSP meta tag in the panel HTML');
  return match[1];
}

describe('result panel', function () {
  this.timeout(30_000);
  let extensionUri: vscode.Uri;
  let manager: ResultPanelManager;
  let actions: { requestUri: string; message: FromWebview }[];
  let renders: { requestUri: string; info: RenderedInfo }[];
  let posts: { requestUri: string; message: ToWebview }[];
  let errors: unknown[];
  let throwOn: string | undefined;

  before(() => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not installed`);
    extensionUri = ext.extensionUri;
  });

  beforeEach(() => {
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
  });

  afterEach(async () => {
    manager.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('renders a session in the webview, which reports ACTIVE back', async () => {
    const uri = uriFor('session');
    await manager.show(sessionView(uri));
    const info = await within(manager.whenRendered(uri), 20_000, 'the webview rendering the session');
    assert.equal(info.outcome, 'session');
    assert.equal(info.status, 'ACTIVE');
    assert.ok(Number.isFinite(info.firstPaintMs) && info.firstPaintMs >= 0, `firstPaintMs ${info.firstPaintMs}`);
    assert.deepEqual(renders.map((r) => r.requestUri), [uri]);
    const posted = manager.lastPosted(uri);
    assert.equal(posted?.type, 'result');
    assert.equal(posted.type === 'result' && posted.view.session?.id, 'ps-6750f6f1a1b2c3d4e5f60718');
    const panel = manager.get(uri)!.panel;
    assert.equal(panel.viewType, RESULT_VIEW_TYPE);
    assert.equal(panel.title, 'Session · payment-link-save · ACTIVE');
    // Already rendered: asking again answers at once.
    assert.deepEqual(await within(manager.whenRendered(uri), 1000, 'a second whenRendered'), info);
  });

  it('renders an API error, a network error and an unexpected response', async () => {
    const uri = uriFor('errors');
    await manager.show(apiErrorView(uri));
    assert.equal((await within(manager.whenRendered(uri), 20_000, 'the API error render')).outcome, 'apiError');
    assert.equal(manager.get(uri)!.panel.title, 'Session · payment-link-save · 400');

    await manager.show(
      sessionView(uri, {
        outcome: 'networkError',
        http: undefined,
        timings: undefined,
        session: undefined,
        networkError: { kind: 'timeout', message: 'No answer within 30 s', hint: 'Check the dashboard before sending again.' },
        headers: [],
        body: undefined,
        actions: ['showRequest'],
      }),
    );
    const network = await within(manager.whenRendered(uri), 20_000, 'the network error render');
    assert.equal(network.outcome, 'networkError');
    assert.equal(network.status, undefined);

    await manager.show(
      sessionView(uri, {
        outcome: 'unexpectedResponse',
        http: { status: 502, statusText: 'Bad Gateway' },
        session: undefined,
        unexpectedResponse: { reason: 'The body is not JSON.', contentType: 'text/html', firstBytes: '<html><body>upstream\n\tfailed</body></html>' },
        body: undefined,
        actions: [],
      }),
    );
    assert.equal((await within(manager.whenRendered(uri), 20_000, 'the unexpected response render')).outcome, 'unexpectedResponse');
  });

  it('keeps one panel per request file', async () => {
    const a = uriFor('one-a');
    const b = uriFor('one-b');
    await manager.show(sessionView(a));
    const first = manager.get(a)!.panel;
    await within(manager.whenRendered(a), 20_000, 'the first render');

    await manager.show(sessionView(a, { session: { ...sessionView(a).session!, status: 'COMPLETED' } }));
    assert.equal(manager.get(a)!.panel, first, 'showing the same request again opened another panel');
    assert.equal((await within(manager.whenRendered(a), 20_000, 'the re-render')).status, 'COMPLETED');
    assert.equal(first.title, 'Session · payment-link-save · COMPLETED');

    await manager.show(sessionView(b));
    assert.notEqual(manager.get(b)!.panel, first);
    assert.deepEqual(manager.requestUris().sort(), [a, b].sort());
    await within(manager.whenRendered(b), 20_000, 'the second panel render');

    const open = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview);
    assert.equal(open.length, 2, `expected 2 webview tabs, found ${open.length}`);
  });

  it('serves HTML with a strict CSP, a fresh nonce per panel and no response data', async () => {
    const a = uriFor('csp-a');
    const b = uriFor('csp-b');
    const view = sessionView(a);
    await manager.show(view);
    await manager.show(sessionView(b));
    const htmlA = manager.htmlOf(a)!;
    const htmlB = manager.htmlOf(b)!;
    const cspSource = manager.get(a)!.panel.webview.cspSource;

    // The panel's own script and styles are written into the page: they must be exactly media/panel.js and
    // panel.css, and what is left around them carries no response data.
    const mediaRoot = (manager.get(a)!.panel.webview.options.localResourceRoots ?? [])[0];
    assert.ok(mediaRoot, 'no media root');
    const own = (name: string) => readFileSync(vscode.Uri.joinPath(mediaRoot, name).fsPath, 'utf8');
    const nonces = [htmlA, htmlB].map((html) => {
      const csp = cspOf(html);
      const nonce = /script-src 'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
      assert.ok(nonce, `no script nonce in ${csp}`);
      assert.ok(Buffer.from(nonce, 'base64').length >= 16, 'the nonce carries fewer than 128 bits');
      assert.equal(
        csp,
        `default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src ${cspSource}; font-src ${cspSource}`,
      );
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      assert.equal(scripts.length, 1, 'exactly one script element');
      assert.equal(scripts[0]?.[1], ` nonce="${nonce}"`);
      assert.equal(scripts[0]?.[2], own('panel.js'), 'the inline script is not media/panel.js');
      const styles = [...html.matchAll(/<style\b([^>]*)>([\s\S]*?)<\/style>/g)];
      assert.equal(styles.length, 1, 'exactly one style element');
      assert.equal(styles[0]?.[1], ` nonce="${nonce}"`);
      assert.equal(styles[0]?.[2], own('panel.css'), 'the inline style is not media/panel.css');
      const page = html.replace(scripts[0]?.[2] ?? '', '').replace(styles[0]?.[2] ?? '', '');
      assert.doesNotMatch(page, /<link\b|unsafe-inline|unsafe-eval|\son\w+=/);
      return { nonce, page };
    });
    assert.notEqual(nonces[0]?.nonce, nonces[1]?.nonce, 'two panels share a nonce');

    for (const secret of [view.session!.id, view.session!.referenceId!, LINK, 'req-unique-header-value', 'sub-account-5f2e', 'Kopi', 'ACTIVE', '150000']) {
      assert.ok(!nonces[0]?.page.includes(secret), `the panel HTML contains response data: ${secret}`);
    }

    const webview = manager.get(a)!.panel.webview;
    assert.equal(webview.options.enableScripts, true);
    assert.equal(webview.options.enableCommandUris, false);
    const roots = webview.options.localResourceRoots ?? [];
    assert.deepEqual(roots.map((r) => r.toString()), [vscode.Uri.joinPath(extensionUri, 'media').toString()]);
    assert.notEqual(manager.get(a)!.panel.options.retainContextWhenHidden, true);
  });

  it('renders strings built to break out of the page (markup, </script>, bidi overrides, controls)', async () => {
    const uri = uriFor('hostile');
    const evil = '<img src=x onerror=alert(1)></script><script>alert(2)</script>';
    const bidi = 'abc\u202Egnp.exe\u2066x\u0000\u001b[31m\r\n';
    const view = sessionView(uri, {
      requestLabel: `${evil}.session.json`,
      target: { kind: 'live', label: evil, baseUrl: `javascript:alert(3)//${bidi}` },
      sentAt: evil,
      session: {
        id: evil,
        status: '</script><img src=x onerror=alert(1)>',
        referenceId: bidi,
        sessionType: evil,
        mode: bidi,
        amount: 12.5,
        currency: '<b>',
        paymentLinkUrl: `javascript:alert(4)//${evil}`,
        expiresAt: evil,
        paymentRequestId: bidi,
        paymentTokenId: evil,
      },
      headers: [[evil, bidi]],
      requestOptions: [[bidi, evil]],
      body: { [evil]: [evil, bidi, { ['__proto__']: evil, constructor: bidi }], long: 'x'.repeat(50_000) + evil },
    });
    await manager.show(view);
    const info = await within(manager.whenRendered(uri), 20_000, 'the webview rendering hostile strings');
    assert.equal(info.outcome, 'session');
    assert.equal(info.status, '</script><img src=x onerror=alert(1)>');
    const html = manager.htmlOf(uri)!;
    assert.ok(!html.includes('onerror') && !html.includes('alert('), 'hostile data reached the panel HTML');
    assert.equal(manager.get(uri)!.panel.title.includes('\u202E'), false, 'a direction override reached the tab title');
  });

  it('renders a large body without stalling the webview', async () => {
    const uri = uriFor('large');
    const items = Array.from({ length: 20_000 }, (_, i) => ({ name: `item ${i}`, price: i * 1000, tags: ['a', 'b'], note: 'n'.repeat(200) }));
    await manager.show(sessionView(uri, { body: { items } }));
    const info = await within(manager.whenRendered(uri), 20_000, 'the large body render');
    assert.ok(info.firstPaintMs < 5000, `first paint took ${info.firstPaintMs} ms`);
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
