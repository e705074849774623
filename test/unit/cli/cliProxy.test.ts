// The command line behind a proxy, end to end: HTTPS_PROXY points at a real CONNECT proxy on 127.0.0.1 (written
// for the test), which tunnels to a TLS server with a certificate made for this run (trusted through Node's own
// NODE_EXTRA_CA_CERTS) in front of the sandbox. The API's host name resolves nowhere: only the proxy reaches it.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type SandboxHandle } from '../../../src/sandbox/sandboxServer';
import { startConnectProxy, type ConnectProxy } from '../../helpers/connectProxy';
import { minimalPay } from '../../helpers/sessionRequests';
import { startTlsFront, type TlsFront } from '../../helpers/tlsFront';
import { ensureBuilt, fakeKey, killAll, registerSecret, runCli } from './cliProcess';

const HOST = 'api.xendit.test';

describe('xendit-sessions behind a proxy (HTTPS_PROXY, NO_PROXY)', function () {
  this.timeout(60_000);
  let dir: string;
  let sandbox: SandboxHandle;
  let front: TlsFront;
  let proxy: ConnectProxy;
  const key = fakeKey('development');
  // Key-like, but without the Base64 `+` and `/`, which a URL's password would have to escape.
  const password = `pw-${fakeKey('development').slice(-10).replace(/[+/]/g, 'x')}`;

  before(async function () {
    this.timeout(180_000);
    ensureBuilt();
    registerSecret(key);
    registerSecret(password);
    dir = mkdtempSync(join(tmpdir(), 'xendit-sessions-proxy-'));
    writeFileSync(join(dir, 'pay.session.json'), JSON.stringify(minimalPay));
    sandbox = await startSandbox();
    front = await startTlsFront(Number(new URL(sandbox.baseUrl).port), [HOST]);
    writeFileSync(join(dir, 'ca.pem'), front.ca);
    proxy = await startConnectProxy({ hosts: { [HOST]: front.port }, credentials: `frank:${password}` });
  });
  after(async () => {
    killAll();
    await proxy?.close();
    await front?.close();
    await sandbox?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const create = (env: Record<string, string>) =>
    runCli(['create', '--verbose', '--target', 'test', '--base-url', `https://${HOST}`, 'pay.session.json'], {
      cwd: dir,
      env: { XENDIT_SECRET_KEY: key, NODE_EXTRA_CA_CERTS: join(dir, 'ca.pem'), ...env },
    });

  it('creates a session through the proxy named in HTTPS_PROXY, and prints it without its password', async () => {
    const before = proxy.connects.length;
    const run = await create({ HTTPS_PROXY: `http://frank:${password}@127.0.0.1:${proxy.port}` });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /201 ACTIVE {2}ps-[0-9a-f]{24}/);
    assert.deepEqual(proxy.connects.slice(before).map((c) => c.target), [`${HOST}:443`]);
    assert.match(run.stderr, new RegExp(`via proxy http://127\\.0\\.0\\.1:${proxy.port} \\(HTTPS_PROXY\\)`));
  });

  it('NO_PROXY sends that host directly (which cannot reach it here)', async () => {
    const before = proxy.connects.length;
    const run = await create({ HTTPS_PROXY: `http://frank:${password}@127.0.0.1:${proxy.port}`, NO_PROXY: `localhost,.xendit.test` });
    assert.notEqual(run.code, 0);
    assert.equal(proxy.connects.length, before, 'the proxy was not asked');
    assert.match(run.stdout + run.stderr, new RegExp(`The host name ${HOST.replace(/\./g, '\\.')} could not be resolved`));
  });

  it('a proxy that refuses the credentials: a message naming the proxy and HTTPS_PROXY', async () => {
    const run = await create({ HTTPS_PROXY: `http://frank:wrong-${password}@127.0.0.1:${proxy.port}` });
    assert.notEqual(run.code, 0);
    assert.match(run.stdout + run.stderr, new RegExp(`The proxy http://127\\.0\\.0\\.1:${proxy.port} \\(set in HTTPS_PROXY\\) asks for a user name and password \\(407`));
    // The hint after it is about the proxy: not "nothing is listening at that address, check --base-url".
    assert.match(run.stdout, /^ {4}→ The proxy comes from HTTPS_PROXY or HTTP_PROXY/m);
    assert.doesNotMatch(run.stdout, /Nothing is listening/);
  });
});
