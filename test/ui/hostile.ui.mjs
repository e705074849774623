/* global document, window -- page.evaluate callbacks run in the browser */
// UI test: a server answers with markup and script payloads in every string field. In the real webview
// nothing executes, our own page triggers no CSP violation, the payloads show as text, and a javascript:
// payment link is refused by the extension.
import * as assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { openWorkbench } from './workbench.mjs';

const PAYLOADS = [
  '<img src=x onerror="window.top.__pwned=1;window.__pwned=1">',
  '</script><script>window.__pwned=1</script>',
  '"><svg onload="window.__pwned=1">',
  'javascript:window.__pwned=1',
  '\u202eevil\u202c \u0007\u001b[31m',
  'A'.repeat(20_000),
];

function hostileSession() {
  let i = 0;
  const p = () => PAYLOADS[i++ % PAYLOADS.length];
  return {
    payment_session_id: `ps-0123456789abcdef01234567`,
    created: p(),
    updated: p(),
    reference_id: p(),
    customer_id: p(),
    session_type: p(),
    currency: p(),
    amount: 1000,
    country: p(),
    mode: p(),
    description: p(),
    locale: p(),
    expires_at: p(),
    status: 'ACTIVE',
    payment_link_url: 'javascript:window.top.__pwned=1',
    success_return_url: p(),
    items: [{ name: p(), type: p(), net_unit_amount: 1, quantity: 1, url: p() }],
    metadata: { [PAYLOADS[0]]: p(), note: p() },
    business_id: p(),
  };
}

describe('UI: hostile responses in the real webview', function () {
  this.timeout(240_000);
  let wb;
  let api;
  const consoleLines = [];

  before(async () => {
    api = createServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(201, { 'content-type': 'application/json', 'request-id': PAYLOADS[0] }).end(JSON.stringify(hostileSession())));
    });
    await new Promise((r) => api.listen(0, '127.0.0.1', r));
    const apiUrl = `http://127.0.0.1:${api.address().port}`;
    wb = await openWorkbench({ userSettings: { 'xendit.apiBaseUrl': apiUrl } });
    wb.page.on('console', (m) => consoleLines.push(m.text()));
  });

  after(async () => {
    await wb?.close();
    await new Promise((r) => api?.close(r));
  });

  it('shows every payload as text, runs none of it, and refuses the javascript: link', async () => {
    const { page, runCommand, openFile, panel } = wb;
    // A test key typed into the real input box, as a user pastes it.
    const key = ['xnd', 'development', Math.random().toString(36).slice(2).repeat(3)].join('_');
    await runCommand('Xendit: Set API Key');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(key);
    await page.keyboard.press('Enter');
    await page.locator('.statusbar-item', { hasText: 'Xendit: Test' }).waitFor({ timeout: 20_000 });

    await openFile('pay-payment-link.session.json');
    await runCommand('Xendit: Create Session');
    const view = panel();
    await view.getByText('ACTIVE', { exact: true }).first().waitFor({ timeout: 60_000 });
    await view.getByText('<img src=x onerror=', { exact: false }).first().waitFor({ timeout: 10_000 });

    // The panel's document is the frame whose text shows the payloads.
    let dom;
    for (const frame of page.frames()) {
      const found = await frame
        .evaluate(() =>
          document.body?.innerText.includes('<img src=x onerror=')
            ? {
                images: document.querySelectorAll('img').length,
                svgs: document.querySelectorAll('svg').length,
                scripts: [...document.scripts].map((s) => s.getAttribute('src') ?? `inline nonce=${s.nonce ? 'yes' : 'no'} ${s.textContent.slice(0, 60)}`),
                pwned: Boolean(window.__pwned),
              }
            : undefined,
        )
        .catch(() => undefined);
      if (found) dom = found;
    }
    assert.ok(dom, 'no frame shows the payloads as text');
    assert.equal(dom.images, 0, 'an <img> from the response made it into the DOM');
    assert.equal(dom.svgs, 0, 'an <svg> from the response made it into the DOM');
    // Exactly two scripts: VS Code's own acquireVsCodeApi shim, which it injects into every webview, and ours,
    // written into the page with the page's nonce.
    const ours = dom.scripts.filter((src) => src.startsWith('inline nonce=yes') && !src.includes('acquireVsCodeApi'));
    const shim = dom.scripts.filter((src) => src.startsWith('inline') && src.includes('acquireVsCodeApi'));
    assert.equal(ours.length, 1, `scripts in the panel: ${dom.scripts.join(' | ')}`);
    assert.equal(dom.scripts.length, ours.length + shim.length, `unexpected scripts in the panel: ${dom.scripts.join(' | ')}`);
    assert.equal(dom.pwned, false, 'a payload ran in the panel');
    assert.equal(await page.evaluate(() => Boolean(window.__pwned)), false, 'a payload ran in the workbench');

    await view.getByRole('button', { name: /open payment link/i }).first().click();
    await page.locator('.notification-toast, .notifications-toasts', { hasText: 'The link was not opened' }).first().waitFor({ timeout: 20_000 });

    const violations = consoleLines.filter((l) => /Content Security Policy|Refused to (execute|load|apply)/i.test(l));
    assert.deepEqual(violations, [], 'our own page triggered a CSP violation');
    await page.screenshot({ path: `${process.env.XSP_UI_SCREENSHOTS ?? '/tmp'}/hostile-response.png` });
  });
});
