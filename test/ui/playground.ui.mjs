// UI test: the newcomer's whole flow in the real workbench, driven like a person would, which is also the
// getting-started walkthrough: pick the target, create a request from an example, send it from the Command
// Palette, open the payment link and pay on the sandbox's checkout page, refresh to COMPLETED, and see the
// walkthrough's steps ticked. With XSP_UPDATE_SCREENSHOTS=1 it refreshes docs/*.png and the walkthrough's
// images in media/walkthrough/; otherwise its pictures go to a temporary folder.
/* global document, Image, requestAnimationFrame -- page.evaluate callbacks run in the browser */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkbench, root } from './workbench.mjs';

const update = process.env.XSP_UPDATE_SCREENSHOTS === '1';
const docs = update ? join(root, 'docs') : mkdtempSync(join(tmpdir(), 'xsp-shots-'));
const walkthroughDir = update ? join(root, 'media', 'walkthrough') : docs;
const LINK = /http:\/\/127\.0\.0\.1:\d+\/checkout\/ps-[0-9a-f]{24}/;

describe('UI: the playground in the workbench', function () {
  this.timeout(240_000);
  let wb;
  let page;

  /** Waits until the workbench has painted twice more, so a screenshot shows what was just drawn. */
  function painted() {
    return page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  }

  /**
   * Small JPEGs for the walkthrough (the .vsix carries them): a clip of the screen, scaled down in the browser. After
   * an update, `jpegoptim --strip-all --all-progressive media/walkthrough/*.jpg` (Debian package jpegoptim) makes
   * them about 7% smaller with the same pixels: the browser writes a baseline JPEG with a colour profile.
   */
  async function still(name, clip, from = page) {
    const png = await from.screenshot({ clip });
    const scratch = await wb.browser.newPage();
    try {
      const dataUrl = await scratch.evaluate(async ({ b64, scale }) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = Math.round(img.width * scale);
        canvas.height = Math.round(img.height * scale);
        const ctx = canvas.getContext('2d');
        ctx.imageSmoothingQuality = 'high';
        ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
        return canvas.toDataURL('image/jpeg', 0.7);
      }, { b64: png.toString('base64'), scale: 0.6 });
      writeFileSync(join(walkthroughDir, `${name}.jpg`), Buffer.from(dataUrl.split(',')[1], 'base64'));
    } finally {
      await scratch.close();
    }
  }

  before(async () => {
    mkdirSync(docs, { recursive: true });
    mkdirSync(walkthroughDir, { recursive: true });
    wb = await openWorkbench();
    page = wb.page;
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await page.screenshot({ path: join(tmpdir(), `xsp-ui-failed-${Date.now()}.png`) }).catch(() => {});
  });

  after(async () => {
    await wb?.close();
  });

  it('opens the getting-started walkthrough', async () => {
    await wb.runCommand('Welcome: Open Walkthrough...');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Xendit Sessions Playground' }).first().click();
    await page.locator('.getting-started-step').first().waitFor({ timeout: 20_000 });
    // Its steps now track the commands run and the context keys set; the page itself can close.
    await wb.runCommand('View: Close All Editors');
    await page.locator('.getting-started-step').first().waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('picks the Sandbox target from the status bar', async () => {
    await page.locator('.statusbar-item', { hasText: 'Xendit: Sandbox' }).first().waitFor({ timeout: 60_000 });
    await wb.runCommand('Xendit: Select Target');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Sandbox' }).first().waitFor();
    await still('target', { x: 300, y: 0, width: 800, height: 420 });
    await page.keyboard.press('Enter');
    await page.locator('.statusbar-item', { hasText: 'Xendit: Sandbox' }).first().waitFor();
  });

  it('creates a request file from an example with New Session Request, through the save dialog', async () => {
    await wb.runCommand('Xendit: New Session Request');
    const rows = page.locator('.quick-input-list .monaco-list-row');
    await rows.filter({ hasText: 'Save: payment link' }).first().waitFor({ timeout: 20_000 }).catch(() => undefined);
    const labels = await rows.allInnerTexts();
    assert.ok(labels.some((l) => l.includes('Save: payment link')), `examples offered: ${labels.join(' | ')}`);
    await rows.filter({ hasText: 'Save: payment link' }).first().click();
    // The workbench's own save dialog (code-server's is a quick input), offering the example's file name.
    await page.locator('.quick-input-title', { hasText: 'Save the new session request' }).waitFor({ timeout: 20_000 });
    const input = page.locator('.quick-input-widget input');
    await page.waitForFunction(() => /payment-link-save\.session\.json$/.test(document.querySelector('.quick-input-widget input')?.value ?? ''), null, {
      timeout: 20_000,
    });
    const created = join(wb.folder, 'my-first.session.json');
    await input.press('Control+A');
    await page.keyboard.type(created);
    await page.keyboard.press('Enter');
    await page.locator('.tab.active', { hasText: 'my-first.session.json' }).waitFor({ timeout: 20_000 });
    const written = JSON.parse(readFileSync(created, 'utf8'));
    assert.equal(written.session_type, 'SAVE');
    assert.equal(written.mode, 'PAYMENT_LINK');
    await wb.openFile('pay-payment-link.session.json');
    await page.getByText('Create Session · Sandbox').first().waitFor({ timeout: 20_000 });
    await still('request', { x: 0, y: 30, width: 900, height: 520 });
  });

  it('creates a session from the Command Palette and shows ACTIVE and the payment link in the panel', async () => {
    await wb.openFile('pay-payment-link.session.json');
    await wb.runCommand('Xendit: Create Session');
    const panel = wb.panel();
    await panel.getByText('ACTIVE', { exact: true }).first().waitFor({ timeout: 60_000 });
    await panel.getByText(LINK).first().waitFor({ timeout: 10_000 });
    assert.ok(await panel.getByRole('button', { name: /open payment link/i }).first().isVisible());
    await painted();
    await page.screenshot({ path: join(docs, 'create-session.png') });
    await still('send', { x: 860, y: 30, width: 540, height: 620 });
  });

  it('opens the payment link, pays on the sandbox checkout page, and Refresh shows COMPLETED', async () => {
    const panel = wb.panel();
    const popup = page.context().waitForEvent('page', { timeout: 30_000 });
    await panel.getByRole('button', { name: /open payment link/i }).first().click();
    // code-server may ask before opening an external page.
    const open = page.getByRole('button', { name: /^open$/i });
    if (await open.isVisible({ timeout: 3_000 }).catch(() => false)) await open.click();
    const checkout = await popup;
    await checkout.waitForLoadState();
    await checkout.setViewportSize({ width: 760, height: 640 });
    await checkout.getByRole('button', { name: /^Pay / }).click();
    await checkout.getByText('COMPLETED', { exact: true }).waitFor();
    await checkout.screenshot({ path: join(docs, 'sandbox-checkout.png') });
    await still('pay', { x: 0, y: 0, width: 760, height: 560 }, checkout);
    await checkout.close();
    // Clicked in the page's own task, so the check runs before any answer can redraw the panel: the buttons are
    // held at once (the busy line that also disables them comes 150 ms later), so a double click sends one refresh.
    const held = await panel
      .getByRole('button', { name: /^refresh$/i })
      .first()
      .evaluate((refresh) => {
        refresh.click();
        // Held: disabled, or (the button that has the focus, so it keeps it) aria-disabled.
        return [...refresh.ownerDocument.querySelectorAll('button.action')].map((b) => b.disabled || b.getAttribute('aria-disabled') === 'true');
      });
    assert.ok(held.length > 1 && held.every(Boolean), `buttons disabled right after Refresh: ${JSON.stringify(held)}`);
    await panel.getByText('COMPLETED', { exact: true }).first().waitFor({ timeout: 30_000 });
    assert.equal(await panel.getByRole('button', { name: /^refresh$/i }).first().isEnabled(), true, 'Refresh stayed disabled after the answer');
    await painted();
    await page.screenshot({ path: join(docs, 'session-completed.png') });
    await still('completed', { x: 860, y: 30, width: 540, height: 620 });
  });

  it('ticks every step of the getting-started walkthrough', async () => {
    await wb.runCommand('Welcome: Open Walkthrough...');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Xendit Sessions Playground' }).first().click();
    const steps = page.locator('.getting-started-step');
    await steps.first().waitFor({ timeout: 20_000 });
    // Every step drawn, not only the first: the walkthrough has five.
    await page.waitForFunction(() => document.querySelectorAll('.getting-started-step').length >= 5, undefined, { timeout: 20_000 });
    const titles = await steps.allInnerTexts();
    assert.equal(titles.length, 5, `walkthrough steps: ${titles.join(' | ')}`);
    const done = await page.locator('.getting-started-step[aria-checked="true"]').count();
    await page.screenshot({ path: join(docs, 'walkthrough.png') });
    assert.equal(done, 5, `${done} of 5 steps ticked`);
  });
});
