// Shared by the integration tests: the extension's test API, fake keys made at run time, request files.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi, TestingApi } from '../../src/extension';
import type { SessionRequestExample } from '../../src/sessions/examples';
import type { Ui } from '../../src/vscode/ui';

export const EXTENSION_ID = 'xendit-playground.xendit-sessions-playground';

export async function testingApi(): Promise<TestingApi> {
  const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not installed`);
  const api = ext.isActive ? ext.exports : await ext.activate();
  if (!api.testing) throw new Error('the extension did not expose its test seams: is it running in ExtensionMode.Test?');
  return api.testing;
}

/**
 * Registers a suite's hooks and returns its list of restores: before the suite, `setApi` gets the testing API;
 * after each test the restores run (newest first), then, with `resetTargets`, the stored keys are removed and
 * the sandbox is the target again, and every editor is closed.
 */
export function suiteHooks(setApi: (api: TestingApi) => void, options: { resetTargets: boolean }): (() => unknown)[] {
  const restores: (() => unknown)[] = [];
  let api: TestingApi;
  before(async () => {
    api = await testingApi();
    setApi(api);
    if (options.resetTargets) await api.targets.select('sandbox');
  });
  afterEach(async () => {
    while (restores.length) await restores.pop()!();
    if (options.resetTargets) {
      await api.keys.delete('test');
      await api.keys.delete('live');
      await api.targets.select('sandbox');
    }
    await closeAllEditors();
  });
  return restores;
}

/** Every key fakeKey made in this run: the leak audit at the end of the suite looks for each of them. */
export const issuedKeys: string[] = [];

/** Every webhook callback token a test set or saw generated: the leak audit looks for them too. */
export const issuedCallbackTokens: string[] = [];

/**
 * What test handlers received from the sandbox's webhook deliveries (headers and body, x-callback-token left out
 * since carrying it is the point): the leak audit checks that no key, and no token elsewhere, travelled with them.
 */
export const forwardedRequests: string[] = [];

/** A key of the right shape, different every run, never a literal in the repository. */
export function fakeKey(kind: 'test' | 'live'): string {
  const prefix = kind === 'test' ? ['xnd', 'development'] : ['xnd', 'production'];
  const body = Array.from({ length: 40 }, () => 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789'[Math.floor(Math.random() * 57)]).join('');
  const key = `${prefix.join('_')}_${body}`;
  issuedKeys.push(key);
  return key;
}

export function workspaceDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the integration suite needs a workspace folder');
  return folder.uri.fsPath;
}

/** Writes a request file into the test workspace (a throwaway copy) and opens it in an editor. */
export async function openRequest(name: string, content: string | object): Promise<vscode.TextEditor> {
  const file = path.join(workspaceDir(), 'requests', name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`);
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  return vscode.window.showTextDocument(document);
}

/** The repository's own modules, transpiled into out/ (for examples and other plain data). */
export function repoModule<T>(relative: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(__dirname, '..', '..', relative)) as T;
}

const { SESSION_REQUEST_EXAMPLES } = repoModule<typeof import('../../src/sessions/examples')>('src/sessions/examples.js');
/** The page's PAY example with a payment link, the request most suites send. */
export const payExample = (SESSION_REQUEST_EXAMPLES as readonly SessionRequestExample[]).find((e) => e.name === 'pay-payment-link')!;

export interface RecordingServer {
  readonly baseUrl: string;
  readonly requests: { method: string; url: string; headers: http.IncomingHttpHeaders; body: string }[];
  /** Connections open to the server now (a client's keep-alive ones included). */
  openConnections(): number;
  close(): Promise<void>;
}

/** A server on 127.0.0.1 that records every request and answers with `handler` (which may never answer). */
export async function recordingServer(handler: (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void): Promise<RecordingServer> {
  const requests: RecordingServer['requests'] = [];
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      handler(req, res, body);
    });
  });
  // An idle keep-alive connection closes after 200 ms instead of Node's 5 s, so a test waiting for the client to
  // let go of the server (openConnections() === 0) does not wait for nothing.
  server.keepAliveTimeout = 200;
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    openConnections: () => sockets.size,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

/** Sets a user (global) setting for the test and returns a function that restores it. */
export async function withUserSetting(key: string, value: unknown): Promise<() => Thenable<void>> {
  const config = vscode.workspace.getConfiguration('xendit');
  const previous = config.inspect(key)?.globalValue;
  await config.update(key, value, vscode.ConfigurationTarget.Global);
  return () => vscode.workspace.getConfiguration('xendit').update(key, previous, vscode.ConfigurationTarget.Global);
}

/** Sets xendit.`key` in the workspace's settings (.vscode/settings.json of the scratch copy); returns its undo. */
export async function withWorkspaceSetting(key: string, value: unknown): Promise<() => Thenable<void>> {
  const config = vscode.workspace.getConfiguration('xendit');
  const previous = config.inspect(key)?.workspaceValue;
  await config.update(key, value, vscode.ConfigurationTarget.Workspace);
  return () => vscode.workspace.getConfiguration('xendit').update(key, previous, vscode.ConfigurationTarget.Workspace);
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Polls `check` until it returns a value (bounded: gives up after `timeoutMs`). */
export async function waitFor<T>(check: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The embedded sandbox's base URL, starting it if no test has yet. */
export async function sandboxUrl(api: TestingApi): Promise<string> {
  const resolved = await api.targets.resolveKind('sandbox');
  if (!resolved.ok) throw new Error(resolved.reason);
  return resolved.target.baseUrl;
}

/** Pays a sandbox session as a customer would: loads its checkout page, then posts the page's Pay form. */
export async function payOnCheckout(link: string): Promise<void> {
  const page = await fetch(link);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /<form method="post" action="ps-[0-9a-f]{24}\/pay">/);
  const paid = await fetch(`${link}/pay`, { method: 'POST', redirect: 'manual' });
  assert.equal(paid.status, 303);
}

export interface RecordedProgress {
  readonly title?: string;
  readonly cancel: vscode.CancellationTokenSource;
}

/**
 * A `withProgress` for `api.ui.override` that records each progress notification asked for, with a token source
 * the test cancels: the notification itself cannot be clicked from an extension test.
 */
export function progressRecorder(): { readonly notifications: RecordedProgress[]; readonly withProgress: Ui['withProgress'] } {
  const notifications: RecordedProgress[] = [];
  return {
    notifications,
    withProgress: (options, task) => {
      const cancel = new vscode.CancellationTokenSource();
      notifications.push({ title: options.title, cancel });
      return task({ report: () => undefined }, cancel.token);
    },
  };
}
