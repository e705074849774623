// The panel's explanations speak the display language, not only its labels: each answer a real server on 127.0.0.1
// gives (Xendit errors, bodies that cannot be used, connections that fail, a proxy that refuses) is built into a
// ResultView with the Indonesian bundle, and every sentence the panel shows about it must come from that bundle.
// The extension host does the same with vscode.l10n.t (src/vscode/displayLanguage.ts); here the bundle is read
// directly, as the test runs without VS Code.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import * as path from 'node:path';
import { SessionsClient, type SessionsResult } from '../../src/sessions/client';
import { checkExternalLink } from '../../src/sessions/linkPolicy';
import { inEnglish, type Say, say } from '../../src/sessions/phrase';
import { chooseProxy } from '../../src/sessions/proxy';
import { buildResultView, type BuildContext } from '../../src/vscode/resultViewBuilder';
import type { ResultView } from '../../src/vscode/resultView';
import { fakeKey } from '../helpers/fakeKeys';
import { closedPort } from '../helpers/faultServer';
import { minimalPay } from '../helpers/sessionRequests';
import { repoRoot } from '../helpers/repoRoot';

const indonesian = JSON.parse(fs.readFileSync(path.join(repoRoot, 'l10n', 'bundle.l10n.id.json'), 'utf8')) as Record<string, string>;
/** Says a template in Indonesian, and marks one the bundle does not have so that it cannot pass for translated. */
const inIndonesian: Say = (template, args) => inEnglish(indonesian[template] ?? `«untranslated: ${template}»`, args);

const xenditError = (status: number, code: string) => ({ status, type: 'application/json', body: JSON.stringify({ error_code: code, message: `${code} from the test server` }) });

/** What GET /sessions/<case> answers. */
const ANSWERS: Record<string, { status: number; type?: string; body: string; location?: string }> = {
  moved: { status: 301, type: 'text/html', body: '<html>Moved</html>', location: 'https://api.example.test/v2/sessions' },
  html502: { status: 502, type: 'text/html', body: '<html><body>Bad gateway</body></html>' },
  textPlain200: { status: 200, type: 'text/plain', body: 'ok' },
  untyped200: { status: 200, body: 'ok' },
  empty: { status: 200, type: 'application/json', body: '' },
  truncated: { status: 200, type: 'application/json', body: '{"payment_session_id": "ps-' },
  offModel: { status: 200, type: 'application/json', body: '{"payment_session_id": 7}' },
  notAnObject: { status: 200, type: 'application/json', body: '[]' },
  notXenditError: { status: 500, type: 'application/json', body: '{"oops": true}' },
  validation: xenditError(400, 'API_VALIDATION_ERROR'),
  invalidKey: xenditError(401, 'INVALID_API_KEY'),
  forbidden: xenditError(403, 'REQUEST_FORBIDDEN_ERROR'),
  duplicate: xenditError(409, 'DUPLICATE_ERROR'),
  unknown4xx: xenditError(418, 'SOMETHING_NEW'),
  unknown5xx: xenditError(503, 'SOMETHING_ELSE'),
  finalStatus: xenditError(400, 'INVALID_SESSION_STATUS'),
};

describe("the panel's explanations in the display language", function () {
  this.timeout(20_000);
  let server: Server;
  let baseUrl: string;
  const sockets = new Set<Socket>();
  const clients: SessionsClient[] = [];

  before(async () => {
    server = createServer((req, res) => {
      const name = (req.url ?? '').split('/').pop() ?? '';
      if (name === 'reset') return req.socket.resetAndDestroy();
      if (name === 'silent') return undefined;
      if (name === 'stalls') {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
        return res.write('{');
      }
      const answer = ANSWERS[name] ?? { status: 404, type: 'text/plain', body: `no case ${name}` };
      res.writeHead(answer.status, { ...(answer.type ? { 'content-type': answer.type } : {}), ...(answer.location ? { location: answer.location } : {}) });
      return res.end(answer.body);
    });
    server.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    await Promise.all(clients.map((c) => c.close()));
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  function client(options: Partial<ConstructorParameters<typeof SessionsClient>[0]> = {}): SessionsClient {
    const c = new SessionsClient({ baseUrl, secretKey: fakeKey('test'), timeouts: { headersMs: 400, bodyMs: 400, totalMs: 5_000 }, ...options });
    clients.push(c);
    return c;
  }

  const ctx = (extra: Partial<BuildContext> = {}): BuildContext => ({
    requestUri: 'file:///tmp/xsp-language/r.session.json',
    requestLabel: 'r.session.json',
    target: { kind: 'test', label: 'Xendit test', baseUrl },
    ...extra,
  });

  /** The panel's own sentences about a result (not the server's message or body), in English and in Indonesian. */
  function sentences(result: SessionsResult, extra: Partial<BuildContext> = {}): { english: string[]; translated: string[] } {
    const texts = (view: ResultView) =>
      [view.apiError?.explanation, view.networkError?.message, view.networkError?.hint, view.unexpectedResponse?.reason].filter((t): t is string => t !== undefined);
    const english = texts(buildResultView(result, ctx(extra)));
    const translated = texts(buildResultView(result, ctx(extra), inIndonesian));
    assert.ok(english.length > 0, `no explanation for a ${result.kind}`);
    return { english, translated };
  }

  function assertTranslated(result: SessionsResult, label: string, extra: Partial<BuildContext> = {}): string[] {
    const { english, translated } = sentences(result, extra);
    for (const [i, text] of translated.entries()) {
      assert.doesNotMatch(text, /«untranslated/, `${label}: a sentence has no Indonesian: ${text}`);
      assert.notEqual(text, english[i], `${label}: the panel shows the English sentence: ${text}`);
    }
    return translated;
  }

  it('explains each kind of answer the panel can get with sentences from the bundle', async () => {
    const c = client();
    for (const name of Object.keys(ANSWERS)) {
      const result = await c.getSession(name);
      assert.ok(result.kind === 'apiError' || result.kind === 'unexpectedResponse', `${name} gave a ${result.kind}`);
      assertTranslated(result, name);
    }
  });

  it('says why a cancel was refused with the status the session has, in Indonesian', async () => {
    const result = await client().getSession('finalStatus');
    const [explanation] = assertTranslated(result, 'refused cancel', { lastStatus: 'EXPIRED' });
    assert.equal(explanation, 'Sesi ini berstatus EXPIRED; hanya sesi ACTIVE yang dapat dibatalkan.');
  });

  it('explains connections that fail (reset, silent, stalled, refused, through a refused proxy) with their host kept', async () => {
    const c = client();
    const failures: [string, SessionsResult][] = [
      ['reset', await c.getSession('reset')],
      ['silent', await c.getSession('silent')],
      ['stalls', await c.getSession('stalls')],
    ];
    const refused = client({ baseUrl: `http://127.0.0.1:${await closedPort()}` });
    failures.push(['refused create', await refused.createSession(minimalPay)]);
    const proxy = chooseProxy('https://api.xendit.test', { env: { HTTPS_PROXY: `http://127.0.0.1:${await closedPort()}` } });
    assert.ok(proxy.ok && proxy.proxy, 'a proxy is chosen');
    failures.push(['refused proxy', await client({ baseUrl: 'https://api.xendit.test', proxy: proxy.proxy }).createSession(minimalPay)]);

    const kinds = failures.map(([, r]) => (r.kind === 'networkError' ? r.error.kind : r.kind));
    assert.deepEqual(kinds, ['reset', 'timeout', 'timeout', 'refused', 'refused']);
    for (const [label, result] of failures) {
      const [message] = assertTranslated(result, label);
      assert.match(message ?? '', /127\.0\.0\.1:\d+/, `${label}: the host is lost from the message`);
    }
    const [created] = assertTranslated(failures[3]?.[1] as SessionsResult, 'refused create');
    assert.match(created ?? '', /menolak koneksi/);
  });

  it('gives the reason a proxy setting is refused in Indonesian', () => {
    for (const proxy of ['socks5://corp:1080', 'http://[bad']) {
      const decision = chooseProxy('https://api.xendit.test', { env: { HTTPS_PROXY: proxy } });
      assert.ok(!decision.ok, `${proxy} was accepted`);
      const text = say(decision.says, inIndonesian);
      assert.doesNotMatch(text, /«untranslated/, `no Indonesian for the refusal of ${proxy}`);
      assert.notEqual(text, decision.reason);
      assert.match(text, /HTTPS_PROXY/);
    }
  });

  it('gives the reason a link was not opened in Indonesian', () => {
    const links = ['', 'javascript:alert(1)', 'http://example.com/pay', 'https://user:pw@example.com/', 'not a url', 'http://127.0.0.1:9/x', `https://a.example/${'x'.repeat(9000)}`, 'https://exa\u202emple.com'];
    for (const link of links) {
      const verdict = checkExternalLink(link, 'http://127.0.0.1:8/');
      assert.ok(!verdict.ok, `${link.slice(0, 40)} was allowed`);
      const text = say(verdict.says, inIndonesian);
      assert.doesNotMatch(text, /«untranslated/, `no Indonesian for the refusal of ${link.slice(0, 40)}`);
      assert.notEqual(text, verdict.reason);
    }
  });
});
