// The threat and fault suite through the command path, faults from the network: each case ends in a clear
// message, the file untouched, the next request working, and no POST sent twice. Links are refused here too.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type * as http from 'node:http';
import type { TestingApi } from '../../src/extension';
import type { ResultView } from '../../src/vscode/resultView';
import { openRequest, recordingServer, suiteHooks, waitFor, withUserSetting } from './helpers';
import { payBody, sendSteps, sessionJson } from './securitySteps';

type Fault = { name: string; handler: (req: http.IncomingMessage, res: http.ServerResponse) => void; expect: (view: ResultView) => void; timeoutSeconds?: number };

const faults: Fault[] = [
  {
    name: 'a server that never answers (timeout)',
    handler: () => undefined,
    timeoutSeconds: 1,
    expect: (v) => {
      assert.equal(v.networkError?.kind, 'timeout');
      assert.match(v.networkError!.message, /did not start answering within 1 s/);
      assert.match(v.networkError!.message, /check .* before sending it again/i);
    },
  },
  {
    name: 'a connection reset mid-body',
    handler: (_req, res) => {
      res.writeHead(201, { 'content-type': 'application/json', 'content-length': '5000' });
      res.write('{"payment_session_id": "ps-');
      setTimeout(() => res.socket?.destroy(), 50);
    },
    expect: (v) => {
      assert.equal(v.networkError?.kind, 'reset');
      assert.match(v.networkError!.message, /connection .* was closed/);
    },
  },
  {
    name: 'an HTML 502 from a proxy',
    handler: (_req, res) => res.writeHead(502, { 'content-type': 'text/html' }).end('<html><body><h1>502 Bad Gateway</h1></body></html>'),
    expect: (v) => {
      assert.equal(v.http?.status, 502);
      assert.equal(v.outcome, 'unexpectedResponse');
      assert.match(v.unexpectedResponse!.reason, /instead of JSON .*proxy or load balancer/);
      assert.match(v.unexpectedResponse!.firstBytes, /502 Bad Gateway/);
    },
  },
  {
    name: 'truncated JSON',
    handler: (_req, res) => res.writeHead(201, { 'content-type': 'application/json' }).end(sessionJson().slice(0, 80)),
    expect: (v) => {
      assert.equal(v.outcome, 'unexpectedResponse');
      assert.match(v.unexpectedResponse!.reason, /truncated or malformed/);
    },
  },
  {
    name: 'a 429 with Rate-Limit-Reset',
    handler: (_req, res) =>
      res
        .writeHead(429, { 'content-type': 'application/json', 'rate-limit-limit': '60', 'rate-limit-remaining': '0', 'rate-limit-reset': '12.5' })
        .end(JSON.stringify({ error_code: 'RATE_LIMIT_EXCEEDED', message: 'Too many requests' })),
    expect: (v) => {
      assert.equal(v.apiError?.errorCode, 'RATE_LIMIT_EXCEEDED');
      assert.match(v.apiError!.explanation, /Rate-Limit-Reset/);
      assert.deepEqual(
        v.headers.filter(([k]) => k.startsWith('rate-limit')).map(([k, val]) => `${k}=${val}`).sort(),
        ['rate-limit-limit=60', 'rate-limit-remaining=0', 'rate-limit-reset=12.5'],
      );
    },
  },
  {
    name: 'a body over 10 MB',
    handler: (_req, res) => {
      res.writeHead(201, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const more = () => {
        while (sent < 11) {
          sent++;
          if (!res.write(chunk)) return void res.once('drain', more);
        }
        res.end();
      };
      more();
    },
    expect: (v) => {
      assert.equal(v.outcome, 'unexpectedResponse');
      assert.match(v.unexpectedResponse!.reason, /larger than 10 MB/);
    },
  },
  {
    name: 'a slow drip past the body timeout',
    timeoutSeconds: 1,
    handler: (_req, res) => {
      res.writeHead(201, { 'content-type': 'application/json' });
      res.flushHeaders();
      let n = 0;
      const timer = setInterval(() => {
        if (n++ > 5 || res.destroyed) return clearInterval(timer);
        res.write(' ');
      }, 1_600);
      res.on('close', () => clearInterval(timer));
    },
    expect: (v) => {
      assert.equal(v.networkError?.kind, 'timeout');
      assert.match(v.networkError!.message, /started answering, then sent nothing for over 1 s/);
    },
  },
];

describe('security and faults', function () {
  this.timeout(90_000);
  let api: TestingApi;
  const restores = suiteHooks((a) => (api = a), { resetTargets: true });
  const { useTestTarget, createAndRead, nextRequestWorks } = sendSteps(() => api, restores);

  for (const fault of faults) {
    it(`survives ${fault.name}: a clear message, one POST, and the next request works`, async () => {
      const server = await recordingServer(fault.handler);
      restores.push(() => server.close());
      await useTestTarget(server.baseUrl, fault.timeoutSeconds);
      const file = `fault-${faults.indexOf(fault)}.session.json`;
      const editor = await openRequest(file, payBody);
      const before = fs.readFileSync(editor.document.uri.fsPath);
      const view = await createAndRead(editor.document.uri.toString());
      fault.expect(view);
      // A second POST would need a connection: once the extension holds none to the server, the count is final.
      await waitFor(() => server.openConnections() === 0 || undefined, 'the extension to let go of the fault server', 15_000);
      assert.equal(server.requests.filter((r) => r.method === 'POST').length, 1, 'the POST was sent more than once');
      assert.deepEqual(fs.readFileSync(editor.document.uri.fsPath), before, 'the request file changed');
      await nextRequestWorks(editor.document.uri.toString());
    });
  }

  it('keeps sending after a setting changes and changes back (a replaced client is never reused)', async () => {
    const editor = await openRequest('settings-flip.session.json', payBody);
    const uri = editor.document.uri.toString();
    assert.equal((await createAndRead(uri)).outcome, 'session');
    const restore = await withUserSetting('requestTimeoutSeconds', 7);
    assert.equal((await createAndRead(uri)).outcome, 'session');
    await restore();
    await nextRequestWorks(uri);
  });

  it('refuses a server that is not listening with "refused"', async () => {
    const server = await recordingServer(() => undefined);
    const closedUrl = server.baseUrl;
    await server.close();
    await useTestTarget(closedUrl);
    const editor = await openRequest('refused.session.json', payBody);
    const view = await createAndRead(editor.document.uri.toString());
    assert.equal(view.networkError?.kind, 'refused');
    assert.match(view.networkError!.message, /refused the connection/);
    await nextRequestWorks(editor.document.uri.toString());
  });

  it('refuses data:, vscode: and look-alike links with a message', async () => {
    const opened: string[] = [];
    const errors: string[] = [];
    restores.push(api.ui.override({ openExternal: async (u) => (opened.push(u.toString()), true), showErrorMessage: async (m) => void errors.push(m) }));
    for (const bad of ['data:text/html,<script>alert(1)</script>', 'vscode:extension/evil.ext', 'https://checkout.xendit.co@evil.example/', 'https://xendit.co\u202e/moc.live']) {
      assert.equal(await api.actions.openLink(bad), false, bad);
    }
    assert.equal(opened.length, 0);
    assert.equal(errors.length, 4);
    assert.ok(errors.every((e) => e.startsWith('The link was not opened.')));
  });
});
