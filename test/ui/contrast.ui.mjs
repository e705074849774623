// UI test: the result panel's status colours are readable in every kind of theme. For each of VS Code's Light,
// Dark, High Contrast and High Contrast Light themes (each in a workbench started with it as the user's theme),
// the panel's own document is asked for the colour each status text gets (ACTIVE, COMPLETED, EXPIRED, CANCELED,
// another status, an HTTP error, an error notice) and the background behind it, and their contrast ratio must
// be at least 4.5:1 (WCAG AA for text). The sample elements are made in the panel's document by the test, with
// the panel's own classes, so every status is measured whatever the session shown.
/* global document, getComputedStyle -- page.evaluate callbacks run in the browser */
import * as assert from 'node:assert/strict';
import { openWorkbench } from './workbench.mjs';

const THEMES = [
  { name: 'Default Light Modern', bodyClass: 'vscode-light' },
  { name: 'Default Dark Modern', bodyClass: 'vscode-dark' },
  { name: 'Default High Contrast', bodyClass: 'vscode-high-contrast' },
  { name: 'Default High Contrast Light', bodyClass: 'vscode-high-contrast-light' },
];
const SAMPLES = ['badge status-active', 'badge status-completed', 'badge status-expired', 'badge status-canceled', 'badge status-other', 'http-error', 'http-ok', 'notice notice-error'];

/** In the panel's document: each sample's text colour and the colour behind it, as [r, g, b] in 0-255. */
function measureSamples(samples) {
  const probe = document.createElement('div');
  probe.id = 'xsp-contrast-probe';
  document.querySelector('#xsp-contrast-probe')?.remove();
  document.body.append(probe);
  const rgb = (css) => {
    const ctx = document.createElement('canvas').getContext('2d');
    ctx.fillStyle = '#000';
    ctx.fillStyle = css;
    ctx.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
    return { rgb: [r, g, b], alpha: a };
  };
  const backgroundOf = (element) => {
    for (let node = element; node; node = node.parentElement) {
      const colour = rgb(getComputedStyle(node).backgroundColor);
      if (colour.alpha === 255) return colour.rgb;
    }
    return rgb(getComputedStyle(document.documentElement).getPropertyValue('--vscode-editor-background').trim()).rgb;
  };
  return samples.map((className) => {
    const element = document.createElement('span');
    element.className = className;
    element.textContent = 'Sample';
    probe.append(element);
    return { className, text: rgb(getComputedStyle(element).color).rgb, background: backgroundOf(element) };
  });
}

/** In the panel's document: the busy line's animation, as the panel would show it while a request runs. */
function busyAnimation() {
  const busy = document.createElement('div');
  busy.className = 'busy active';
  busy.textContent = 'Sending…';
  document.body.append(busy);
  const name = getComputedStyle(busy, '::after').animationName;
  busy.remove();
  return { name, reduceMotion: document.body.classList.contains('vscode-reduce-motion') };
}

function luminance([r, g, b]) {
  const channel = (c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('UI: status colours readable in light, dark and high-contrast themes', function () {
  this.timeout(240_000);

  /** A workbench with `userSettings`, a session created and shown, and its panel's document. */
  async function withPanel(userSettings, check) {
    const wb = await openWorkbench({ userSettings });
    try {
      await wb.openFile('pay-payment-link.session.json');
      await wb.runCommand('Xendit: Create Session');
      await wb.panel().getByText('ACTIVE', { exact: true }).first().waitFor({ timeout: 60_000 });
      await check(await wb.panelFrame());
    } finally {
      await wb.close();
    }
  }

  it('stops the busy line\'s animation when VS Code\'s own reduce-motion setting is on', async () => {
    await withPanel({ 'workbench.reduceMotion': 'on' }, async (frame) => {
      await frame.waitForFunction(() => document.body.classList.contains('vscode-reduce-motion'), undefined, { timeout: 20_000 });
      assert.deepEqual(await frame.evaluate(busyAnimation), { name: 'none', reduceMotion: true });
    });
  });

  for (const theme of THEMES) {
    it(`${theme.name}: every status text has a contrast of at least 4.5:1`, async () => {
      await withPanel({ 'workbench.colorTheme': theme.name, 'workbench.reduceMotion': 'off' }, async (frame) => {
        await frame.waitForFunction((bodyClass) => document.body.classList.contains(bodyClass), theme.bodyClass, { timeout: 20_000 });
        const measured = await frame.evaluate(measureSamples, SAMPLES);
        const low = measured
          .map((m) => ({ ...m, ratio: contrast(m.text, m.background) }))
          .filter((m) => m.ratio < 4.5)
          .map((m) => `${m.className}: ${m.ratio.toFixed(2)}:1 (rgb ${m.text.join(',')} on ${m.background.join(',')})`);
        assert.deepEqual(low, [], `${theme.name}: status text below 4.5:1`);
        // With reduce-motion off, the busy line moves: the check above is not vacuous.
        assert.equal((await frame.evaluate(busyAnimation)).name, 'progress');
      });
    });
  }
});
