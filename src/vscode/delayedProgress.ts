// A progress notification for work that is usually quick: it appears only once the work has taken PROGRESS_DELAY_MS,
// so a fast answer does not flash a toast (nor make the workbench draw one while it creates the result panel). The
// panel says "Creating session…" meanwhile; the notification adds the Cancel a slow request needs.
import * as vscode from 'vscode';
import type { Ui } from './ui';

export const PROGRESS_DELAY_MS = 500;

/** Resolves as `work` does; shows a cancellable notification titled `title` while it runs past the delay. */
export function withDelayedProgress<T>(ui: Ui, title: string, work: Promise<T>, onCancel: () => void, delayMs = PROGRESS_DELAY_MS): Promise<T> {
  const settled = work.then(
    () => undefined,
    () => undefined,
  );
  const timer = setTimeout(() => {
    void ui.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (_progress, token) => {
      token.onCancellationRequested(onCancel);
      return settled;
    });
  }, delayMs);
  void settled.then(() => clearTimeout(timer));
  return work;
}
