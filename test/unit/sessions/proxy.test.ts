import * as assert from 'node:assert/strict';
import { chooseProxy, type ProxySources } from '../../../src/sessions/proxy';

function proxyFor(target: string, sources: Partial<ProxySources>): string | undefined {
  const decision = chooseProxy(target, { env: {}, ...sources });
  assert.ok(decision.ok, `refused: ${decision.ok ? '' : decision.reason}`);
  return decision.proxy && `${decision.proxy.shown} from ${decision.proxy.source}`;
}

describe('chooseProxy', () => {
  const API = 'https://api.xendit.co';

  it('none configured: direct', () => {
    assert.equal(proxyFor(API, {}), undefined);
  });

  it('reads HTTPS_PROXY, then https_proxy, HTTP_PROXY and http_proxy', () => {
    assert.equal(proxyFor(API, { env: { HTTPS_PROXY: 'http://a:1', https_proxy: 'http://b:2', HTTP_PROXY: 'http://c:3' } }), 'http://a:1 from HTTPS_PROXY');
    assert.equal(proxyFor(API, { env: { https_proxy: 'http://b:2', HTTP_PROXY: 'http://c:3' } }), 'http://b:2 from https_proxy');
    assert.equal(proxyFor(API, { env: { HTTP_PROXY: 'http://c:3', http_proxy: 'http://d:4' } }), 'http://c:3 from HTTP_PROXY');
    assert.equal(proxyFor(API, { env: { http_proxy: 'http://d:4', HTTPS_PROXY: '  ' } }), 'http://d:4 from http_proxy');
  });

  it("an explicit proxy (VS Code's http.proxy) wins over the environment", () => {
    assert.equal(proxyFor(API, { proxy: { url: 'http://corp:8080', source: 'the setting http.proxy' }, env: { HTTPS_PROXY: 'http://a:1' } }), 'http://corp:8080 from the setting http.proxy');
  });

  it('a proxy without a scheme means http://', () => {
    assert.equal(proxyFor(API, { env: { HTTPS_PROXY: 'proxy.corp:3128' } }), 'http://proxy.corp:3128 from HTTPS_PROXY');
  });

  it('loopback hosts (the sandbox, a local mock) are never proxied', () => {
    const env = { HTTPS_PROXY: 'http://corp:8080', HTTP_PROXY: 'http://corp:8080' };
    for (const url of ['http://127.0.0.1:8000', 'http://localhost:3000', 'http://[::1]:9', 'https://127.1.2.3', 'http://api.localhost:1']) {
      assert.equal(proxyFor(url, { env }), undefined, url);
    }
  });

  it('NO_PROXY and no_proxy: *, domains with their subdomains, leading dots and stars, ports', () => {
    const on = (noProxy: string, target = API) => proxyFor(target, { env: { HTTPS_PROXY: 'http://corp:8080', NO_PROXY: noProxy } });
    assert.equal(on('*'), undefined);
    assert.equal(on('xendit.co'), undefined);
    assert.equal(on('.xendit.co'), undefined);
    assert.equal(on('*.xendit.co'), undefined);
    assert.equal(on('example.com, api.xendit.co'), undefined);
    assert.equal(on('api.xendit.co:443'), undefined);
    assert.equal(on('api.xendit.co:8443'), 'http://corp:8080 from HTTPS_PROXY');
    assert.equal(on('endit.co'), 'http://corp:8080 from HTTPS_PROXY', 'a suffix that is not a whole label does not match');
    assert.equal(on('10.0.0.5', 'https://10.0.0.5:8443'), undefined);
    assert.equal(proxyFor(API, { env: { HTTPS_PROXY: 'http://corp:8080', no_proxy: 'xendit.co' } }), undefined);
  });

  it("VS Code's http.noProxy is honoured with NO_PROXY", () => {
    const sources = { proxy: { url: 'http://corp:8080', source: 'the setting http.proxy' }, env: { NO_PROXY: 'example.com' } };
    assert.equal(proxyFor(API, { ...sources, noProxy: ['*.xendit.co'] }), undefined);
    assert.equal(proxyFor('https://example.com', sources), undefined);
    assert.equal(proxyFor(API, sources), 'http://corp:8080 from the setting http.proxy');
  });

  it('credentials are kept for the connection but never shown, and listed for redaction in every form', () => {
    const decision = chooseProxy(API, { env: { HTTPS_PROXY: 'http://alice:s%40cret-pw@corp:8080' } });
    assert.ok(decision.ok && decision.proxy);
    assert.equal(decision.proxy.shown, 'http://corp:8080');
    assert.match(decision.proxy.url, /alice:s%40cret-pw@/);
    for (const form of ['s%40cret-pw', 's@cret-pw', Buffer.from('alice:s@cret-pw').toString('base64')]) {
      assert.ok(decision.proxy.secrets.includes(form), `redacts ${form}`);
    }
    // The user name beside a password is not the secret: redacting it would cut the word out of every message.
    assert.equal(decision.proxy.secrets.includes('alice'), false);
  });

  it('refuses a proxy that is not http(s), or not a URL, without repeating its value', () => {
    const socks = chooseProxy(API, { env: { HTTPS_PROXY: 'socks5://bob:hunter22@corp:1080' } });
    assert.ok(!socks.ok);
    assert.match(socks.reason, /socks5:\/\/corp:1080 set in HTTPS_PROXY is not an http:\/\/ or https:\/\/ proxy/);
    assert.doesNotMatch(socks.reason, /hunter22|bob/);
    const broken = chooseProxy(API, { proxy: { url: 'http://bob:hunter22@[bad', source: 'the setting http.proxy' }, env: {} });
    assert.ok(!broken.ok);
    assert.match(broken.reason, /The proxy set in the setting http.proxy is not a valid URL/);
    assert.doesNotMatch(broken.reason, /hunter22|bob/);
  });

  it('strictSSL follows the setting, on by default', () => {
    const on = chooseProxy(API, { env: { HTTPS_PROXY: 'http://corp:8080' } });
    const off = chooseProxy(API, { env: { HTTPS_PROXY: 'http://corp:8080' }, strictSSL: false });
    assert.equal(on.ok && on.proxy?.strictSSL, true);
    assert.equal(off.ok && off.proxy?.strictSSL, false);
  });
});
