// The key leak audit, run by index.ts as a root afterAll hook: once every test file of the run is done, whatever
// their order or selection, it searches everything the extension wrote or showed for each key the run made,
// raw or Base64 (Basic auth) encoded, and for each webhook callback token the run set or saw generated (a secret
// too: only the deliveries' x-callback-token header and the clipboard, when the user asks to copy it, may hold
// one). A leak fails the run as a failed "after all" hook.
import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/extension';
import { forwardedRequests, issuedCallbackTokens, issuedKeys, testingApi, waitFor } from './helpers';
import { note } from './report';

function forms(key: string): string[] {
  return [key, Buffer.from(`${key}:`).toString('base64').replace(/=+$/, ''), Buffer.from(key).toString('base64').replace(/=+$/, '')];
}

function readTree(dir: string): { file: string; text: string }[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath ?? d.path, d.name))
    .map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }));
}

/** The places that may hold a key, by name: `[name, text]`. */
export function leaksIn(keys: readonly string[], sources: readonly (readonly [string, string])[], what = 'a key'): string[] {
  const leaks: string[] = [];
  for (const key of keys) {
    for (const form of forms(key)) {
      for (const [name, text] of sources) if (text.includes(form)) leaks.push(`${name} holds ${what} (${form === key ? 'raw' : 'Base64'})`);
    }
  }
  return leaks;
}

/**
 * The extension's log files, complete up to now. The log service writes the channel's file in the background, in
 * order: once a line written now is on disk, every line before it is too.
 */
export async function writtenLogs(api: TestingApi): Promise<{ file: string; text: string }[]> {
  const marker = `log written ${randomUUID()}`;
  api.log.channel.info(marker);
  const logDir = path.dirname(api.context.logUri.fsPath);
  return waitFor(
    () => {
      const ours = readTree(logDir).filter((l) => /Xendit|xendit/.test(l.file));
      return ours.some((l) => l.text.includes(marker)) ? ours : undefined;
    },
    `the log line "${marker}" in a file under ${logDir}`,
    20_000,
  );
}

export async function auditKeyLeaks(): Promise<void> {
  if (issuedKeys.length === 0 && issuedCallbackTokens.length === 0) {
    note('key leak audit: this run made no key nor callback token, so there was none to look for');
    return;
  }
  const api = await testingApi();
  const logs = await writtenLogs(api);
  await api.webhooks.view.flushed();
  const memento = (m: vscode.Memento) => JSON.stringify(m.keys().map((k) => [k, m.get(k)]));
  const diagnostics = vscode.languages.getDiagnostics().flatMap(([uri, ds]) => ds.map((d) => `${uri.toString()} ${d.message}`));
  const sources: [string, string][] = [
    ['transcript (messages, prompts, clipboard, webview messages)', api.transcript.entries.join('\n')],
    ...logs.map((l): [string, string] => [`log ${l.file}`, l.text]),
    ['workspaceState', memento(api.context.workspaceState)],
    ['globalState', memento(api.context.globalState)],
    ['history', JSON.stringify(api.history.entries())],
    ['diagnostics', diagnostics.join('\n')],
  ];
  const sandbox = api.sandbox.current;
  const webhookSources: [string, string][] = [
    ['Webhooks view (stored events and attempts)', JSON.stringify(api.webhooks.view.events())],
    ['sandbox webhook log (events and attempts)', JSON.stringify(sandbox?.webhooks.events() ?? [])],
  ];
  sources.push(...webhookSources, ['forwarded webhook requests (headers but x-callback-token, bodies)', forwardedRequests.join('\n')]);
  // The token may be on the clipboard (Copy Token), never in a message, a log, the state or a delivery's body.
  const tokenSources = sources.map(([n, t]): [string, string] =>
    n.startsWith('transcript') ? [n, api.transcript.entries.filter((e) => !e.startsWith('clipboard:')).join('\n')] : [n, t],
  );
  // The search is not vacuous: it finds a key planted in a copy of what it searches.
  const planted = `planted ${randomUUID()}`;
  assert.deepEqual(leaksIn([planted], sources.slice(0, 1).map(([n, t]) => [n, `${t}\n${planted}`])), [`${sources[0][0]} holds a key (raw)`]);
  assert.deepEqual(leaksIn(issuedKeys, sources), []);
  assert.deepEqual(leaksIn(issuedCallbackTokens, tokenSources, 'a webhook callback token'), []);
  note(
    `key leak audit: ${issuedKeys.length} key(s) and ${issuedCallbackTokens.length} callback token(s) looked for in ${sources.length} places (${logs.length} log file(s), ${forwardedRequests.length} forwarded webhook(s)), none found`,
  );
}
