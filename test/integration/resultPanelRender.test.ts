// The result panel in a real workbench, what it draws: the webview runs media/panel.js and reports back what it
// drew, and the HTML carries no response data under a strict CSP.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { RESULT_VIEW_TYPE, ResultPanelManager, type RenderedInfo } from '../../src/vscode/resultPanel';
import { LINK, apiErrorView, resultPanelHooks, sessionView, uriFor, within } from './resultPanelFixtures';

function cspOf(html: string): string {
  const match = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(match, 'no CSP meta tag in the panel HTML');
  return match[1];
}

describe('result panel', function () {
  this.timeout(30_000);
  let extensionUri: vscode.Uri;
  let manager: ResultPanelManager;
  let renders: { requestUri: string; info: RenderedInfo }[];

  resultPanelHooks((uri) => {
    extensionUri = uri;
    renders = [];
    manager = new ResultPanelManager(uri, {
      onAction: () => undefined,
      onRendered: (requestUri, info) => renders.push({ requestUri, info }),
    });
    return manager;
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

  it('keeps a new panel\'s first title until its page has drawn the result, then shows the state', async () => {
    // Redrawing the tab while the workbench loads the new page delays the page (ResultPanel.setTitle).
    const uri = uriFor('title-after-draw');
    const showing = manager.show(sessionView(uri));
    const panel = manager.get(uri)!.panel;
    assert.equal(panel.title, 'Session · payment-link-save', 'the title changed before the page drew anything');
    await showing;
    const rendered = manager.whenRendered(uri);
    assert.equal((await within(rendered, 20_000, 'the first render')).status, 'ACTIVE');
    // Whoever waits for the draw sees the title the user sees.
    assert.equal(panel.title, 'Session · payment-link-save · ACTIVE');
    // Once the page has drawn, a new result's state is in the title at once.
    const again = manager.show(sessionView(uri, { session: { ...sessionView(uri).session!, status: 'COMPLETED' } }));
    assert.equal(panel.title, 'Session · payment-link-save · COMPLETED');
    await again;
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
});
