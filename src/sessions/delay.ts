// Waiting that can be cut short: the webhook retries and the result panel's auto-refresh both wait this way.

/** Resolves after `ms`, or at once when `signal` aborts (already aborted included); never keeps the process alive. */
export function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    timer.unref();
    signal.addEventListener('abort', done, { once: true });
  });
}
