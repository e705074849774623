// Every message shape the result panel's webview may post (FromWebview), for the tests of the schema and of the shell.
import type { FromWebview } from '../../src/vscode/resultView';

export const EVERY_FROM_WEBVIEW: readonly FromWebview[] = [
  { type: 'ready' },
  { type: 'rendered', outcome: 'session', status: 'ACTIVE', firstPaintMs: 12.5, seq: 3 },
  { type: 'rendered', outcome: 'networkError', firstPaintMs: 0 },
  { type: 'rendered', outcome: 'apiError', firstPaintMs: 3_600_000, seq: Number.MAX_SAFE_INTEGER },
  { type: 'openLink', url: 'https://checkout-staging.xendit.co/sessions/ps-6750f6f1a1b2c3d4e5f60718' },
  { type: 'copy', what: 'link' },
  { type: 'copy', what: 'id' },
  { type: 'copy', what: 'body' },
  { type: 'openBody' },
  { type: 'revealPath', path: 'items[0].name' },
  { type: 'refresh' },
  { type: 'cancelSession' },
  { type: 'autoRefresh', on: true },
  { type: 'autoRefresh', on: false },
  { type: 'copyAsCurl' },
  { type: 'copyAsCode' },
  { type: 'showRequest' },
  { type: 'paySandbox' },
  { type: 'expireSandbox' },
];
