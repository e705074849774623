// Shared by the result panel suites: views to show, a manager's hooks, and bounded waits for the webview.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ResultPanelManager } from '../../src/vscode/resultPanel';
import type { ResultView } from '../../src/vscode/resultView';
import { EXTENSION_ID } from './helpers';

export const LINK = 'http://127.0.0.1:4010/checkout/ps-6750f6f1a1b2c3d4e5f60718';
const ALL_ACTIONS: ResultView['actions'] = [
  'openLink', 'copyLink', 'copyId', 'openBody', 'refresh', 'cancelSession', 'autoRefresh', 'copyAsCurl', 'copyAsCode', 'showRequest',
];

export function uriFor(name: string): string {
  return vscode.Uri.file(`/tmp/xsp-result-panel/${name}.session.json`).toString();
}

export function sessionView(requestUri: string, overrides: Partial<ResultView> = {}): ResultView {
  const expiresAt = new Date(Date.now() + 30 * 60_000).toISOString();
  return {
    requestUri,
    requestLabel: 'payment-link-save.session.json',
    target: { kind: 'sandbox', label: 'Sandbox (offline)', baseUrl: 'http://127.0.0.1:4010' },
    operation: 'create',
    sentAt: new Date().toISOString(),
    outcome: 'session',
    http: { status: 201, statusText: 'Created' },
    timings: { ttfbMs: 41.2, totalMs: 47.9 },
    session: {
      id: 'ps-6750f6f1a1b2c3d4e5f60718',
      status: 'ACTIVE',
      referenceId: 'order-secret-ref-1234',
      sessionType: 'SAVE',
      mode: 'PAYMENT_LINK',
      amount: 150000,
      currency: 'IDR',
      paymentLinkUrl: LINK,
      expiresAt,
      created: new Date().toISOString(),
      updated: new Date().toISOString(),
      paymentRequestId: null,
      paymentTokenId: null,
    },
    headers: [['request-id', 'req-unique-header-value']],
    requestOptions: [['for-user-id', 'sub-account-5f2e']],
    body: { payment_session_id: 'ps-6750f6f1a1b2c3d4e5f60718', reference_id: 'order-secret-ref-1234', amount: 150000, items: [{ name: 'Kopi', qty: 2 }] },
    actions: ALL_ACTIONS,
    ...overrides,
  };
}

export function apiErrorView(requestUri: string): ResultView {
  return sessionView(requestUri, {
    outcome: 'apiError',
    http: { status: 400, statusText: 'Bad Request' },
    session: undefined,
    apiError: {
      errorCode: 'API_VALIDATION_ERROR',
      message: 'Inputs are failing validation.',
      explanation: 'The API refused the request body. Fix the fields listed below and send it again.',
      errors: [{ path: 'items[0].name', message: 'is required' }, { message: 'a problem without a path' }],
    },
    body: { error_code: 'API_VALIDATION_ERROR', message: 'Inputs are failing validation.' },
    actions: ['openBody', 'copyAsCurl', 'showRequest'],
  });
}

/** Fails with a clear message instead of the suite's 60 s timeout when the webview never reports back. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function waitFor(condition: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Registers a result panel suite's hooks: before each test `make` builds a fresh manager (and resets what the
 * suite records from it), after each test that manager is disposed and every editor closed.
 */
export function resultPanelHooks(make: (extensionUri: vscode.Uri) => ResultPanelManager): void {
  let extensionUri: vscode.Uri;
  let manager: ResultPanelManager;

  before(() => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not installed`);
    extensionUri = ext.extensionUri;
  });

  beforeEach(() => {
    manager = make(extensionUri);
  });

  afterEach(async () => {
    manager.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
}
