// What the panel does for keyboard and screen-reader users: one announcement per result in a live region that
// no render clears, the toolbar's arrow keys (one tab stop, arrows move within it), and the pressed button's
// place kept across the re-render its request causes.
import type { ResultView } from '../vscode/resultView';
import { isObject, text } from './dom';

/** A polite live region, visually hidden, kept outside the part each render replaces. */
export const announcer = (() => {
  const node = document.createElement('p');
  node.className = 'visually-hidden';
  node.setAttribute('role', 'status');
  node.setAttribute('aria-live', 'polite');
  node.setAttribute('aria-atomic', 'true');
  return node;
})();

/**
 * Says a result's outcome. Called once per result drawn: the page skips a result it has drawn already (main.ts),
 * so a replay of the same result is quiet.
 */
export function announce(summary: string): void {
  // Emptied first, so a summary equal to the last one is still read.
  announcer.textContent = '';
  requestAnimationFrame(() => (announcer.textContent = summary));
}

/** The error code an API error carries (the headline shows the HTTP status and a session's status already). */
export function errorCodeOf(view: ResultView): string {
  return view.outcome === 'apiError' && isObject(view.apiError) ? text(view.apiError.errorCode) : '';
}

/** The focus key of the button pressed last: it gets the focus back after the result it asked for is drawn. */
export const pressed: { key: string | undefined } = { key: undefined };

/** A toolbar (labelled by its aria-label) as WAI-ARIA describes one: one tab stop; Left/Right (and Home/End) move between its buttons. */
export function makeToolbar(bar: HTMLElement): void {
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-orientation', 'horizontal');
  const buttons = () => [...bar.querySelectorAll<HTMLButtonElement>('button')];
  const rove = (current: HTMLButtonElement) => {
    for (const b of buttons()) b.tabIndex = b === current ? 0 : -1;
  };
  const first = buttons()[0];
  if (first) rove(first);
  bar.addEventListener('focusin', (event) => {
    if (event.target instanceof HTMLButtonElement) rove(event.target);
  });
  bar.addEventListener('keydown', (event) => {
    const all = buttons();
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: all.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    all[(next + all.length) % all.length]?.focus();
  });
}
