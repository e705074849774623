// UI test: a real window reload. The window is reloaded with Developer: Reload Window, VS Code brings the result panel
// back through the extension's serializer (a new extension host, a new sandbox), and the restored panel's buttons
// act on its session. Not the browser's own reload (page.reload): the web workbench writes which editors are open
// while the page unloads, where the browser does not wait for it, so on a loaded machine (1 run in 4 or 5 with two
// busy cores) the window came back with no editor at all, ours or the request file. Reload Window waits for that
// write, as desktop VS Code does on every reload.
import * as assert from 'node:assert/strict';
import { openWorkbench } from './workbench.mjs';

describe('UI: a result panel after a window reload', function () {
  this.timeout(240_000);
  let wb;

  before(async () => {
    wb = await openWorkbench();
    await wb.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: wb.server.url });
  });

  after(async () => {
    await wb?.close();
  });

  it('comes back with its session, and Copy id, Copy as cURL, Show request and Refresh act on it', async () => {
    const { page, runCommand, openFile } = wb;
    await page.locator('.statusbar-item', { hasText: 'Xendit: Sandbox' }).first().waitFor({ timeout: 60_000 });
    await openFile('pay-payment-link.session.json');
    await runCommand('Xendit: Create Session');
    const before = wb.panel();
    await before.getByText('ACTIVE', { exact: true }).first().waitFor({ timeout: 60_000 });
    const id = await before.locator('.field', { hasText: 'Session id' }).locator('bdi.code').first().innerText();
    assert.match(id, /^ps-[0-9a-f]{24}$/);

    const reloaded = page.waitForEvent('load', { timeout: 120_000 });
    await runCommand('Developer: Reload Window');
    await reloaded;
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    const panel = wb.panel();
    await panel.getByText(id, { exact: true }).first().waitFor({ timeout: 60_000 });

    await panel.getByRole('button', { name: 'Copy id', exact: true }).click();
    await panel.getByText('Copied the session id.').waitFor({ timeout: 20_000 });
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), id);

    await panel.getByRole('button', { name: 'Copy as cURL', exact: true }).click();
    await panel.getByText(/^Copied as cURL/).waitFor({ timeout: 20_000 });
    assert.match(await page.evaluate(() => navigator.clipboard.readText()), /^curl -sS -X POST 'http:\/\/127\.0\.0\.1:\d+\/sessions'/);

    await panel.getByRole('button', { name: 'Show request as sent', exact: true }).click();
    await page.locator('.editor-instance .view-lines', { hasText: /POST.http:\/\/127\.0\.0\.1:\d+\/sessions/ }).first().waitFor({ timeout: 20_000 });

    // The reload started a new sandbox, which has never seen the session: Refresh asks it and shows its answer.
    await panel.getByRole('button', { name: 'Refresh', exact: true }).click();
    await panel.locator('.field', { hasText: 'Operation' }).getByText('Get session').waitFor({ timeout: 30_000 });
  });
});
