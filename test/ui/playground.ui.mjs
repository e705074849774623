// UI test: drives the real workbench in headless Chromium like a person would. Opens an example, runs
// "Xendit: Create Session" from the Command Palette, waits for the result panel (a webview iframe) to show
// an ACTIVE session and its payment link, pays on the sandbox's checkout page, and saves screenshots to docs/.
import * as assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureTools } from '../runner/tools.mjs';
import { launchBrowser, startCodeServer } from '../runner/codeServer.mjs';
import { installExtension, packageExtension } from '../../scripts/start.mjs';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const docs = join(root, 'docs');

describe('UI: the playground in the workbench', function () {
  this.timeout(240_000);
  let server;
  let browser;
  let page;
  let scratch;

  before(async () => {
    const tools = ensureTools();
    scratch = mkdtempSync(join(tmpdir(), 'xsp-ui-'));
    const { vsix, cleanup } = packageExtension();
    mkdirSync(join(scratch, 'state', 'extensions'), { recursive: true });
    installExtension(tools, vsix, join(scratch, 'state', 'extensions'));
    cleanup();
    // The examples point at ../schemas for their $schema, as in the repository.
    cpSync(join(root, 'examples'), join(scratch, 'examples'), { recursive: true });
    cpSync(join(root, 'schemas'), join(scratch, 'schemas'), { recursive: true });
    server = await startCodeServer({ tools, stateDir: join(scratch, 'state'), userSettings: { 'workbench.colorTheme': 'Default Dark Modern' } });
    browser = await launchBrowser(tools);
    page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await page.goto(`${server.url}/?folder=${encodeURIComponent(join(scratch, 'examples'))}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view, .monaco-list').first().waitFor({ timeout: 60_000 });
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  async function runCommand(title) {
    // Right after load the palette may not list the extension's commands yet: reopen until it does.
    for (let attempt = 0; attempt < 20; attempt++) {
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor();
      await input.fill(`>${title}`);
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
      if (await row.isVisible({ timeout: 2_000 }).catch(() => false)) {
        await page.keyboard.press('Enter');
        return;
      }
      await page.keyboard.press('Escape');
      await page.waitForTimeout(1_000);
    }
    throw new Error(`the command "${title}" never appeared in the Command Palette`);
  }

  async function openFile(name) {
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(name);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 20_000 });
    await page.keyboard.press('Enter');
    await page.locator('.tab.active', { hasText: name }).waitFor({ timeout: 20_000 });
  }

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
