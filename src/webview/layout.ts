// The page skeleton and its live parts: the busy line and the notices stay put across renders, so screen readers
// keep following them; the result is drawn into `content`.
import type { ToWebview } from '../vscode/resultView';
import { announcer } from './a11y';
import { el } from './dom';
import { t } from './i18n';

type Operation = Extract<ToWebview, { type: 'busy' }>['operation'];

export const BUSY_TEXT: Record<Operation, string> = { create: t('Creating session…'), get: t('Refreshing…'), cancel: t('Canceling session…') };
const INFO_NOTICE_MS = 10000;
const MAX_NOTICES = 3;
// Buttons that start a request are held this long after a click: the extension says it is busy only after
// 150 ms (a quick answer needs no busy line), and a double click must not send the request twice.
const CLICK_HOLD_MS = 500;

const root = document.getElementById('root') ?? document.body.appendChild(document.createElement('main'));
const busyLine = el('p', 'busy');
busyLine.setAttribute('role', 'status');
busyLine.setAttribute('aria-live', 'polite');
const notices = el('div', 'notices');
notices.setAttribute('aria-live', 'polite');
export const content = el('div', 'content');
content.setAttribute('aria-busy', 'true');
content.append(el('p', 'placeholder', t('Waiting for the result…')));
root.removeAttribute('aria-busy');
// Busy line and notices stay in view while the result scrolls under them.
const statusArea = el('div', 'status-area');
statusArea.append(busyLine, notices, announcer);
root.replaceChildren(statusArea, content);

let holdTimer: ReturnType<typeof setTimeout> | undefined;

function setActionsDisabled(disabled: boolean): void {
  const focused = document.activeElement;
  for (const b of content.querySelectorAll<HTMLButtonElement>('button.action')) {
    // Disabling the focused button would drop a keyboard user's focus to the page: it is held with
    // aria-disabled instead (and its clicks ignored), so the focus stays where it was.
    const keepFocus = disabled && b === focused;
    b.disabled = disabled && !keepFocus;
    if (keepFocus) b.setAttribute('aria-disabled', 'true');
    else b.removeAttribute('aria-disabled');
  }
}

/** Disables the buttons until the busy state takes over, the answer is drawn, or CLICK_HOLD_MS pass. */
export function holdActions(): void {
  setActionsDisabled(true);
  clearTimeout(holdTimer);
  holdTimer = setTimeout(() => {
    holdTimer = undefined;
    if (!busyLine.classList.contains('active')) setActionsDisabled(false);
  }, CLICK_HOLD_MS);
}

export function setBusy(operation: Operation | undefined): void {
  busyLine.textContent = operation ? BUSY_TEXT[operation] : '';
  busyLine.classList.toggle('active', Boolean(operation));
  content.setAttribute('aria-busy', String(Boolean(operation)));
  clearTimeout(holdTimer);
  holdTimer = undefined;
  setActionsDisabled(Boolean(operation));
}

export function addNotice(level: 'info' | 'error', message: string): void {
  const p = el('p', `notice notice-${level}`, message);
  // An error interrupts; an info ("Link copied") waits its turn and then goes away by itself.
  if (level === 'error') {
    p.setAttribute('role', 'alert');
    setBusy(undefined);
  } else {
    setTimeout(() => p.remove(), INFO_NOTICE_MS);
  }
  notices.append(p);
  while (notices.childElementCount > MAX_NOTICES) notices.firstElementChild?.remove();
}

export function clearNotices(): void {
  notices.replaceChildren();
}
