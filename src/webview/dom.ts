// Small DOM helpers of the panel: every string from the view goes in as text, with invisible characters shown.
import { t } from './i18n';

/** C0 and C1 controls (not tab or line feed) and the bidi marks, embeddings, overrides and isolates. */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export const own = <T extends object>(obj: T, key: unknown): key is keyof T & string => typeof key === 'string' && Object.prototype.hasOwnProperty.call(obj, key);
export const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
/** A string or a finite number as text; anything else as nothing (the view is rendered defensively). */
export const text = (x: unknown): string => (typeof x === 'string' ? x : typeof x === 'number' && Number.isFinite(x) ? String(x) : '');

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, value?: unknown): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (value !== undefined) node.append(shown(value));
  return node;
}

/** Text with invisible controls replaced by visible markers, so they cannot reorder or hide what is around them. */
export function shown(value: unknown): DocumentFragment {
  const s = typeof value === 'string' ? value : String(value);
  const frag = document.createDocumentFragment();
  let last = 0;
  INVISIBLE.lastIndex = 0;
  for (let m = INVISIBLE.exec(s); m; m = INVISIBLE.exec(s)) {
    if (m.index > last) frag.append(s.slice(last, m.index));
    const code = m[0].charCodeAt(0);
    const hex = code.toString(16).toUpperCase().padStart(4, '0');
    const mark = el('span', 'ctl');
    // Spelled out rather than drawn as a Control Picture (U+2400…), which many fonts do not have.
    mark.textContent = `\\u${hex}`;
    mark.title = t('Invisible character U+{0}', hex);
    frag.append(mark);
    last = m.index + 1;
  }
  if (last < s.length) frag.append(s.slice(last));
  return frag;
}

/** A data string, isolated so right-to-left text in it cannot reorder the label beside it. */
export function value(x: unknown, className?: string): HTMLElement {
  const node = document.createElement('bdi');
  if (className) node.className = className;
  node.append(shown(text(x)));
  return node;
}

export function section(title: string, className: string): HTMLElement {
  const sec = el('section', className);
  const h = el('h2', undefined, title);
  h.id = `h-${className}`;
  sec.setAttribute('aria-labelledby', h.id);
  sec.append(h);
  return sec;
}

export function fields(): HTMLElement {
  return el('dl', 'fields');
}

type Cell = Node | string | false | undefined | null | '';

/** Adds a row when there is something to show; `rest` are extra nodes such as buttons. */
export function field(dl: HTMLElement, label: string, node: Cell, ...rest: Cell[]): void {
  if (node === undefined || node === null || node === '' || node === false) return;
  const row = el('div', 'field');
  const dd = el('dd');
  dd.append(typeof node === 'string' ? value(node) : node, ...rest.filter((r): r is Node | string => Boolean(r)));
  row.append(el('dt', undefined, label), dd);
  dl.append(row);
}
