// UI test: the result panel with the keyboard only, and what a screen reader hears. After Create Session (its key,
// Ctrl+Alt+R, in the request file), the panel's outcome is in its live region; Ctrl+2 moves into the panel, Tab reaches the
// toolbar (role toolbar, labelled, one tab stop), the arrow keys move between its buttons, and Enter on Refresh
// gets the session again while the focus stays on Refresh and the new outcome is announced.
/* global document, HTMLElement -- frame.evaluate callbacks run in the browser */
import * as assert from 'node:assert/strict';
import { openWorkbench } from './workbench.mjs';

/** In the panel's document: what has the focus (its focus key or text), and what the live region says. */
function focusAndAnnouncement() {
  const active = document.activeElement;
  const toolbar = document.querySelector('[role="toolbar"]');
  return {
    focus: active instanceof HTMLElement ? (active.dataset.focus ?? active.tagName) : null,
    inToolbar: Boolean(toolbar && active && toolbar.contains(active)),
    toolbarLabel: toolbar?.getAttribute('aria-label') ?? null,
    tabStops: toolbar ? [...toolbar.querySelectorAll('button')].filter((b) => b.tabIndex === 0).length : 0,
    announced: document.querySelector('[role="status"][aria-atomic="true"]')?.textContent ?? '',
    operation: document.body.textContent.includes('Get session') ? 'get' : 'create',
  };
}

describe('UI: the result panel with the keyboard only', function () {
  this.timeout(240_000);
  let wb;

  before(async () => {
    wb = await openWorkbench();
  });

  after(async () => {
    await wb?.close();
  });

  it('announces the outcome, then Tab, arrows and Enter work the toolbar with the focus kept on Refresh', async () => {
    const { page } = wb;
    await wb.openFile('pay-payment-link.session.json');
    // Quick Open leaves the focus in the opened file's editor, where the key is bound.
    await page.locator('.editor-instance .monaco-editor.focused').first().waitFor({ timeout: 20_000 });
    await page.keyboard.press('Control+Alt+R');
    await wb.panel().getByText('ACTIVE', { exact: true }).first().waitFor({ timeout: 60_000 });
    const frame = await wb.panelFrame();
    await frame.waitForFunction(() => /201.*ACTIVE/.test(document.querySelector('[role="status"][aria-atomic="true"]')?.textContent ?? ''), undefined, { timeout: 10_000 });

    // Into the panel (the second editor group) and to the toolbar, with keys only.
    await page.keyboard.press('Control+2');
    let state = await frame.evaluate(focusAndAnnouncement);
    for (let tab = 0; tab < 12 && state.focus !== 'refresh'; tab++) {
      await page.keyboard.press('Tab');
      state = await frame.evaluate(focusAndAnnouncement);
    }
    assert.equal(state.focus, 'refresh', 'Tab never reached Refresh in the panel');
    assert.equal(state.inToolbar, true);
    assert.ok(state.toolbarLabel, 'the toolbar has no label');
    assert.equal(state.tabStops, 1, 'the toolbar is one tab stop');

    await page.keyboard.press('ArrowRight');
    assert.equal((await frame.evaluate(focusAndAnnouncement)).focus, 'cancelSession');
    await page.keyboard.press('End');
    const last = (await frame.evaluate(focusAndAnnouncement)).focus;
    assert.notEqual(last, 'cancelSession');
    await page.keyboard.press('ArrowRight');
    assert.equal((await frame.evaluate(focusAndAnnouncement)).focus, 'refresh', 'ArrowRight from the last button wraps to the first');
    await page.keyboard.press('ArrowLeft');
    assert.equal((await frame.evaluate(focusAndAnnouncement)).focus, last);
    await page.keyboard.press('Home');

    // Enter on Refresh: the new result is drawn, the focus is still on Refresh, and the outcome is announced.
    await page.keyboard.press('Enter');
    await frame.waitForFunction(() => document.body.textContent.includes('Get session'), undefined, { timeout: 30_000 });
    await frame.waitForFunction(() => /200.*ACTIVE/.test(document.querySelector('[role="status"][aria-atomic="true"]')?.textContent ?? ''), undefined, { timeout: 10_000 });
    state = await frame.evaluate(focusAndAnnouncement);
    assert.equal(state.focus, 'refresh', 'the focus left Refresh when its result was drawn');
    assert.equal(state.inToolbar, true);
  });
});
