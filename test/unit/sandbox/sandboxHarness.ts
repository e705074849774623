// The sandboxServer*.test.ts files' shared setup: a sandbox with a clock the test moves, one wired to a webhook
// receiver, and assertions on API errors and the checkout form.
import * as assert from 'node:assert/strict';
import { sandboxTestKey, startSandbox, type SandboxOptions } from '../../../src/sandbox/sandboxServer';
import { HttpCaller, type CallResult } from '../../helpers/httpCall';
import { startWebhookReceiver, type WebhookReceiver } from '../../helpers/webhookReceiver';

export const START = new Date('2030-01-01T00:00:00Z');

/** A sandbox on a free port with a clock the test moves, and a caller for it. */
export async function open(options: SandboxOptions = {}) {
  let now = START.getTime();
  const logs: string[] = [];
  const sandbox = await startSandbox({ now: () => new Date(now), log: (line) => logs.push(line), ...options });
  const http = new HttpCaller(sandbox.baseUrl);
  return {
    sandbox,
    http,
    logs,
    advanceMinutes(minutes: number) {
      now += minutes * 60_000;
    },
    async close() {
      await http.close();
      await sandbox.close();
    },
  };
}

export type Opened = Awaited<ReturnType<typeof open>>;

/**
 * Runs `test` against a sandbox of its own and closes everything after. With `webhooks`, a receiver is started
 * and wired in, answering the given statuses first.
 */
export async function withSandbox(
  options: SandboxOptions & { webhooks?: number[] },
  test: (t: Opened & { hooks: WebhookReceiver; key: string }) => Promise<void>,
): Promise<void> {
  const { webhooks, ...sandboxOptions } = options;
  const hooks = await startWebhookReceiver();
  hooks.failFirst(webhooks ?? []);
  const t = await open(webhooks ? { webhookUrl: hooks.url, ...sandboxOptions } : sandboxOptions);
  try {
    await test({ ...t, hooks, key: sandboxTestKey() });
  } finally {
    await t.close();
    await hooks.close();
  }
}

export function assertApiError(res: CallResult, status: number, errorCode: string): void {
  assert.equal(res.status, status, res.text);
  assert.match(String(res.headers['content-type']), /^application\/json/);
  assert.equal(res.json.error_code, errorCode, res.text);
  assert.equal(typeof res.json.message, 'string');
  assert.ok(res.json.message.length > 10, res.json.message);
}

/** The checkout form's action, resolved against the page's URL as a browser would. */
export function formAction(pageUrl: string, html: string, action: 'pay' | 'cancel'): string {
  const match = new RegExp(`<form method="post" action="([^"]*/${action})"`).exec(html);
  assert.ok(match, `the checkout page has no ${action} form`);
  return new URL(match[1], pageUrl).href;
}
