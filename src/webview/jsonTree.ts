// The response body as a JSON tree: the first levels open, the rest drawn when opened, children in chunks, long
// strings cut, so a 5 MB body costs little up front.
import { el, isObject, shown, value } from './dom';
import { t } from './i18n';

// The work a 5 MB body may cost up front; anything beyond is drawn when its <details> is opened.
export const EAGER_NODES = 400;
const AUTO_OPEN_DEPTH = 3;
const CHILDREN_PER_CHUNK = 200;
const LONG_STRING = 20000;

interface Budget {
  left: number;
}

type Key = string | number | undefined;

function keyLabel(key: string | number): DocumentFragment {
  const k = el('span', typeof key === 'number' ? 'json-index' : 'json-key');
  k.append(typeof key === 'number' ? String(key) : value(key));
  const frag = document.createDocumentFragment();
  frag.append(k, el('span', 'json-punct', ': '));
  return frag;
}

export function jsonNode(key: Key, val: unknown, depth: number, budget: Budget): HTMLElement {
  budget.left -= 1;
  if (isObject(val)) {
    const isArray = Array.isArray(val);
    const keys = isArray ? undefined : Object.keys(val);
    const count = isArray ? val.length : (keys?.length ?? 0);
    const open = isArray ? '[' : '{';
    const close = isArray ? ']' : '}';
    if (count === 0) {
      const row = el('div', 'json-row');
      if (key !== undefined) row.append(keyLabel(key));
      row.append(el('span', 'json-punct', open + close));
      return row;
    }
    const details = el('details', 'json-node');
    const summary = el('summary');
    if (key !== undefined) summary.append(keyLabel(key));
    const counted = isArray ? (count === 1 ? t('1 item') : t('{0} items', count)) : count === 1 ? t('1 key') : t('{0} keys', count);
    summary.append(el('span', 'json-punct', open), el('span', 'json-count', counted), el('span', 'json-punct', close));
    details.append(summary);
    let filled = false;
    const fill = (childBudget: Budget) => {
      if (filled) return;
      filled = true;
      details.append(jsonChildren(val, keys, count, depth + 1, childBudget));
    };
    if (depth < AUTO_OPEN_DEPTH && budget.left > 0) {
      details.open = true;
      fill(budget);
    }
    // Opened by the user: draw this level only (its containers closed), whatever the body's size.
    details.addEventListener('toggle', () => {
      if (details.open) fill({ left: 0 });
    });
    return details;
  }
  const row = el('div', 'json-row');
  if (key !== undefined) row.append(keyLabel(key));
  row.append(jsonPrimitive(val));
  return row;
}

function jsonChildren(val: Record<string, unknown> | unknown[], keys: string[] | undefined, count: number, depth: number, budget: Budget): HTMLElement {
  const list = el('div', 'json-children');
  let next = 0;
  const more = el('button', 'action secondary small more');
  more.type = 'button';
  const addChunk = () => {
    const end = Math.min(count, next + CHILDREN_PER_CHUNK);
    const frag = document.createDocumentFragment();
    for (; next < end; next += 1) {
      const key = keys ? keys[next] : next;
      frag.append(jsonNode(key, keys ? (val as Record<string, unknown>)[keys[next]] : (val as unknown[])[next], depth, budget));
    }
    list.insertBefore(frag, more.isConnected ? more : null);
    if (next < count) {
      more.textContent = t('Show {0} more ({1} not shown)', Math.min(CHILDREN_PER_CHUNK, count - next), count - next);
      if (!more.isConnected) list.append(more);
    } else {
      more.remove();
    }
  };
  more.addEventListener('click', () => {
    addChunk();
    if (more.isConnected) more.focus();
  });
  addChunk();
  return list;
}

function jsonPrimitive(val: unknown): HTMLElement {
  if (typeof val === 'string') {
    const node = el('span', 'json-string');
    const head = val.length > LONG_STRING ? val.slice(0, LONG_STRING) : val;
    // The quotes stay outside the isolate, so right-to-left text cannot carry them to the wrong end.
    const inner = value(head);
    node.append('"', inner, '"');
    if (head.length < val.length) {
      const rest = el('button', 'action secondary small more', t('Show all {0} characters', val.length.toLocaleString()));
      rest.type = 'button';
      rest.addEventListener('click', () => {
        inner.append(shown(val.slice(LONG_STRING)));
        rest.remove();
      });
      node.append(' ', rest);
    }
    return node;
  }
  if (typeof val === 'number') return el('span', 'json-number', String(val));
  if (typeof val === 'boolean') return el('span', 'json-boolean', String(val));
  return el('span', 'json-null', 'null');
}
