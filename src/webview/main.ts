// The result panel's webview script (built by esbuild to media/panel.js): draws the ResultView the extension posts,
// reports back what it drew, and asks for the latest result each time it (re)loads.
import type { ResultView } from '../vscode/resultView';
import type { MESSAGE_LIMITS } from '../vscode/webviewMessageSchema';
import { announce, errorCodeOf } from './a11y';
import { isObject, own, text } from './dom';
import { BUSY_TEXT, addNotice, clearNotices, setBusy } from './layout';
import { render, renderFailure } from './render';
import { panel, post, saveState, savedState } from './state';

// The extension's limit on the status it accepts back in 'rendered' (the type fails to compile when they differ).
const STATUS_MAX: (typeof MESSAGE_LIMITS)['status'] = 64;

/** Calls back once, on the first animation frame after the DOM update (or after a second if frames are throttled). */
function afterPaint(callback: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    callback();
  };
  requestAnimationFrame(once);
  setTimeout(once, 1000);
}

/** A User Timing mark (the latest only), so the UI bench can tell the page's start-up from the result's arrival. */
function mark(name: 'xsp-ready' | 'xsp-result'): void {
  performance.clearMarks(name);
  performance.mark(name);
}

/**
 * The result drawn last (its `seq`). A new page is sent its result at once and again when it says ready (whichever
 * reaches it first is drawn): the second is skipped.
 */
let drawnSeq: number | undefined;

function onResult(view: ResultView, seq: unknown): void {
  if (typeof seq === 'number' && seq === drawnSeq) return;
  mark('xsp-result');
  const received = performance.now();
  panel.view = view;
  clearNotices();
  try {
    render(view);
  } catch (error) {
    renderFailure(error);
    return;
  }
  drawnSeq = typeof seq === 'number' ? seq : undefined;
  saveState();
  // Screen readers hear the outcome once: the headline (HTTP status and the session's status, or what went wrong).
  const headline = document.querySelector('.headline')?.textContent?.trim() ?? '';
  announce([headline, errorCodeOf(view)].filter(Boolean).join(' · '));
  afterPaint(() => {
    const status = view.outcome === 'session' && isObject(view.session) ? text(view.session.status).slice(0, STATUS_MAX) : '';
    post({
      type: 'rendered',
      outcome: view.outcome,
      firstPaintMs: performance.now() - received,
      ...(status ? { status } : {}),
      ...(typeof seq === 'number' && Number.isSafeInteger(seq) ? { seq } : {}),
    });
  });
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  // Posted by the extension (a ToWebview), but checked all the same: the panel draws only what has the expected shape.
  const msg: unknown = event.data;
  if (!isObject(msg)) return;
  if (msg.type === 'result' && isObject(msg.view)) onResult(msg.view as unknown as ResultView, msg.seq);
  else if (msg.type === 'busy' && own(BUSY_TEXT, msg.operation)) setBusy(msg.operation);
  else if (msg.type === 'notice' && (msg.level === 'info' || msg.level === 'error') && typeof msg.text === 'string') addNotice(msg.level, msg.text);
});

// Hidden and shown again, or the window reloaded: the extension posts the result again once we say we are ready.
panel.autoRefresh = savedState().autoRefresh === true;
mark('xsp-ready');
post({ type: 'ready' });
