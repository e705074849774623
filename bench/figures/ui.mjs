// What a user waits for in the real workbench, measured from the browser: from the mouse press on the
// "Create Session · Sandbox" CodeLens to the answer (ACTIVE and a new session id) drawn in the result panel.
// One code-server serves fresh windows, each a new browser context on a folder of its own (so a new extension
// host with nothing loaded and no editor restored). In each window:
//   ui_first_send_ms  the first send after the window opened, clicked as soon as the CodeLens is drawn
//   ui_new_panel_ms   another request file, after every editor was closed: its panel is new
//   ui_resend_ms      the same file again, its panel open (RESENDS per window)
// The press time is the mousedown event's time stamp in the workbench page; the drawn time is taken inside the
// panel's document on the first animation frame that shows the answer (so at most one frame late). Both are on
// the browser's clock (performance.timeOrigin + a relative time), so Playwright's own latency is not counted.
// Environment: XSP_BENCH_UI_WINDOWS (default 5).
/* global document, window, requestAnimationFrame -- page.evaluate callbacks run in the browser */
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureTools } from '../../test/runner/tools.mjs';
import { launchBrowser, startCodeServer } from '../../test/runner/codeServer.mjs';
import { openWindow } from '../../test/ui/workbench.mjs';
import { installExtension, packageExtension } from '../../scripts/start.mjs';
import { median } from '../lib/stats.mjs';

const RESENDS = 3;
const CODELENS = 'Create Session · Sandbox';
const FIRST_FILE = 'pay-payment-link.session.json';
const SECOND_FILE = 'payment-link-save.session.json';

/** Records the time of every mousedown in the workbench page, on the browser's absolute clock. */
async function watchPresses(page) {
  await page.evaluate(() => {
    window.addEventListener('mousedown', (e) => (window.__xspPressedAt = performance.timeOrigin + e.timeStamp), { capture: true });
  });
}

/**
 * Waits, inside the panel's document, for the first animation frame that shows an ACTIVE session whose id is not
 * `previousId`; resolves to that id, the frame's time, and whether it was already there at the first look.
 */
function drawnIn(frame, previousId) {
  return frame.evaluate(
    (prev) =>
      new Promise((resolve) => {
        let first = true;
        const look = () => {
          const textNow = document.body?.innerText ?? '';
          const id = /ps-[0-9a-f]{24}/.exec(textNow)?.[0];
          if (id && id !== prev && /\bACTIVE\b/.test(textNow)) {
            resolve({ id, at: performance.timeOrigin + performance.now(), already: first });
            return;
          }
          first = false;
          requestAnimationFrame(look);
        };
        look();
      }),
    previousId ?? null,
  );
}

/** The result panel's inner document, waiting for it to exist (a new panel appears after the click). */
async function panelFrame(page) {
  const handle = await page.frameLocator('iframe.webview.ready').locator('#active-frame').elementHandle({ timeout: 60_000 });
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('the result panel has no document');
  // The inner document is swapped in when its script loads: wait for the panel's skeleton.
  await frame.waitForSelector('main, #root', { state: 'attached', timeout: 60_000 });
  return frame;
}

/** Clicks the CodeLens and measures, on the browser's clock, until the answer is drawn. */
async function timedSend(page, { panelOpen, previousId }) {
  await page.evaluate(() => (window.__xspPressedAt = undefined));
  const lens = page.getByText(CODELENS, { exact: true }).first();
  await lens.waitFor({ timeout: 60_000 });
  let drawn;
  if (panelOpen) {
    const frame = await panelFrame(page);
    drawn = drawnIn(frame, previousId);
    await lens.click();
  } else {
    await lens.click();
    drawn = drawnIn(await panelFrame(page), previousId);
  }
  const { id, at, already } = await drawn;
  const pressedAt = await page.evaluate(() => window.__xspPressedAt);
  if (typeof pressedAt !== 'number') throw new Error('the click on the CodeLens was not seen by the page');
  return { ms: at - pressedAt, id, late: already && !panelOpen };
}

function figure(values, goal, what, late) {
  const sorted = [...values].sort((a, b) => a - b);
  const range = sorted.length > 1 ? ` (${Math.round(sorted[0])}-${Math.round(sorted[sorted.length - 1])})` : '';
  const lateNote = late > 0 ? `; ${late} drawn before the first look (an upper bound)` : '';
  return { value: Math.round(median(values)), unit: 'ms', goal, better: 'lower', note: `median of ${values.length} ${what}${range}, from the browser${lateNote}` };
}

export async function measure({ root }) {
  const windows = Number(process.env.XSP_BENCH_UI_WINDOWS ?? 5);
  const tools = ensureTools();
  const scratch = mkdtempSync(join(tmpdir(), 'xsp-bench-ui-'));
  let server;
  let browser;
  try {
    const { vsix, cleanup } = packageExtension();
    mkdirSync(join(scratch, 'state', 'extensions'), { recursive: true });
    installExtension(tools, vsix, join(scratch, 'state', 'extensions'));
    cleanup();
    server = await startCodeServer({ tools, stateDir: join(scratch, 'state'), userSettings: { 'workbench.colorTheme': 'Default Dark Modern' } });
    browser = await launchBrowser(tools);
    const first = [];
    const newPanel = [];
    const resend = [];
    const late = { first: 0, newPanel: 0 };
    for (let i = 0; i < windows; i++) {
      const dir = join(scratch, `window-${i}`);
      cpSync(join(root, 'examples'), join(dir, 'examples'), { recursive: true });
      cpSync(join(root, 'schemas'), join(dir, 'schemas'), { recursive: true });
      const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
      try {
        const page = await context.newPage();
        const wb = await openWindow(page, server, join(dir, 'examples'));
        await watchPresses(page);
        await wb.openFile(FIRST_FILE);
        const a = await timedSend(page, { panelOpen: false });
        first.push(a.ms);
        late.first += a.late ? 1 : 0;
        await wb.runCommand('View: Close All Editors');
        await page.locator('iframe.webview').first().waitFor({ state: 'detached', timeout: 20_000 });
        await wb.openFile(SECOND_FILE);
        const b = await timedSend(page, { panelOpen: false });
        newPanel.push(b.ms);
        late.newPanel += b.late ? 1 : 0;
        let previousId = b.id;
        for (let k = 0; k < RESENDS; k++) {
          const c = await timedSend(page, { panelOpen: true, previousId });
          resend.push(c.ms);
          previousId = c.id;
        }
        console.error(`bench: ui window ${i + 1}/${windows}: first ${Math.round(a.ms)} ms, new panel ${Math.round(b.ms)} ms, resend ${resend.slice(-RESENDS).map(Math.round).join('/')} ms`);
      } finally {
        await context.close();
      }
    }
    return {
      ui_first_send_ms: figure(first, 1000, 'fresh windows', late.first),
      ui_new_panel_ms: figure(newPanel, 400, 'new panels, one per window', late.newPanel),
      ui_resend_ms: figure(resend, 100, `resends, ${RESENDS} per window`, 0),
    };
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}
