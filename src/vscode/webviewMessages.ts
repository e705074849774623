// Checks what the result panel's webview sends back: it renders API data, so its messages and saved state are
// untrusted input. Hand-written on purpose: this runs on the activation path, where zod would cost ~20 ms.
import type { FromWebview, PanelAction, ResultView } from './resultView';

export const MESSAGE_LIMITS = {
  url: 8192,
  path: 512,
  status: 64,
  /** An hour: anything slower than that is not a measurement worth keeping. */
  firstPaintMs: 3_600_000,
  requestUri: 8192,
  requestLabel: 512,
} as const;

const OUTCOMES: ReadonlySet<string> = new Set<ResultView['outcome']>(['session', 'apiError', 'unexpectedResponse', 'networkError']);
const COPY_WHAT: ReadonlySet<string> = new Set(['link', 'id', 'body']);
const PANEL_ACTIONS: ReadonlySet<string> = new Set<PanelAction>([
  'openLink', 'copyLink', 'copyId', 'openBody', 'refresh', 'cancelSession', 'autoRefresh', 'copyAsCurl', 'copyAsCode', 'showRequest',
]);
/** Messages that carry nothing but their type. */
const BARE_TYPES = ['ready', 'openBody', 'refresh', 'cancelSession', 'copyAsCurl', 'copyAsCode', 'showRequest'] as const;
type BareType = (typeof BARE_TYPES)[number];
const BARE: ReadonlySet<string> = new Set(BARE_TYPES);

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function boundedString(x: unknown, max: number): x is string {
  return typeof x === 'string' && x.length > 0 && x.length <= max;
}

/**
 * Returns a fresh message holding only the known fields when `raw` is a well-formed FromWebview, otherwise
 * undefined. Extra fields are dropped rather than refused, so a newer panel script stays compatible.
 */
export function parseFromWebview(raw: unknown): FromWebview | undefined {
  if (!isRecord(raw) || typeof raw.type !== 'string') return undefined;
  const type = raw.type;
  if (BARE.has(type)) return { type: type as BareType };
  switch (type) {
    case 'rendered': {
      const { outcome, status, firstPaintMs, seq } = raw;
      if (typeof outcome !== 'string' || !OUTCOMES.has(outcome)) return undefined;
      if (status !== undefined && !boundedString(status, MESSAGE_LIMITS.status)) return undefined;
      if (typeof firstPaintMs !== 'number' || !Number.isFinite(firstPaintMs)) return undefined;
      if (firstPaintMs < 0 || firstPaintMs > MESSAGE_LIMITS.firstPaintMs) return undefined;
      if (seq !== undefined && !(Number.isSafeInteger(seq) && (seq as number) >= 0)) return undefined;
      return {
        type,
        outcome: outcome as ResultView['outcome'],
        ...(status === undefined ? {} : { status }),
        firstPaintMs,
        ...(seq === undefined ? {} : { seq: seq as number }),
      };
    }
    case 'openLink':
      return boundedString(raw.url, MESSAGE_LIMITS.url) ? { type, url: raw.url } : undefined;
    case 'copy':
      return typeof raw.what === 'string' && COPY_WHAT.has(raw.what) ? { type, what: raw.what as 'link' | 'id' | 'body' } : undefined;
    case 'revealPath':
      return boundedString(raw.path, MESSAGE_LIMITS.path) ? { type, path: raw.path } : undefined;
    case 'autoRefresh':
      return typeof raw.on === 'boolean' ? { type, on: raw.on } : undefined;
    default:
      return undefined;
  }
}

/**
 * Whether a well-formed message matches what the panel was actually given: a button the view did not offer, a
 * link other than the session's own, or a path that is not one of the error's paths is refused. A webview that
 * was tricked into posting something else cannot make the extension act beyond the result it shows.
 */
export function isAllowedFor(message: FromWebview, view: ResultView | undefined): boolean {
  if (message.type === 'ready' || message.type === 'rendered') return true;
  if (!view || !Array.isArray(view.actions)) return false;
  const offers = (action: PanelAction) => view.actions.includes(action);
  switch (message.type) {
    case 'openLink':
      return offers('openLink') && typeof view.session?.paymentLinkUrl === 'string' && message.url === view.session.paymentLinkUrl;
    case 'copy':
      if (message.what === 'link') return offers('copyLink') && typeof view.session?.paymentLinkUrl === 'string';
      if (message.what === 'id') return offers('copyId') && typeof view.session?.id === 'string';
      return offers('openBody') && view.body !== undefined;
    case 'revealPath':
      return Array.isArray(view.apiError?.errors) && view.apiError.errors.some((e) => e?.path === message.path);
    default:
      return offers(message.type);
  }
}

/**
 * The view a restored panel may start from: the webview saved it with setState, so it is checked like a message.
 * Only the fields the extension itself reads are checked deeply; the webview renders the rest defensively.
 */
export function viewFromState(state: unknown): ResultView | undefined {
  if (!isRecord(state) || !isRecord(state.view)) return undefined;
  const view = state.view;
  if (!boundedString(view.requestUri, MESSAGE_LIMITS.requestUri)) return undefined;
  if (typeof view.requestLabel !== 'string' || view.requestLabel.length > MESSAGE_LIMITS.requestLabel) return undefined;
  if (typeof view.outcome !== 'string' || !OUTCOMES.has(view.outcome)) return undefined;
  if (!Array.isArray(view.actions) || !view.actions.every((a) => typeof a === 'string' && PANEL_ACTIONS.has(a))) return undefined;
  if (view.session !== undefined && !(isRecord(view.session) && typeof view.session.id === 'string' && typeof view.session.status === 'string')) {
    return undefined;
  }
  if (view.apiError !== undefined && !(isRecord(view.apiError) && Array.isArray(view.apiError.errors))) return undefined;
  if (view.http !== undefined && !(isRecord(view.http) && typeof view.http.status === 'number')) return undefined;
  return view as unknown as ResultView;
}
