// Draws the ResultView the extension posts, with DOM nodes and text only: every string in it came from an API
// response or a request file, so none of it is ever parsed as HTML or used as a link target.
(function () {
  'use strict';

  const vscode = acquireVsCodeApi();

  const BUSY_TEXT = { create: 'Creating session…', get: 'Refreshing…', cancel: 'Canceling session…' };
  const OPERATION_TEXT = { create: 'Create session', get: 'Get session', cancel: 'Cancel session' };
  const OUTCOME_TEXT = { apiError: 'API error', networkError: 'No response', unexpectedResponse: 'Unexpected response' };
  const STATUS_CLASS = { ACTIVE: 'status-active', COMPLETED: 'status-completed', EXPIRED: 'status-expired', CANCELED: 'status-canceled' };
  const TARGET_CLASS = { sandbox: 'target-sandbox', test: 'target-test', live: 'target-live' };
  /** Buttons of the toolbar, in display order; the other PanelActions sit next to what they act on. */
  const TOOLBAR = [
    ['refresh', 'Refresh', { type: 'refresh' }],
    ['cancelSession', 'Cancel session', { type: 'cancelSession' }],
    ['copyAsCurl', 'Copy as cURL', { type: 'copyAsCurl' }],
    ['copyAsCode', 'Copy as code', { type: 'copyAsCode' }],
    ['showRequest', 'Show request as sent', { type: 'showRequest' }],
  ];
  const FINAL_STATUSES = new Set(['COMPLETED', 'EXPIRED', 'CANCELED']);
  // ISO 4217 gives IDR two minor units, but Xendit and everyone paying in rupiah or dong use none.
  const NO_DECIMALS = new Set(['IDR', 'VND']);
  // Matches the extension's limit on the status it accepts back in 'rendered'.
  const STATUS_MAX = 64;
  // The work a 5 MB body may cost up front; anything beyond is drawn when its <details> is opened.
  const EAGER_NODES = 400;
  const AUTO_OPEN_DEPTH = 3;
  const CHILDREN_PER_CHUNK = 200;
  const LONG_STRING = 20000;
  // Webview state is persisted by the workbench: a huge body is not worth keeping there.
  const STATE_BODY_LIMIT = 1000000;
  const INFO_NOTICE_MS = 10000;
  // Buttons that start a request are held this long after a click: the extension says it is busy only after
  // 150 ms (a quick answer needs no busy line), and a double click must not send the request twice.
  const STARTS_REQUEST = new Set(['refresh', 'cancelSession']);
  const CLICK_HOLD_MS = 500;
  const MAX_NOTICES = 3;
  // C0 and C1 controls (not tab or line feed) and the bidi marks, embeddings, overrides and isolates.
  // eslint-disable-next-line no-control-regex
  const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

  const own = (obj, key) => typeof key === 'string' && Object.prototype.hasOwnProperty.call(obj, key);
  const isObject = (x) => typeof x === 'object' && x !== null;
  const text = (x) => (typeof x === 'string' ? x : typeof x === 'number' && Number.isFinite(x) ? String(x) : '');

  let state = { view: undefined, autoRefresh: false };
  let countdowns = [];
  let countdownTimer;
  let holdTimer;

  // The page skeleton: the live regions stay put across renders so screen readers keep following them.
  const root = document.getElementById('root') || document.body.appendChild(document.createElement('main'));
  const busyLine = el('p', 'busy');
  busyLine.setAttribute('role', 'status');
  busyLine.setAttribute('aria-live', 'polite');
  const notices = el('div', 'notices');
  notices.setAttribute('aria-live', 'polite');
  const content = el('div', 'content');
  content.setAttribute('aria-busy', 'true');
  content.append(el('p', 'placeholder', 'Waiting for the result…'));
  root.removeAttribute('aria-busy');
  // Busy line and notices stay in view while the result scrolls under them.
  const statusArea = el('div', 'status-area');
  statusArea.append(busyLine, notices);
  root.replaceChildren(statusArea, content);

  // ---- small DOM helpers -------------------------------------------------------------------------------

  function el(tag, className, value) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (value !== undefined) node.append(shown(value));
    return node;
  }

  /** Text with invisible controls replaced by visible markers, so they cannot reorder or hide what is around them. */
  function shown(value) {
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
      mark.title = `Invisible character U+${hex}`;
      frag.append(mark);
      last = m.index + 1;
    }
    if (last < s.length) frag.append(s.slice(last));
    return frag;
  }

  /** A data string, isolated so right-to-left text in it cannot reorder the label beside it. */
  function value(x, className) {
    const node = document.createElement('bdi');
    if (className) node.className = className;
    node.append(shown(text(x)));
    return node;
  }

  function button(label, message, focusKey, className) {
    const b = el('button', className ? `action ${className}` : 'action', label);
    b.type = 'button';
    b.dataset.focus = focusKey;
    b.addEventListener('click', () => {
      if (STARTS_REQUEST.has(message.type)) holdActions();
      vscode.postMessage(message);
    });
    return b;
  }

  function setActionsDisabled(disabled) {
    for (const b of content.querySelectorAll('button.action')) b.disabled = disabled;
  }

  /** Disables the buttons until the busy state takes over, the answer is drawn, or CLICK_HOLD_MS pass. */
  function holdActions() {
    setActionsDisabled(true);
    clearTimeout(holdTimer);
    holdTimer = setTimeout(() => {
      holdTimer = undefined;
      if (!busyLine.classList.contains('active')) setActionsDisabled(false);
    }, CLICK_HOLD_MS);
  }

  function section(title, className) {
    const sec = el('section', className);
    const h = el('h2', undefined, title);
    h.id = `h-${className}`;
    sec.setAttribute('aria-labelledby', h.id);
    sec.append(h);
    return sec;
  }

  function fields() {
    return el('dl', 'fields');
  }

  /** Adds a row when there is something to show; `rest` are extra nodes such as buttons. */
  function field(dl, label, node, ...rest) {
    if (node === undefined || node === null || node === '') return;
    const row = el('div', 'field');
    const dd = el('dd');
    dd.append(typeof node === 'string' ? value(node) : node, ...rest.filter(Boolean));
    row.append(el('dt', undefined, label), dd);
    dl.append(row);
  }

  function time(iso) {
    const raw = text(iso);
    if (!raw) return undefined;
    const d = new Date(raw);
    if (Number.isNaN(d.getTime())) return value(raw);
    const t = el('time');
    t.setAttribute('datetime', d.toISOString());
    t.title = d.toISOString();
    t.textContent = d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
    return t;
  }

  function ms(x) {
    return typeof x === 'number' && Number.isFinite(x) ? `${Math.round(x)} ms` : undefined;
  }

  function formatAmount(amount, currency) {
    if (typeof amount !== 'number' || !Number.isFinite(amount)) return undefined;
    const code = text(currency).toUpperCase();
    try {
      if (!code) return new Intl.NumberFormat().format(amount);
      const options = { style: 'currency', currency: code };
      if (NO_DECIMALS.has(code) && Number.isInteger(amount)) {
        options.minimumFractionDigits = 0;
        options.maximumFractionDigits = 0;
      }
      return new Intl.NumberFormat(undefined, options).format(amount);
    } catch {
      // Not an ISO currency code: show the figures as they came.
      return `${amount} ${code}`;
    }
  }

  function span(units) {
    const s = Math.floor(units / 1000);
    if (s < 60) return `${s} s`;
    const m = Math.floor(s / 60);
    if (m < 60) return `${m} min ${s % 60} s`;
    const h = Math.floor(m / 60);
    if (h < 24) return `${h} h ${m % 60} min`;
    return `${Math.floor(h / 24)} d ${h % 24} h`;
  }

  function countdownText(expiresAt) {
    const left = expiresAt - Date.now();
    return left > 0 ? `expires in ${span(left)}` : `expired ${span(-left)} ago`;
  }

  function stopCountdowns() {
    clearInterval(countdownTimer);
    countdownTimer = undefined;
    countdowns = [];
  }

  function tickCountdowns() {
    for (const c of countdowns) c.node.textContent = countdownText(c.at);
  }

  // ---- sections ----------------------------------------------------------------------------------------

  function offers(view, action) {
    return Array.isArray(view.actions) && view.actions.includes(action);
  }

  function renderHeader(view) {
    const header = el('header', 'summary');
    const headline = el('h1', 'headline');
    const http = isObject(view.http) ? view.http : undefined;
    if (http && typeof http.status === 'number') {
      const range = http.status >= 200 && http.status < 300 ? 'http-ok' : http.status >= 400 ? 'http-error' : 'http-other';
      headline.append(el('span', `http ${range}`, `${http.status} ${text(http.statusText)}`.trim()));
    } else {
      headline.append(el('span', 'http http-error', own(OUTCOME_TEXT, view.outcome) ? OUTCOME_TEXT[view.outcome] : 'No response'));
    }
    const session = isObject(view.session) ? view.session : undefined;
    if (view.outcome === 'session' && session) headline.append(' ', badge(session.status));
    else if (own(OUTCOME_TEXT, view.outcome) && http) headline.append(' ', el('span', 'kind', OUTCOME_TEXT[view.outcome]));
    header.append(headline);

    const meta = el('dl', 'fields meta');
    field(meta, 'Request', text(view.requestLabel));
    const target = isObject(view.target) ? view.target : {};
    const targetNode = el('span', `target ${own(TARGET_CLASS, target.kind) ? TARGET_CLASS[target.kind] : 'target-other'}`);
    if (target.kind === 'live') targetNode.append(el('strong', 'live-tag', 'LIVE'), ' ');
    targetNode.append(value(target.label));
    if (text(target.baseUrl)) targetNode.append(' ', value(target.baseUrl, 'dim'));
    field(meta, 'Target', targetNode);
    field(meta, 'Operation', own(OPERATION_TEXT, view.operation) ? OPERATION_TEXT[view.operation] : text(view.operation));
    field(meta, 'Sent', time(view.sentAt));
    const timings = isObject(view.timings) ? view.timings : {};
    field(meta, 'First byte', ms(timings.ttfbMs));
    field(meta, 'Total', ms(timings.totalMs));
    header.append(meta);
    return header;
  }

  function badge(status) {
    const label = text(status) || 'UNKNOWN';
    const node = el('span', `badge ${own(STATUS_CLASS, label) ? STATUS_CLASS[label] : 'status-other'}`, label);
    node.setAttribute('aria-label', `Session status: ${label}`);
    return node;
  }

  function renderToolbar(view) {
    const bar = el('div', 'toolbar');
    bar.setAttribute('aria-label', 'Result actions');
    for (const [action, label, message] of TOOLBAR) {
      if (offers(view, action)) bar.append(button(label, message, action, action === 'refresh' ? 'primary' : 'secondary'));
    }
    if (offers(view, 'autoRefresh')) {
      const final = view.outcome !== 'session' || FINAL_STATUSES.has(text(view.session && view.session.status));
      if (final) state.autoRefresh = false;
      const toggle = el('button', 'action secondary toggle', 'Auto-refresh until final');
      toggle.type = 'button';
      toggle.dataset.focus = 'autoRefresh';
      toggle.setAttribute('aria-pressed', String(state.autoRefresh));
      toggle.addEventListener('click', () => {
        state.autoRefresh = !state.autoRefresh;
        toggle.setAttribute('aria-pressed', String(state.autoRefresh));
        saveState();
        vscode.postMessage({ type: 'autoRefresh', on: state.autoRefresh });
      });
      bar.append(toggle);
    } else {
      state.autoRefresh = false;
    }
    return bar.childElementCount ? bar : undefined;
  }

  function renderSession(view, s) {
    const sec = section('Session', 'session');
    const dl = fields();
    field(dl, 'Status', badge(s.status));
    field(dl, 'Session id', value(s.id, 'code'), offers(view, 'copyId') && button('Copy id', { type: 'copy', what: 'id' }, 'copyId', 'secondary small'));
    field(dl, 'Reference id', text(s.referenceId) && value(s.referenceId, 'code'));
    field(dl, 'Session type', text(s.sessionType));
    field(dl, 'Mode', text(s.mode));
    const amount = formatAmount(s.amount, s.currency);
    if (amount) {
      const node = value(amount, 'amount');
      node.title = `${s.amount} ${text(s.currency)}`.trim();
      field(dl, 'Amount', node);
    }
    field(dl, 'Payment request id', text(s.paymentRequestId) && value(s.paymentRequestId, 'code'));
    field(dl, 'Payment token id', text(s.paymentTokenId) && value(s.paymentTokenId, 'code'));
    const link = text(s.paymentLinkUrl);
    if (link) {
      const buttons = el('span', 'inline-buttons');
      if (offers(view, 'openLink')) buttons.append(button('Open payment link', { type: 'openLink', url: link }, 'openLink', 'primary small'));
      if (offers(view, 'copyLink')) buttons.append(button('Copy link', { type: 'copy', what: 'link' }, 'copyLink', 'secondary small'));
      field(dl, 'Payment link', value(link, 'code url'), buttons.childElementCount ? buttons : undefined);
    }
    field(dl, 'Created', time(s.created));
    field(dl, 'Updated', time(s.updated));
    const expires = time(s.expiresAt);
    if (expires) {
      const at = new Date(text(s.expiresAt)).getTime();
      const status = text(s.status);
      let countdown;
      if (Number.isFinite(at) && (status === 'ACTIVE' || status === 'EXPIRED')) {
        // role=timer is not announced on every tick, unlike a live region.
        countdown = el('span', 'countdown', countdownText(at));
        countdown.setAttribute('role', 'timer');
        countdowns.push({ node: countdown, at });
      }
      field(dl, 'Expires', expires, countdown && ' ', countdown);
    }
    sec.append(dl);
    return sec;
  }

  /** A section of label/value rows followed by a plain-words note, shared by the three kinds of failure. */
  function failureSection(title, className, rows, note) {
    const sec = section(title, className);
    const dl = fields();
    for (const [label, node] of rows) field(dl, label, node);
    sec.append(dl);
    if (text(note)) sec.append(el('p', 'explanation', note));
    return sec;
  }

  function renderApiError(e) {
    const sec = failureSection('API error', 'api-error', [['Error code', value(e.errorCode, 'code')], ['Message', text(e.message)]], e.explanation);
    const errors = Array.isArray(e.errors) ? e.errors.filter(isObject) : [];
    if (errors.length) {
      sec.append(el('h3', undefined, `Problems (${errors.length})`));
      const list = el('ul', 'problems');
      errors.forEach((entry, i) => {
        const li = el('li');
        const path = text(entry.path);
        if (path) {
          const b = button(path, { type: 'revealPath', path }, `path-${i}`, 'path');
          b.title = 'Show this field in the request file';
          b.setAttribute('aria-label', `Show ${path} in the request file`);
          li.append(b, ' ');
        }
        li.append(value(entry.message));
        list.append(li);
      });
      sec.append(list);
    }
    return sec;
  }

  function renderNetworkError(n) {
    return failureSection('Network error', 'network-error', [['Kind', value(n.kind, 'code')], ['Message', text(n.message)]], n.hint);
  }

  function renderUnexpected(u) {
    const rows = [['Reason', text(u.reason)], ['Content type', text(u.contentType) && value(u.contentType, 'code')]];
    const sec = failureSection('Unexpected response', 'unexpected', rows);
    if (text(u.firstBytes)) {
      sec.append(el('h3', undefined, 'First bytes of the body'));
      sec.append(el('pre', 'first-bytes', text(u.firstBytes)));
    }
    return sec;
  }

  function renderPairs(title, className, pairs) {
    const rows = Array.isArray(pairs) ? pairs.filter((p) => Array.isArray(p) && p.length >= 2) : [];
    if (!rows.length) return undefined;
    const sec = section(title, className);
    const dl = el('dl', 'fields pairs code');
    for (const [name, val] of rows) field(dl, text(name), value(val));
    sec.append(dl);
    return sec;
  }

  // ---- the body as a JSON tree ---------------------------------------------------------------------------

  function renderBody(view) {
    if (view.body === undefined && !view.bodyOmitted) return undefined;
    const sec = section('Response body', 'body');
    const bar = el('div', 'inline-buttons');
    if (offers(view, 'openBody')) {
      bar.append(button('Open in editor', { type: 'openBody' }, 'openBody', 'secondary small'));
      if (view.body !== undefined) bar.append(button('Copy JSON', { type: 'copy', what: 'body' }, 'copyBody', 'secondary small'));
    }
    if (bar.childElementCount) sec.append(bar);
    if (view.body === undefined) {
      sec.append(el('p', 'dim', 'The body was too large to keep across a reload. Refresh to see it again.'));
      return sec;
    }
    const tree = el('div', 'json-tree');
    tree.append(jsonNode(undefined, view.body, 0, { left: EAGER_NODES }));
    sec.append(tree);
    return sec;
  }

  function keyLabel(key) {
    if (key === undefined) return undefined;
    const k = el('span', typeof key === 'number' ? 'json-index' : 'json-key');
    k.append(typeof key === 'number' ? String(key) : value(key));
    const frag = document.createDocumentFragment();
    frag.append(k, el('span', 'json-punct', ': '));
    return frag;
  }

  function jsonNode(key, val, depth, budget) {
    budget.left -= 1;
    if (isObject(val)) {
      const isArray = Array.isArray(val);
      const keys = isArray ? undefined : Object.keys(val);
      const count = isArray ? val.length : keys.length;
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
      summary.append(el('span', 'json-punct', open), el('span', 'json-count', isArray ? `${count} item${count === 1 ? '' : 's'}` : `${count} key${count === 1 ? '' : 's'}`), el('span', 'json-punct', close));
      details.append(summary);
      let filled = false;
      const fill = (childBudget) => {
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

  function jsonChildren(val, keys, count, depth, budget) {
    const list = el('div', 'json-children');
    let next = 0;
    const more = el('button', 'action secondary small more');
    more.type = 'button';
    const addChunk = () => {
      const end = Math.min(count, next + CHILDREN_PER_CHUNK);
      const frag = document.createDocumentFragment();
      for (; next < end; next += 1) {
        const key = keys ? keys[next] : next;
        frag.append(jsonNode(key, keys ? val[key] : val[next], depth, budget));
      }
      list.insertBefore(frag, more.isConnected ? more : null);
      if (next < count) {
        more.textContent = `Show ${Math.min(CHILDREN_PER_CHUNK, count - next)} more (${count - next} not shown)`;
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

  function jsonPrimitive(val) {
    if (typeof val === 'string') {
      const node = el('span', 'json-string');
      const head = val.length > LONG_STRING ? val.slice(0, LONG_STRING) : val;
      // The quotes stay outside the isolate, so right-to-left text cannot carry them to the wrong end.
      const inner = value(head);
      node.append('"', inner, '"');
      if (head.length < val.length) {
        const rest = el('button', 'action secondary small more', `Show all ${val.length.toLocaleString()} characters`);
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

  // ---- state, busy, notices ---------------------------------------------------------------------------

  function saveState() {
    let view = state.view;
    if (view && view.body !== undefined) {
      let size;
      try {
        size = JSON.stringify(view.body).length;
      } catch {
        size = Infinity;
      }
      if (size > STATE_BODY_LIMIT) view = Object.assign({}, view, { body: undefined, bodyOmitted: true });
    }
    vscode.setState({ view, autoRefresh: state.autoRefresh });
  }

  function setBusy(operation) {
    busyLine.textContent = operation ? BUSY_TEXT[operation] : '';
    busyLine.classList.toggle('active', Boolean(operation));
    content.setAttribute('aria-busy', String(Boolean(operation)));
    clearTimeout(holdTimer);
    holdTimer = undefined;
    setActionsDisabled(Boolean(operation));
  }

  function addNotice(level, message) {
    const p = el('p', `notice notice-${level}`, message);
    // An error interrupts; an info ("Link copied") waits its turn and then goes away by itself.
    if (level === 'error') {
      p.setAttribute('role', 'alert');
      setBusy(undefined);
    } else {
      setTimeout(() => p.remove(), INFO_NOTICE_MS);
    }
    notices.append(p);
    while (notices.childElementCount > MAX_NOTICES) notices.firstElementChild.remove();
  }

  // ---- rendering a result ----------------------------------------------------------------------------

  function render(view) {
    stopCountdowns();
    const active = document.activeElement;
    const focusKey = active && content.contains(active) && active.dataset ? active.dataset.focus : undefined;
    const parts = [renderHeader(view), renderToolbar(view)];
    if (view.outcome === 'session' && isObject(view.session)) parts.push(renderSession(view, view.session));
    if (view.outcome === 'apiError' && isObject(view.apiError)) parts.push(renderApiError(view.apiError));
    if (view.outcome === 'networkError' && isObject(view.networkError)) parts.push(renderNetworkError(view.networkError));
    if (view.outcome === 'unexpectedResponse' && isObject(view.unexpectedResponse)) parts.push(renderUnexpected(view.unexpectedResponse));
    parts.push(
      renderPairs('Request options', 'request-options', view.requestOptions),
      renderPairs('Response headers', 'headers', view.headers),
      renderBody(view),
    );
    content.replaceChildren(...parts.filter(Boolean));
    setBusy(undefined);
    if (countdowns.length) countdownTimer = setInterval(tickCountdowns, 1000);
    // Keyboard users who pressed Refresh keep their place when the new result replaces the old one.
    if (focusKey) {
      const again = content.querySelector(`[data-focus="${CSS.escape(focusKey)}"]`);
      if (again) again.focus();
    }
  }

  function renderFailure(error) {
    stopCountdowns();
    content.replaceChildren(el('p', 'notice notice-error', `The panel could not show this result: ${error && error.message ? error.message : error}`));
  }

  /** Calls back once, on the first animation frame after the DOM update (or after a second if frames are throttled). */
  function afterPaint(callback) {
    let done = false;
    const once = () => {
      if (done) return;
      done = true;
      callback();
    };
    requestAnimationFrame(once);
    setTimeout(once, 1000);
  }

  function onResult(view, seq) {
    const received = performance.now();
    state.view = view;
    notices.replaceChildren();
    try {
      render(view);
    } catch (error) {
      renderFailure(error);
      return;
    }
    saveState();
    afterPaint(() => {
      const status = view.outcome === 'session' && isObject(view.session) ? text(view.session.status).slice(0, STATUS_MAX) : '';
      const message = { type: 'rendered', outcome: view.outcome, firstPaintMs: performance.now() - received };
      if (status) message.status = status;
      if (Number.isSafeInteger(seq)) message.seq = seq;
      vscode.postMessage(message);
    });
  }

  window.addEventListener('message', (event) => {
    const msg = event.data;
    if (!isObject(msg)) return;
    if (msg.type === 'result' && isObject(msg.view)) onResult(msg.view, msg.seq);
    else if (msg.type === 'busy' && own(BUSY_TEXT, msg.operation)) setBusy(msg.operation);
    else if (msg.type === 'notice' && (msg.level === 'info' || msg.level === 'error') && typeof msg.text === 'string') addNotice(msg.level, msg.text);
  });

  // Hidden and shown again, or the window reloaded: draw what we had at once, then ask for the latest.
  const saved = vscode.getState();
  if (isObject(saved) && isObject(saved.view)) {
    state = { view: saved.view, autoRefresh: saved.autoRefresh === true };
    try {
      render(saved.view);
    } catch (error) {
      renderFailure(error);
    }
  }
  vscode.postMessage({ type: 'ready' });
})();
