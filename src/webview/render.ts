// Draws a ResultView into the page: header, toolbar, the outcome's section, the headers and the body. Every string
// in the view came from an API response or a request file, so it goes in as text, never as HTML or a link target.
import type { ResultView } from '../vscode/resultView';
import { pressed } from './a11y';
import { button, offers, renderToolbar } from './actions';
import { el, field, fields, isObject, own, section, text, value } from './dom';
import { Countdowns, countdownText, formatAmount, ms, time } from './format';
import { EAGER_NODES, jsonNode } from './jsonTree';
import { content, setBusy } from './layout';
import { t } from './i18n';

const OPERATION_TEXT: Record<ResultView['operation'], string> = { create: t('Create session'), get: t('Get session'), cancel: t('Cancel session') };
const OUTCOME_TEXT: Record<Exclude<ResultView['outcome'], 'session'>, string> = { apiError: t('API error'), networkError: t('No response'), unexpectedResponse: t('Unexpected response') };
const STATUS_CLASS: Record<string, string> = { ACTIVE: 'status-active', COMPLETED: 'status-completed', EXPIRED: 'status-expired', CANCELED: 'status-canceled' };
const TARGET_CLASS: Record<ResultView['target']['kind'], string> = { sandbox: 'target-sandbox', test: 'target-test', live: 'target-live' };

type Session = NonNullable<ResultView['session']>;
type Row = readonly [string, Node | string | undefined];

const countdowns = new Countdowns();

function renderHeader(view: ResultView): HTMLElement {
  const header = el('header', 'summary');
  const headline = el('h1', 'headline');
  const http = isObject(view.http) ? view.http : undefined;
  if (http && typeof http.status === 'number') {
    const range = http.status >= 200 && http.status < 300 ? 'http-ok' : http.status >= 400 ? 'http-error' : 'http-other';
    headline.append(el('span', `http ${range}`, `${http.status} ${text(http.statusText)}`.trim()));
  } else {
    headline.append(el('span', 'http http-error', own(OUTCOME_TEXT, view.outcome) ? OUTCOME_TEXT[view.outcome] : t('No response')));
  }
  const session = isObject(view.session) ? view.session : undefined;
  if (view.outcome === 'session' && session) headline.append(' ', badge(session.status));
  else if (own(OUTCOME_TEXT, view.outcome) && http) headline.append(' ', el('span', 'kind', OUTCOME_TEXT[view.outcome]));
  header.append(headline);

  const meta = el('dl', 'fields meta');
  field(meta, t('Request'), text(view.requestLabel));
  const target: Partial<ResultView['target']> = isObject(view.target) ? view.target : {};
  const targetNode = el('span', `target ${own(TARGET_CLASS, target.kind) ? TARGET_CLASS[target.kind] : 'target-other'}`);
  if (target.kind === 'live') targetNode.append(el('strong', 'live-tag', t('LIVE')), ' ');
  targetNode.append(value(target.label));
  if (text(target.baseUrl)) targetNode.append(' ', value(target.baseUrl, 'dim'));
  field(meta, t('Target'), targetNode);
  field(meta, t('Operation'), own(OPERATION_TEXT, view.operation) ? OPERATION_TEXT[view.operation] : text(view.operation));
  field(meta, t('Sent'), time(view.sentAt));
  const timings: Partial<NonNullable<ResultView['timings']>> = isObject(view.timings) ? view.timings : {};
  field(meta, t('First byte'), ms(timings.ttfbMs));
  field(meta, t('Total'), ms(timings.totalMs));
  header.append(meta);
  return header;
}

function badge(status: unknown): HTMLElement {
  const label = text(status) || t('UNKNOWN');
  const node = el('span', `badge ${own(STATUS_CLASS, label) ? STATUS_CLASS[label] : 'status-other'}`);
  node.append(el('span', 'status-text', label));
  // What the badge is, for screen readers: as hidden text around the status (an aria-label on an element with
  // no role is not read everywhere).
  const [before = '', after = ''] = t('Session status: {0}', '\u0000').split('\u0000');
  if (before) node.prepend(el('span', 'visually-hidden', before));
  if (after) node.append(el('span', 'visually-hidden', after));
  return node;
}

function renderSession(view: ResultView, s: Session): HTMLElement {
  const sec = section(t('Session'), 'session');
  const dl = fields();
  field(dl, t('Status'), badge(s.status));
  field(dl, t('Session id'), value(s.id, 'code'), offers(view, 'copyId') && button(t('Copy id'), { type: 'copy', what: 'id' }, 'copyId', 'secondary small'));
  field(dl, t('Reference id'), text(s.referenceId) && value(s.referenceId, 'code'));
  field(dl, t('Session type'), text(s.sessionType));
  field(dl, t('Mode'), text(s.mode));
  const amount = formatAmount(s.amount, s.currency);
  if (amount) {
    const node = value(amount, 'amount');
    node.title = `${s.amount} ${text(s.currency)}`.trim();
    field(dl, t('Amount'), node);
  }
  field(dl, t('Payment request id'), text(s.paymentRequestId) && value(s.paymentRequestId, 'code'));
  field(dl, t('Payment token id'), text(s.paymentTokenId) && value(s.paymentTokenId, 'code'));
  const link = text(s.paymentLinkUrl);
  if (link) {
    const buttons = el('span', 'inline-buttons');
    if (offers(view, 'openLink')) buttons.append(button(t('Open payment link'), { type: 'openLink', url: link }, 'openLink', 'primary small'));
    if (offers(view, 'copyLink')) buttons.append(button(t('Copy link'), { type: 'copy', what: 'link' }, 'copyLink', 'secondary small'));
    field(dl, t('Payment link'), value(link, 'code url'), buttons.childElementCount ? buttons : undefined);
  }
  field(dl, t('Created'), time(s.created));
  field(dl, t('Updated'), time(s.updated));
  const expires = time(s.expiresAt);
  if (expires) {
    const at = new Date(text(s.expiresAt)).getTime();
    const status = text(s.status);
    let countdown: HTMLElement | undefined;
    if (Number.isFinite(at) && (status === 'ACTIVE' || status === 'EXPIRED')) {
      // role=timer is not announced on every tick, unlike a live region.
      countdown = el('span', 'countdown', countdownText(at));
      countdown.setAttribute('role', 'timer');
      countdowns.add(countdown, at);
    }
    field(dl, t('Expires'), expires, countdown && ' ', countdown);
  }
  sec.append(dl);
  return sec;
}

/** A section of label/value rows followed by a plain-words note, shared by the three kinds of failure. */
function failureSection(title: string, className: string, rows: readonly Row[], note?: unknown): HTMLElement {
  const sec = section(title, className);
  const dl = fields();
  for (const [label, node] of rows) field(dl, label, node);
  sec.append(dl);
  if (text(note)) sec.append(el('p', 'explanation', note));
  return sec;
}

function renderApiError(e: NonNullable<ResultView['apiError']>): HTMLElement {
  const sec = failureSection(t('API error'), 'api-error', [[t('Error code'), value(e.errorCode, 'code')], [t('Message'), text(e.message)]], e.explanation);
  const errors = Array.isArray(e.errors) ? e.errors.filter(isObject) : [];
  if (errors.length) {
    sec.append(el('h3', undefined, t('Problems ({0})', errors.length)));
    const list = el('ul', 'problems');
    errors.forEach((entry, i) => {
      const li = el('li');
      const path = text(entry.path);
      if (path) {
        const b = button(path, { type: 'revealPath', path }, `path-${i}`, 'path');
        b.title = t('Show this field in the request file');
        b.setAttribute('aria-label', t('Show {0} in the request file', path));
        li.append(b, ' ');
      }
      li.append(value(entry.message));
      list.append(li);
    });
    sec.append(list);
  }
  return sec;
}

function renderNetworkError(n: NonNullable<ResultView['networkError']>): HTMLElement {
  return failureSection(t('Network error'), 'network-error', [[t('Kind'), value(n.kind, 'code')], [t('Message'), text(n.message)]], n.hint);
}

function renderUnexpected(u: NonNullable<ResultView['unexpectedResponse']>): HTMLElement {
  const sec = failureSection(t('Unexpected response'), 'unexpected', [[t('Reason'), text(u.reason)], [t('Content type'), text(u.contentType) && value(u.contentType, 'code')]]);
  if (text(u.firstBytes)) {
    sec.append(el('h3', undefined, t('First bytes of the body')));
    sec.append(el('pre', 'first-bytes', text(u.firstBytes)));
  }
  return sec;
}

function renderPairs(title: string, className: string, pairs: unknown): HTMLElement | undefined {
  const rows = Array.isArray(pairs) ? pairs.filter((p): p is unknown[] => Array.isArray(p) && p.length >= 2) : [];
  if (!rows.length) return undefined;
  const sec = section(title, className);
  const dl = el('dl', 'fields pairs code');
  for (const [name, val] of rows) field(dl, text(name), value(val));
  sec.append(dl);
  return sec;
}

function renderBody(view: ResultView): HTMLElement | undefined {
  if (view.body === undefined && !view.bodyOmitted) return undefined;
  const sec = section(t('Response body'), 'body');
  const bar = el('div', 'inline-buttons');
  if (offers(view, 'openBody')) {
    bar.append(button(t('Open in editor'), { type: 'openBody' }, 'openBody', 'secondary small'));
    if (view.body !== undefined) bar.append(button(t('Copy JSON'), { type: 'copy', what: 'body' }, 'copyBody', 'secondary small'));
  }
  if (bar.childElementCount) sec.append(bar);
  if (view.body === undefined) {
    sec.append(el('p', 'dim', t('The body was too large to keep across a reload. Refresh to see it again.')));
    return sec;
  }
  const tree = el('div', 'json-tree');
  tree.append(jsonNode(undefined, view.body, 0, { left: EAGER_NODES }));
  sec.append(tree);
  return sec;
}

export function render(view: ResultView): void {
  countdowns.stop();
  const active = document.activeElement;
  // Where the focus was; if a held button lost it to the page, the button pressed last gets it back.
  const focusKey = active instanceof HTMLElement && content.contains(active) ? active.dataset.focus : active === document.body ? pressed.key : undefined;
  pressed.key = undefined;
  const parts = [renderHeader(view), renderToolbar(view)];
  if (view.outcome === 'session' && isObject(view.session)) parts.push(renderSession(view, view.session));
  if (view.outcome === 'apiError' && isObject(view.apiError)) parts.push(renderApiError(view.apiError));
  if (view.outcome === 'networkError' && isObject(view.networkError)) parts.push(renderNetworkError(view.networkError));
  if (view.outcome === 'unexpectedResponse' && isObject(view.unexpectedResponse)) parts.push(renderUnexpected(view.unexpectedResponse));
  parts.push(renderPairs(t('Request options'), 'request-options', view.requestOptions), renderPairs(t('Response headers'), 'headers', view.headers), renderBody(view));
  content.replaceChildren(...parts.filter((p): p is HTMLElement => Boolean(p)));
  setBusy(undefined);
  countdowns.start();
  // Keyboard users who pressed Refresh keep their place when the new result replaces the old one.
  if (focusKey) {
    const again = content.querySelector<HTMLElement>(`[data-focus="${CSS.escape(focusKey)}"]`);
    if (again) again.focus();
  }
}

export function renderFailure(error: unknown): void {
  countdowns.stop();
  const message = error instanceof Error && error.message ? error.message : String(error);
  content.replaceChildren(el('p', 'notice notice-error', t('The panel could not show this result: {0}', message)));
}
