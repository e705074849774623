// Runs last (files load in name order): after the whole suite has used its keys, search everything the
// extension wrote or showed for any of them, raw or Base64 (Basic auth) encoded.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { issuedKeys, testingApi } from './helpers';

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

describe('key leak audit', function () {
  this.timeout(60_000);

  it('finds none of the run\'s keys in logs, state, history, messages, clipboard text, webview messages or diagnostics', async () => {
    const api = await testingApi();
    assert.ok(issuedKeys.length >= 3, `only ${issuedKeys.length} keys were used: run the whole suite`);
    // The log service writes in the background; give it a moment to reach the disk.
    await new Promise((r) => setTimeout(r, 1500));
    const logs = readTree(path.dirname(api.context.logUri.fsPath)).filter((l) => /Xendit|xendit/.test(l.file));
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
    // Prove the search is not vacuous: each source holds what the suite did.
    const transcript = sources[0][1];
    assert.match(transcript, /webview .*"type":"result"/, 'no webview message was recorded');
    assert.match(transcript, /clipboard: curl /, 'no copied cURL was recorded');
    assert.ok(logs.some((l) => /POST .*\/sessions/.test(l.text)), `the log file holds no request line (looked in ${path.dirname(api.context.logUri.fsPath)})`);
    const leaks: string[] = [];
    for (const key of issuedKeys) {
      for (const form of forms(key)) {
        for (const [name, text] of sources) if (text.includes(form)) leaks.push(`${name} holds a key (${form === key ? 'raw' : 'Base64'})`);
      }
    }
    assert.deepEqual(leaks, []);
  });
});
