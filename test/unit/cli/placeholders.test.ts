// The built CLI with placeholders: `validate --resolve`, $env and $dotenv from the command's folder, and every
// example sent twice to a real sandbox on 127.0.0.1, each time with a new reference id.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type SandboxHandle } from '../../../src/sandbox/sandboxServer';
import { EXAMPLE_SCHEMA_REFERENCE, exampleFileName, exampleFileText, SESSION_REQUEST_EXAMPLES } from '../../../src/sessions/examples';
import { sessionBody } from '../../helpers/faultServer';
import { placeholderPay, UUID_PATTERN } from '../../helpers/sessionRequests';
import { ensureBuilt, fakeKey, killAll, registerSecret, runCli, type CliRun } from './cliProcess';
import { childrenNamed, parseXml } from './junitXml';

const UUID = UUID_PATTERN;
const request = placeholderPay('cli', 'From {{$env SHOP}} {{$dotenv BRANCH}}');

function json<T>(run: CliRun): T {
  try {
    return JSON.parse(run.stdout) as T;
  } catch {
    throw new Error(`stdout is not one JSON document:\n${run.stdout}\nstderr:\n${run.stderr}`);
  }
}

describe('xendit-sessions with placeholders (the built CLI)', function () {
  this.timeout(60_000);
  let dir: string;
  let sandbox: SandboxHandle;
  const testKey = fakeKey('development');
  const cli = (args: string[], env: Record<string, string> = {}) => runCli(args, { cwd: dir, env: { XENDIT_SECRET_KEY: testKey, ...env } });

  before(async function () {
    this.timeout(180_000);
    ensureBuilt();
    registerSecret(testKey);
    dir = mkdtempSync(join(tmpdir(), 'xendit-sessions-placeholders-'));
    writeFileSync(join(dir, 'dynamic.session.json'), `${JSON.stringify(request, null, 2)}\n`);
    writeFileSync(join(dir, '.env'), 'BRANCH=Jakarta\n');
    // The sandbox with the optional check on: a session reference_id reused while its session is ACTIVE is a 409,
    // so an example with a fixed reference id fails its second send here.
    sandbox = await startSandbox({ rejectActiveReferenceReuse: true });
  });

  after(async () => {
    killAll();
    await sandbox?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('validate --resolve prints the body as it would be sent now, the amount a number, the file unchanged', async () => {
    const run = await cli(['validate', '--resolve', 'dynamic.session.json'], { SHOP: 'Batik' });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const [, body = ''] = run.stdout.split('dynamic.session.json resolved:\n');
    const resolved = JSON.parse(body.slice(0, body.lastIndexOf('}') + 1)) as Record<string, unknown>;
    assert.match(String(resolved.reference_id), new RegExp(`^cli-${UUID}$`));
    assert.equal(typeof resolved.amount, 'number');
    const ahead = Date.parse(String(resolved.expires_at)) - Date.now();
    assert.ok(ahead > 23 * 3_600_000 && ahead <= 24 * 3_600_000, String(resolved.expires_at));
    assert.equal(resolved.description, 'From Batik Jakarta');
    assert.match(run.stdout, /✔ 1 file checked: no problems/);
  });

  it('validate --resolve --format json adds the resolved body to each file', async () => {
    const run = await cli(['validate', '--resolve', '--format', 'json', 'dynamic.session.json'], { SHOP: 'Batik' });
    const [entry] = json<{ valid: boolean; resolved: { amount: unknown; description: string } }[]>(run);
    assert.equal(entry?.valid, true);
    assert.equal(typeof entry?.resolved.amount, 'number');
    assert.equal(entry?.resolved.description, 'From Batik Jakarta');
  });

  it('validate --resolve prints text that reads like a credential as it is, since that is what is sent', async () => {
    const run = await cli(['validate', '--resolve', '--format', 'json', 'dynamic.session.json'], { SHOP: 'Basic Membership' });
    const [entry] = json<{ resolved: { description: string } }[]>(run);
    assert.equal(entry?.resolved.description, 'From Basic Membership Jakarta');
  });

  it('reports a missing variable at the placeholder and sends nothing', async () => {
    const run = await cli(['create', '--base-url', sandbox.baseUrl, 'dynamic.session.json']);
    assert.equal(run.code, 1, run.stdout);
    assert.match(run.stdout, /^dynamic\.session\.json:9:24: error: The environment variable SHOP is not set\./m);
  });

  it('--junit names a test case by its reference_id as written, the same on every run, while each send gets a new one', async () => {
    const names: (string | undefined)[] = [];
    const sent: (string | undefined)[] = [];
    for (const round of [1, 2]) {
      const report = join(dir, `junit-${round}.xml`);
      const run = await cli(['create', '--format', 'json', '--junit', report, '--base-url', sandbox.baseUrl, 'dynamic.session.json'], { SHOP: 'Batik' });
      assert.equal(run.code, 0, run.stdout + run.stderr);
      sent.push(json<{ referenceId: string }[]>(run)[0]?.referenceId);
      const [suite] = childrenNamed(parseXml(readFileSync(report, 'utf8')), 'testsuite');
      names.push(childrenNamed(suite!, 'testcase')[0]?.attributes.name);
    }
    assert.deepEqual(names, [request.reference_id, request.reference_id]);
    assert.equal(request.reference_id, 'cli-{{$randomUUID}}');
    assert.match(String(sent[0]), new RegExp(`^cli-${UUID}$`));
    assert.notEqual(sent[0], sent[1]);
  });

  it('create resolves each file just before sending it, not when the batch starts', async () => {
    // A server on 127.0.0.1 that takes 1.5 s to answer the first create, as a slow API might: the second file's
    // {{$isoTimestamp}} must come from after that answer, not from when the batch was checked.
    const HOLD_MS = 1_500;
    const arrivals: { body: string; answeredAt?: number }[] = [];
    const holds = new Set<NodeJS.Timeout>();
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const arrival: { body: string; answeredAt?: number } = { body: Buffer.concat(chunks).toString('utf8') };
        arrivals.push(arrival);
        const answer = () => {
          arrival.answeredAt = Date.now();
          res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify(sessionBody()));
        };
        if (arrivals.length > 1) return answer();
        const hold = setTimeout(() => {
          holds.delete(hold);
          answer();
        }, HOLD_MS);
        holds.add(hold);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      for (const name of ['first', 'second']) writeFileSync(join(dir, `${name}.session.json`), JSON.stringify(placeholderPay(name, '{{$isoTimestamp}}')));
      const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const run = await cli(['create', '--format', 'json', '--base-url', baseUrl, 'first.session.json', 'second.session.json']);
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.equal(arrivals.length, 2);
      const [first, second] = arrivals;
      const resolvedAt = Date.parse(String((JSON.parse(second?.body ?? '{}') as { description?: unknown }).description));
      assert.ok(first?.answeredAt !== undefined);
      assert.ok(resolvedAt >= first.answeredAt - 50, `the second file was resolved ${first.answeredAt - resolvedAt} ms before the first file's answer`);
    } finally {
      for (const hold of holds) clearTimeout(hold);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('refuses a secret from the environment without printing it', async () => {
    writeFileSync(join(dir, 'secret.session.json'), JSON.stringify({ ...request, description: '{{$env HARMLESS}}' }));
    const run = await cli(['validate', '--resolve', 'secret.session.json'], { HARMLESS: testKey });
    assert.equal(run.code, 1);
    assert.match(run.stdout, /is refused: its value looks like a Xendit secret key/);
  });

  it('sends every example twice in a row: two sessions, two reference ids, two customer reference ids', async function () {
    this.timeout(120_000);
    const files = SESSION_REQUEST_EXAMPLES.map((example) => {
      writeFileSync(join(dir, exampleFileName(example)), exampleFileText(example, EXAMPLE_SCHEMA_REFERENCE));
      return exampleFileName(example);
    });
    type Entry = { file: string; outcome: string; result?: { session?: { payment_session_id: string; reference_id: string }; request: { body: string } } };
    const runs: Entry[][] = [];
    for (let round = 0; round < 2; round += 1) {
      const run = await cli(['create', '--format', 'json', '--base-url', sandbox.baseUrl, ...files]);
      assert.equal(run.code, 0, run.stdout + run.stderr);
      runs.push(json<Entry[]>(run));
    }
    const [first = [], second = []] = runs;
    assert.equal(first.length, files.length);
    for (const [index, file] of files.entries()) {
      const [a, b] = [first[index], second[index]];
      assert.equal(a?.outcome, 'session', file);
      assert.equal(b?.outcome, 'session', file);
      assert.notEqual(a?.result?.session?.payment_session_id, b?.result?.session?.payment_session_id, file);
      assert.notEqual(a?.result?.session?.reference_id, b?.result?.session?.reference_id, file);
      assert.doesNotMatch(String(a?.result?.session?.reference_id), /\{\{/, file);
      const [sentA, sentB] = [a, b].map((entry) => JSON.parse(entry?.result?.request.body ?? '{}') as { customer?: { reference_id: string } });
      if (sentA?.customer) assert.notEqual(sentA.customer.reference_id, sentB?.customer?.reference_id, file);
    }
  });
});
