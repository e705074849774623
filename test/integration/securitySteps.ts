// Shared by the security suites: the request they send, a session the fake servers answer with, and the steps
// that point the extension at a test server, send the open file and read the result.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/extension';
import type { ResultView } from '../../src/vscode/resultView';
import { fakeKey, payExample, withUserSetting } from './helpers';

export const payBody = payExample.body;

export function sessionJson(): string {
  return JSON.stringify({ ...payBody, payment_session_id: 'ps-0123456789abcdef01234567', created: '2026-01-01T00:00:00Z', updated: '2026-01-01T00:00:00Z', status: 'ACTIVE', payment_link_url: 'https://checkout-staging.xendit.co/x' });
}

/** The steps the security suites share, for the suite's `api` (set once its `before` ran) and its restores. */
export function sendSteps(suiteApi: () => TestingApi, restores: (() => unknown)[]) {
  async function useTestTarget(baseUrl: string, timeoutSeconds?: number): Promise<void> {
    restores.push(await withUserSetting('apiBaseUrl', baseUrl));
    if (timeoutSeconds) restores.push(await withUserSetting('requestTimeoutSeconds', timeoutSeconds));
    await suiteApi().keys.store('test', fakeKey('test'));
    await suiteApi().targets.select('test');
  }

  async function createAndRead(uri: string): Promise<ResultView> {
    await vscode.commands.executeCommand('xendit.createSession');
    await suiteApi().actions.panels.whenRendered(uri);
    const posted = suiteApi().actions.panels.lastPosted(uri);
    assert.ok(posted?.type === 'result', 'the panel did not get a result');
    return posted.view;
  }

  /** The extension still works: the same file sent to the sandbox creates a session. */
  async function nextRequestWorks(uri: string): Promise<void> {
    await suiteApi().targets.select('sandbox');
    const view = await createAndRead(uri);
    assert.equal(view.outcome, 'session', `the next request after the fault did not work: ${JSON.stringify(view.networkError ?? view.apiError ?? view.unexpectedResponse)}`);
  }

  return { useTestTarget, createAndRead, nextRequestWorks };
}
