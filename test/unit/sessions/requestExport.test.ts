// Copy as cURL / Copy as code, run as a developer would paste them: the copied Node code saved as a CommonJS file
// and as an ES module, each run with node against a real sandbox on 127.0.0.1, the key only in the environment.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sandboxTestKey, startSandbox, type SandboxHandle } from '../../../src/sandbox/sandboxServer';
import { SessionsClient } from '../../../src/sessions/client';
import { toNodeFetch } from '../../../src/sessions/requestExport';
import { minimalPay } from '../../helpers/sessionRequests';

describe('Copy as code (Node)', function () {
  this.timeout(30_000);
  let sandbox: SandboxHandle;
  let dir: string;

  before(async () => {
    sandbox = await startSandbox();
    dir = mkdtempSync(join(tmpdir(), 'xsp-copy-as-code-'));
  });

  after(async () => {
    await sandbox?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** The code copied for a create the client really sent, with this reference id. */
  async function copiedCode(referenceId: string, extra: Record<string, unknown> = {}): Promise<string> {
    const client = new SessionsClient({ baseUrl: sandbox.baseUrl, secretKey: sandboxTestKey() });
    try {
      const result = await client.createSession({ ...minimalPay, reference_id: referenceId, ...extra });
      assert.equal(result.kind, 'session');
      return toNodeFetch(result.request);
    } finally {
      await client.close();
    }
  }

  for (const file of ['copied.cjs', 'copied.mjs', 'copied.js']) {
    it(`runs as pasted into ${file}: it creates the session and prints the status and the answer`, async () => {
      const code = await copiedCode(`copy-${file}`);
      assert.ok(!code.includes(sandboxTestKey()), 'the code holds the key');
      writeFileSync(join(dir, file), code);
      const { stdout } = await promisify(execFile)(process.execPath, [join(dir, file)], {
        env: { PATH: process.env.PATH, XENDIT_SECRET_KEY: sandboxTestKey() },
        encoding: 'utf8',
        timeout: 20_000,
      });
      const match = /^201 (\{.*\})\n$/s.exec(stdout);
      assert.ok(match, stdout);
      const session = JSON.parse(match[1] ?? '{}') as { payment_session_id?: string; reference_id?: string; status?: string };
      assert.match(session.payment_session_id ?? '', /^ps-[0-9a-f]{24}$/);
      assert.deepEqual([session.reference_id, session.status], [`copy-${file}`, 'ACTIVE']);
    });
  }

  it('sends a metadata key named __proto__ too, which an object literal would take for the prototype', async () => {
    const metadata = JSON.parse('{"__proto__": "gift wrap", "order": "A-1"}') as Record<string, unknown>;
    const code = await copiedCode('copy-proto', { metadata });
    writeFileSync(join(dir, 'proto.cjs'), code);
    const { stdout } = await promisify(execFile)(process.execPath, [join(dir, 'proto.cjs')], {
      env: { PATH: process.env.PATH, XENDIT_SECRET_KEY: sandboxTestKey() },
      encoding: 'utf8',
      timeout: 20_000,
    });
    const match = /^201 (\{.*\})\n$/s.exec(stdout);
    assert.ok(match, stdout);
    const session = JSON.parse(match[1] ?? '{}') as { metadata?: Record<string, unknown> };
    assert.deepEqual(Object.entries(session.metadata ?? {}), [['__proto__', 'gift wrap'], ['order', 'A-1']]);
  });

    it('says what to set, and exits 1, when XENDIT_SECRET_KEY is not set', async () => {
    writeFileSync(join(dir, 'nokey.cjs'), await copiedCode('copy-nokey'));
    const run = await promisify(execFile)(process.execPath, [join(dir, 'nokey.cjs')], { env: { PATH: process.env.PATH }, encoding: 'utf8', timeout: 20_000 }).then(
      () => ({ code: 0, stderr: '' }),
      (err: { code: number; stderr: string }) => err,
    );
    assert.equal(run.code, 1);
    assert.match(run.stderr, /Set XENDIT_SECRET_KEY to your Xendit secret key/);
  });
});
