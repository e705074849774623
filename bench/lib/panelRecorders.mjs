// The UI bench's recorders: what runs in the browser to time a send on the browser's own clock. The press (every
// mousedown in the workbench page, and what it landed on), and the first time each ACTIVE session id is drawn in
// a webview's page, with the stages of that page (its frames starting to load and the panel script's User Timing
// marks). Used by bench/figures/ui.mjs.
/* global document, window, MutationObserver, Element -- these functions run in the browser */

/** Records the time of every mousedown in the workbench page, on the browser's absolute clock. */
export function pressRecorder() {
  window.addEventListener(
    'mousedown',
    (e) => {
      window.__xspPressedAt = performance.timeOrigin + e.timeStamp;
      // What the press landed on, for a click that ran no command (see timedSend).
      const t = e.target;
      window.__xspPressedOn = `${t?.tagName ?? '?'}${t?.id ? `#${t.id}` : ''} in ${t?.parentElement?.className || t?.parentElement?.tagName || '?'}`;
      // The lens as drawn: links (<a>) run a command, bare spans (a lens redrawn from VS Code's cache) do not.
      window.__xspPressedOn += `: ${t?.closest?.('.codelens-decoration')?.innerHTML?.slice(0, 300) ?? '?'}`;
      window.__xspLensRenders = [];
    },
    { capture: true },
  );
  // Each time VS Code rebuilds a CodeLens's links (a press during a rebuild can land on the " | " between them).
  window.__xspLensRenders = [];
  new MutationObserver((records) => {
    if (records.some((r) => r.target instanceof Element && r.target.closest('.codelens-decoration'))) window.__xspLensRenders.push(Math.round(performance.now()));
  }).observe(document.body, { childList: true, subtree: true });
}

/**
 * Installed in a webview's inner document (fake.html, which the workbench then writes the panel's HTML into, in the
 * same window) as soon as it is navigated: records, every 8 ms, the first time each ACTIVE session id is in the
 * document, on the browser's absolute clock, so when Playwright looks does not matter. An id already there at the
 * first look is marked late (its time is then an upper bound).
 */
function drawRecorder() {
  if (window.__xspDrawn) return;
  const seen = (window.__xspDrawn = {});
  let first = true;
  const look = () => {
    const textNow = document.body?.textContent ?? '';
    if (textNow.includes('ACTIVE')) {
      for (const [id] of textNow.matchAll(/ps-[0-9a-f]{24}/g)) seen[id] ??= { at: performance.timeOrigin + performance.now(), late: first };
    }
    first = false;
  };
  look();
  setInterval(look, 8);
}

/** Puts drawRecorder into every result panel's document of `page` as it appears. */
export function watchPanels(page) {
  page.on('framenavigated', (frame) => {
    if (frame.url().includes('/fake.html')) frame.evaluate(drawRecorder).catch(() => {});
  });
}

/** The first ACTIVE session id drawn in any panel that is not in `known`, with its time; waits up to 60 s. */
export async function nextDrawn(page, known, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (!frame.url().includes('/fake.html')) continue;
      // A panel whose navigation event was missed (its frame was replaced while the recorder went in) gets it
      // now; installing twice is a no-op. Anything it finds already drawn is marked late.
      await frame.evaluate(drawRecorder).catch(() => {});
      const drawn = await frame.evaluate(() => window.__xspDrawn ?? {}).catch(() => ({}));
      const fresh = Object.entries(drawn).find(([id]) => !known.has(id));
      if (fresh) return { id: fresh[0], ...fresh[1], stages: await panelStages(frame) };
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const shown = [];
  for (const frame of page.frames()) {
    if (frame.url().includes('/fake.html')) shown.push(await frame.evaluate(() => document.body?.textContent?.slice(0, 160) ?? '').catch((e) => String(e)));
  }
  throw new Error(`no new session was drawn in a result panel within ${timeoutMs / 1000} s; the panels show: ${JSON.stringify(shown)}`);
}

/**
 * When the panel's page came to be, on the browser's clock: the webview's outer frame and its inner document
 * started loading (navigation start), the panel script said ready, and the latest result reached it (its User
 * Timing marks). Missing stages are left out.
 */
async function panelStages(frame) {
  const inner = await frame
    .evaluate(() => {
      const at = (name) => {
        const marks = performance.getEntriesByName(name, 'mark');
        return marks.length ? performance.timeOrigin + marks[marks.length - 1].startTime : undefined;
      };
      return { page: performance.timeOrigin, ready: at('xsp-ready'), result: at('xsp-result') };
    })
    .catch(() => ({}));
  const outer = frame.parentFrame() ? await frame.parentFrame().evaluate(() => performance.timeOrigin).catch(() => undefined) : undefined;
  return { frame: outer, ...inner };
}
