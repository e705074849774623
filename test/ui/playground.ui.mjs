// UI test: drives the real workbench in headless Chromium like a person would. Opens an example, runs
// "Xendit: Create Session" from the Command Palette, waits for the result panel (a webview iframe) to show
// an ACTIVE session and its payment link, pays on the sandbox's checkout page, and saves screenshots to docs/.
import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkbench, root } from './workbench.mjs';

const docs = join(root, 'docs');

describe('UI: the playground in the workbench', function () {
  this.timeout(240_000);
  let wb;
  let page;
  let browser;
  let runCommand;
  let openFile;

  before(async () => {
    wb = await openWorkbench();
    ({ page, browser, runCommand, openFile } = wb);
  });

  after(async () => {
    await wb?.close();
  });

  it('creates a session from the Command Palette and shows ACTIVE and the payment link in the panel', async () => {
    await openFile('pay-payment-link.session.json');
    await runCommand('Xendit: Create Session');
    const panel = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await panel.getByText('ACTIVE', { exact: true }).first().waitFor({ timeout: 60_000 });
    const link = panel.getByText(/http:\/\/127\.0\.0\.1:\d+\/checkout\/ps-[0-9a-f]{24}/).first();
    await link.waitFor({ timeout: 10_000 });
    assert.ok(await panel.getByRole('button', { name: /open payment link/i }).first().isVisible());
    mkdirSync(docs, { recursive: true });
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(docs, 'create-session.png') });
  });

  it('pays on the sandbox checkout page, and Refresh shows COMPLETED', async () => {
    const panel = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    const linkText = await panel.getByText(/http:\/\/127\.0\.0\.1:\d+\/checkout\/ps-[0-9a-f]{24}/).first().textContent();
    const url = /http:\/\/127\.0\.0\.1:\d+\/checkout\/ps-[0-9a-f]{24}/.exec(linkText ?? '')?.[0];
    assert.ok(url, `no checkout link in "${linkText}"`);
    const checkout = await browser.newPage({ viewport: { width: 900, height: 700 } });
    await checkout.goto(url);
    await checkout.getByRole('button', { name: /^Pay / }).click();
    await checkout.getByText('COMPLETED', { exact: true }).waitFor();
    await checkout.screenshot({ path: join(docs, 'sandbox-checkout.png') });
    await checkout.close();
    await panel.getByRole('button', { name: /^refresh$/i }).first().click();
    await panel.getByText('COMPLETED', { exact: true }).first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(docs, 'session-completed.png') });
  });
});
