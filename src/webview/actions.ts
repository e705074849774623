// The panel's buttons: each posts one FromWebview message, and only the PanelActions the view offers are drawn.
import type { FromWebview, PanelAction, ResultView } from '../vscode/resultView';
import { makeToolbar, pressed } from './a11y';
import { el, text } from './dom';
import { t } from './i18n';
import { holdActions } from './layout';
import { panel, post, saveState } from './state';

/** Buttons of the toolbar, in display order; the other PanelActions sit next to what they act on. */
const TOOLBAR: readonly (readonly [PanelAction, string, FromWebview])[] = [
  ['refresh', t('Refresh'), { type: 'refresh' }],
  ['cancelSession', t('Cancel session'), { type: 'cancelSession' }],
  ['copyAsCurl', t('Copy as cURL'), { type: 'copyAsCurl' }],
  ['copyAsCode', t('Copy as code'), { type: 'copyAsCode' }],
  ['showRequest', t('Show request as sent'), { type: 'showRequest' }],
  ['paySandbox', t('Pay (sandbox)'), { type: 'paySandbox' }],
  ['expireSandbox', t('Expire now (sandbox)'), { type: 'expireSandbox' }],
];
const FINAL_STATUSES = new Set(['COMPLETED', 'EXPIRED', 'CANCELED']);
const STARTS_REQUEST = new Set<FromWebview['type']>(['refresh', 'cancelSession', 'paySandbox', 'expireSandbox']);

export function offers(view: ResultView, action: PanelAction): boolean {
  return Array.isArray(view.actions) && view.actions.includes(action);
}

export function button(label: string, message: FromWebview, focusKey: string, className?: string): HTMLButtonElement {
  const b = el('button', className ? `action ${className}` : 'action', label);
  b.type = 'button';
  b.dataset.focus = focusKey;
  b.addEventListener('click', () => {
    if (b.getAttribute('aria-disabled') === 'true') return;
    pressed.key = focusKey;
    if (STARTS_REQUEST.has(message.type)) holdActions();
    post(message);
  });
  return b;
}

export function renderToolbar(view: ResultView): HTMLElement | undefined {
  const bar = el('div', 'toolbar');
  bar.setAttribute('aria-label', t('Result actions'));
  for (const [action, label, message] of TOOLBAR) {
    if (offers(view, action)) bar.append(button(label, message, action, action === 'refresh' ? 'primary' : 'secondary'));
  }
  if (offers(view, 'autoRefresh')) {
    const final = view.outcome !== 'session' || FINAL_STATUSES.has(text(view.session?.status));
    if (final) panel.autoRefresh = false;
    const toggle = el('button', 'action secondary toggle', t('Auto-refresh until final'));
    toggle.type = 'button';
    toggle.dataset.focus = 'autoRefresh';
    toggle.setAttribute('aria-pressed', String(panel.autoRefresh));
    toggle.addEventListener('click', () => {
      panel.autoRefresh = !panel.autoRefresh;
      toggle.setAttribute('aria-pressed', String(panel.autoRefresh));
      saveState();
      post({ type: 'autoRefresh', on: panel.autoRefresh });
    });
    bar.append(toggle);
  } else {
    panel.autoRefresh = false;
  }
  if (!bar.childElementCount) return undefined;
  makeToolbar(bar);
  return bar;
}
