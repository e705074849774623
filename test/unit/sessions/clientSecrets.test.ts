import * as assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { SessionsClient, type SessionsClientOptions } from '../../../src/sessions/client';
import { secretForms } from '../../../src/sessions/redact';
import { sandboxTestKey, startSandbox, type SandboxHandle } from '../../../src/sandbox/sandboxServer';
import { closedPort, startFaultServer, type Fault, type FaultServer } from '../../helpers/faultServer';
import { minimalPay } from '../../helpers/sessionRequests';

/**
 * Every outcome the client has, with the key in the places it could leak from: the request it sends, a
 * request body that carries it, a server that echoes the Authorization header back, errors and logs.
 */
describe('SessionsClient never lets the key out', () => {
  const key = sandboxTestKey();
  const forms = secretForms(key);
  const seen: { what: string; text: string }[] = [];
  let sandbox: SandboxHandle;
  let faults: FaultServer;

  before(async () => {
    sandbox = await startSandbox({ rateLimit: { perMinute: 5 }, log: (line) => seen.push({ what: 'sandbox log', text: line }) });
    faults = await startFaultServer();
  });
  after(async () => {
    await faults.close();
    await sandbox.close();
  });

  /** Runs `call` with a logging client, and records everything it returned, logged or threw. */
  async function run(what: string, options: Partial<SessionsClientOptions>, call: (client: SessionsClient) => Promise<unknown>): Promise<void> {
    const client = new SessionsClient({
      baseUrl: sandbox.baseUrl,
      secretKey: key,
      timeouts: { headersMs: 200, totalMs: 2_000 },
      maxBodyBytes: 64 * 1024,
      log: (level, line) => seen.push({ what: `${what}: ${level} log`, text: line }),
      ...options,
    });
    try {
      const result = await call(client);
      seen.push({ what: `${what}: result (JSON)`, text: JSON.stringify(result) });
      seen.push({ what: `${what}: result (inspect)`, text: inspect(result, { depth: Infinity, showHidden: true }) });
    } catch (err) {
      seen.push({ what: `${what}: thrown`, text: inspect(err, { depth: Infinity, showHidden: true }) });
    } finally {
      await client.close();
    }
  }

  it('through every kind of outcome', async () => {
    const withKeyInside = { ...minimalPay, description: `pasted by mistake: ${key}`, metadata: { note: key, basic: forms[1] } };
    await run('session', {}, (c) => c.createSession(minimalPay));
    await run('session echoing the key', {}, (c) => c.createSession(withKeyInside));
    await run('get and cancel', {}, async (c) => {
      const created = await c.createSession(minimalPay);
      const id = created.kind === 'session' ? created.session.payment_session_id : 'missing';
      return [await c.getSession(id), await c.cancelSession(id), await c.cancelSession(id)];
    });
    await run('validation error', {}, (c) => c.createSession({ ...minimalPay, currency: key }));
    await run('not found', {}, (c) => c.getSession(key));
    await run('rate limited', {}, async (c) => Promise.all(Array.from({ length: 6 }, () => c.getSession('ps-000000000000000000000000'))));
    const faultCases: Fault[] = ['echoHeaders', 'echoHtml', 'html502', 'truncatedJson', 'offModel', 'rateLimited', 'oversize', 'resetMidBody', 'silent'];
    for (const fault of faultCases) {
      faults.fault = fault;
      await run(`fault ${fault}`, { baseUrl: faults.baseUrl }, (c) => c.createSession(minimalPay));
    }
    faults.fault = 'session';
    await run('aborted', { baseUrl: faults.baseUrl }, (c) => c.createSession(minimalPay, AbortSignal.abort(new Error(`caller gave up on ${key}`))));
    await run('refused', { baseUrl: `http://127.0.0.1:${await closedPort()}` }, (c) => c.getSession('ps-1'));
    await run('tls', { baseUrl: faults.baseUrl.replace('http:', 'https:') }, (c) => c.getSession('ps-1'));
    await run('bad base URL', { baseUrl: `not a url ${key}` }, (c) => c.getSession('ps-1'));

    assert.ok(faults.requests.some((r) => r.headers.authorization?.includes(forms[1])), 'the key was really sent, so the echo cases had it to leak');
    assert.ok(seen.length > 60, `only ${seen.length} records`);
    for (const { what, text } of seen) {
      for (const form of forms) assert.equal(text.includes(form), false, `${what} contains the key (form ${forms.indexOf(form)}): ${text.slice(0, 300)}`);
    }
  });
});
