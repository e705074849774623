// Drives the real workbench in headless Chromium for the UI tests: a code-server with the packaged extension
// installed, a copy of examples/ open, and helpers that act like a person (palette, quick open, typing).
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureTools } from '../runner/tools.mjs';
import { launchBrowser, startCodeServer } from '../runner/codeServer.mjs';
import { installExtension, packageExtension } from '../../scripts/start.mjs';

export const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** @param {{ userSettings?: Record<string, unknown> }} [options] */
export async function openWorkbench(options = {}) {
  const tools = ensureTools();
  const scratch = mkdtempSync(join(tmpdir(), 'xsp-ui-'));
  const { vsix, cleanup } = packageExtension();
  mkdirSync(join(scratch, 'state', 'extensions'), { recursive: true });
  installExtension(tools, vsix, join(scratch, 'state', 'extensions'));
  cleanup();
  // The examples point at ../schemas for their $schema, as in the repository.
  cpSync(join(root, 'examples'), join(scratch, 'examples'), { recursive: true });
  cpSync(join(root, 'schemas'), join(scratch, 'schemas'), { recursive: true });
  const server = await startCodeServer({
    tools,
    stateDir: join(scratch, 'state'),
    userSettings: {
      'workbench.colorTheme': 'Default Dark Modern',
      // The browser's own file picker cannot be driven headlessly; VS Code's simple dialog can.
      'files.simpleDialog.enable': true,
      ...(options.userSettings ?? {}),
    },
  });
  const browser = await launchBrowser(tools);
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  const opened = await openWindow(page, server, join(scratch, 'examples'));

  async function close() {
    await browser.close().catch(() => {});
    await server.stop();
    rmSync(scratch, { recursive: true, force: true });
  }

  return { ...opened, browser, server, close, folder: join(scratch, 'examples') };
}

/** Opens `folder` in a new workbench window on `page` and returns helpers that act in it like a person. */
export async function openWindow(page, server, folder) {
  // A loaded machine can take well over Playwright's default 30 s to load the workbench.
  await page.goto(`${server.url}/?folder=${encodeURIComponent(folder)}`, { timeout: 120_000 });
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.explorer-folders-view, .monaco-list').first().waitFor({ timeout: 60_000 });

  /**
   * Opens the quick input with `key` and types `text`. The workbench may take the focus back just after the
   * quick input opens (an editor or the walkthrough page rendering), which closes it: then open it again.
   */
  async function typeInQuickInput(key, text) {
    const input = page.locator('.quick-input-widget input');
    for (let attempt = 0; attempt < 10; attempt++) {
      await page.keyboard.press(key);
      const typed = await input
        .waitFor({ state: 'visible', timeout: 5_000 })
        .then(() => input.fill(text, { timeout: 3_000 }))
        .then(() => true, () => false);
      if (typed) return;
      await page.keyboard.press('Escape');
      // Open it again only once it has closed, so the next key press opens it rather than toggles it.
      await input.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
    }
    throw new Error(`the quick input (${key}) never stayed open to type "${text}"`);
  }

  async function runCommand(title) {
    // Right after load the palette may not list the extension's commands yet: reopen until it does.
    for (let attempt = 0; attempt < 20; attempt++) {
      await typeInQuickInput('F1', `>${title}`);
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
      if (await row.waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false)) {
        await page.keyboard.press('Enter');
        // The palette's rows linger for a moment: let them go, so callers see what the command shows.
        await row.waitFor({ state: 'hidden', timeout: 10_000 });
        return;
      }
      await page.keyboard.press('Escape');
      await page.locator('.quick-input-widget input').waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
    }
    throw new Error(`the command "${title}" never appeared in the Command Palette`);
  }

  async function openFile(name) {
    await typeInQuickInput('Control+P', name);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 20_000 });
    await page.keyboard.press('Enter');
    await page.locator('.tab.active', { hasText: name }).waitFor({ timeout: 20_000 });
  }

  /** The result panel's document: a webview iframe holding an inner #active-frame. */
  const panel = () => page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');

  /** The same document as a Playwright frame, to evaluate in (what has the focus, computed styles). */
  async function panelFrame() {
    const outer = await (await page.locator('iframe.webview.ready').first().elementHandle()).contentFrame();
    return (await outer.locator('#active-frame').elementHandle()).contentFrame();
  }

  return { page, runCommand, openFile, panel, panelFrame };
}
