// The one store of what each result panel shows: its target, its session, the last status seen, the request as
// sent and the view. Refresh, Cancel, the copy buttons and a restored panel all read it; it is kept in the
// workspace's state so a panel brought back after a window reload acts as it did before.
import type * as vscode from 'vscode';
import type { SentRequest } from '../sessions/client';
import type { PanelAction, ResultView, TargetKind } from './resultView';
import { viewFromState } from './webviewMessages';

export interface ShownSession {
  readonly requestUri: string;
  readonly requestLabel: string;
  readonly target: { readonly kind: TargetKind; readonly label: string; readonly baseUrl: string };
  sessionId?: string;
  /** The session's status as last seen (a refused cancel is explained with it). */
  lastStatus?: string;
  /** The request as the client reports it: the Authorization value and the key already redacted. */
  lastRequest?: SentRequest;
  view?: ResultView;
}

/** The workspaceState key; its value is a list of entries, newest first. */
export const SHOWN_SESSIONS_KEY = 'xendit.shownSessions';
/** Panels kept across a reload; older entries (of panels long closed) are dropped. */
const MAX_KEPT = 20;
/**
 * A response body larger than this (as JSON text) is not kept: the restored panel says so and offers Refresh. A
 * session is a few KB; the limit keeps the whole list (written in full with the extension's other workspace state)
 * to about 4 MB at worst.
 */
export const KEPT_BODY_LIMIT = 100_000;
const KEPT_REQUEST_LIMIT = 100_000;
/**
 * The list is written on a timer, after the result has been posted to its panel (sessionRequests.ts keeps it
 * then): VS Code sends an extension's whole workspace state (history and webhook events included) on each update,
 * which cost a send 4-8 ms before its post. A burst of results in one turn is written once. Not later than the
 * next turn: a window reloaded just after a result (the UI reload test does it at once) keeps only what reached
 * the workbench before it went.
 */
export const KEEP_DELAY_MS = 0;
/** Buttons that need the request as sent, the session's id, or the body. */
const NEEDS_REQUEST: readonly PanelAction[] = ['copyAsCurl', 'copyAsCode', 'showRequest'];
const NEEDS_SESSION: readonly PanelAction[] = ['refresh', 'cancelSession', 'autoRefresh', 'copyId'];
const NEEDS_BODY: readonly PanelAction[] = ['openBody'];

type Kept = Omit<ShownSession, 'view'> & { readonly view?: ResultView };

export class ShownSessions implements vscode.Disposable {
  private readonly entries = new Map<string, ShownSession>();
  /** The list as it is (or is about to be) in the workspace's state, read from it once. */
  private keptList: Kept[] | undefined;
  private writeTimer: NodeJS.Timeout | undefined;
  private written: Promise<void> = Promise.resolve();

  /** `state` is the workspace's Memento; without one (tests of the panel alone) nothing outlives the store. */
  constructor(
    private readonly state?: vscode.Memento,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  get(requestUri: string): ShownSession | undefined {
    return this.entries.get(requestUri);
  }

  /** Starts over for a request: a new send, or a session opened from the history. */
  set(entry: ShownSession): ShownSession {
    this.entries.set(entry.requestUri, entry);
    return entry;
  }

  /**
   * Keeps what a panel shows for a reload: in the list at once, in the workspace's state on the next turn (one
   * write for a burst of results). Errors of the write are logged.
   */
  keep(entry: ShownSession): void {
    if (!this.state || !entry.view) return;
    this.keptList = [toKept(entry), ...this.kept().filter((e) => e.requestUri !== entry.requestUri)].slice(0, MAX_KEPT);
    this.writeTimer ??= setTimeout(() => void this.flush(), KEEP_DELAY_MS);
  }

  /** Writes the list now if a write is due; resolves when the workspace's state holds it. */
  flush(): Promise<void> {
    if (this.writeTimer === undefined) return this.written;
    clearTimeout(this.writeTimer);
    this.writeTimer = undefined;
    const list = this.keptList;
    const state = this.state;
    if (!state || !list) return this.written;
    this.written = Promise.resolve(state.update(SHOWN_SESSIONS_KEY, list)).then(undefined, (error: unknown) => this.onError(error));
    return this.written;
  }

  /** A window closing or reloading writes what is due at once. */
  dispose(): void {
    void this.flush();
  }

  /**
   * The entry of a panel VS Code brings back after a reload: from memory if this window already knows it, else from
   * the workspace's state, else rebuilt from the view an earlier version's webview saved (`legacyView`). Its view
   * offers only the buttons that can work with what was kept.
   */
  restore(requestUri: string | undefined, legacyView?: ResultView): ShownSession | undefined {
    const uri = requestUri ?? legacyView?.requestUri;
    if (!uri) return undefined;
    const known = this.entries.get(uri);
    if (known?.view) return known;
    const kept = this.kept().find((e) => e.requestUri === uri);
    const view = kept?.view ?? (legacyView?.requestUri === uri ? legacyView : undefined);
    if (!view) return undefined;
    const entry: ShownSession = kept
      ? { ...kept, view }
      : {
          requestUri: uri,
          requestLabel: view.requestLabel,
          target: view.target,
          sessionId: view.session?.id,
          lastStatus: view.session?.status,
        };
    entry.view = { ...view, actions: usableActions(entry, view) };
    return this.set(entry);
  }

  /** The request of the one kept entry whose view has this panel title, if exactly one has. */
  requestUriByTitle(title: string, titleOf: (view: ResultView) => string): string | undefined {
    const fits = this.kept().filter((e) => e.view && titleOf(e.view) === title);
    return fits.length === 1 ? fits[0].requestUri : undefined;
  }

  /**
   * The entries in the workspace's state that still read as entries (the state is on disk: checked like input),
   * read once; after that, the list this store keeps up to date.
   */
  private kept(): Kept[] {
    this.keptList ??= this.readKept();
    return this.keptList;
  }

  private readKept(): Kept[] {
    const raw = this.state?.get<unknown>(SHOWN_SESSIONS_KEY);
    if (!Array.isArray(raw)) return [];
    return raw.flatMap((e: unknown) => {
      if (typeof e !== 'object' || e === null) return [];
      const k = e as Partial<Kept>;
      const view = viewFromState({ view: k.view });
      const target = k.target;
      if (!view || typeof k.requestUri !== 'string' || view.requestUri !== k.requestUri || typeof target?.kind !== 'string') return [];
      return [{ ...(k as Kept), view, lastRequest: isSentRequest(k.lastRequest) ? k.lastRequest : undefined }];
    });
  }
}

function toKept(entry: ShownSession): Kept {
  const { view, lastRequest, ...rest } = entry;
  return {
    ...rest,
    view: view && sizeOf(view.body) > KEPT_BODY_LIMIT ? { ...view, body: undefined, bodyOmitted: true } : view,
    lastRequest: lastRequest && sizeOf(lastRequest) <= KEPT_REQUEST_LIMIT ? lastRequest : undefined,
  };
}

/** The view's buttons that have what they act on: a refresh needs the session's id, a cURL the request as sent. */
function usableActions(entry: ShownSession, view: ResultView): PanelAction[] {
  return view.actions.filter(
    (a) =>
      !(NEEDS_REQUEST.includes(a) && !entry.lastRequest) &&
      !(NEEDS_SESSION.includes(a) && !entry.sessionId) &&
      !(NEEDS_BODY.includes(a) && view.body === undefined),
  );
}

function sizeOf(value: unknown): number {
  if (value === undefined) return 0;
  try {
    return JSON.stringify(value).length;
  } catch {
    return Infinity;
  }
}

function isSentRequest(x: unknown): x is SentRequest {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as Partial<SentRequest>;
  return (
    (r.method === 'GET' || r.method === 'POST') &&
    typeof r.url === 'string' &&
    Array.isArray(r.headers) &&
    r.headers.every((h) => Array.isArray(h) && h.length === 2 && typeof h[0] === 'string' && typeof h[1] === 'string') &&
    (r.body === undefined || typeof r.body === 'string')
  );
}
