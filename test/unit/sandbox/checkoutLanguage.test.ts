// The sandbox checkout page in another language: every sentence it shows comes from the language it was started
// with, built from the same l10n bundle as the extension's strings (l10n/bundle.l10n.id.json), through a real
// sandbox on 127.0.0.1: an ACTIVE page, a paid one, and the not-found page.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sandboxTestKey, startSandbox, type SandboxHandle } from '../../../src/sandbox/sandboxServer';
import { CHECKOUT_MESSAGES, checkoutLanguage, ENGLISH_CHECKOUT } from '../../../src/sandbox/checkoutText';
import { HttpCaller } from '../../helpers/httpCall';
import { repoRoot } from '../../helpers/repoRoot';
import { minimalPay } from '../../helpers/sessionRequests';

const bundle = (name: string) => JSON.parse(readFileSync(join(repoRoot, 'l10n', name), 'utf8')) as Record<string, string>;
const english = bundle('bundle.l10n.json');
const indonesian = bundle('bundle.l10n.id.json');
/** A template's fixed text, without its holes: what must show on the page. */
const fixedParts = (template: string) => template.split(/\{\d+\}/).map((part) => part.trim()).filter((part) => part.length > 1);

describe('sandbox checkout page: language', () => {
  let sandbox: SandboxHandle;
  let http: HttpCaller;
  const key = sandboxTestKey();
  before(async () => {
    sandbox = await startSandbox({ checkoutLanguage: checkoutLanguage('id', indonesian) });
    http = new HttpCaller(sandbox.baseUrl);
  });
  after(async () => {
    await http?.close();
    await sandbox?.close();
  });

  it('has every sentence of the page in the l10n bundle the extension exports, translated with the same holes', () => {
    const holes = (text: string) => (text.match(/\{\d+\}/g) ?? []).sort().join();
    for (const message of CHECKOUT_MESSAGES) {
      assert.equal(english[message], message, `"${message}" is not in l10n/bundle.l10n.json: is it a vscode.l10n.t call in src/vscode/checkoutLanguage.ts?`);
      assert.ok(indonesian[message], `no Indonesian for "${message}"`);
      assert.equal(holes(indonesian[message] ?? ''), holes(message), message);
    }
  });

  it('shows an ACTIVE session, then the paid one, in Indonesian, with lang="id" and no English sentence left', async () => {
    const created = (await http.call('POST', '/sessions', { key, body: { ...minimalPay, success_return_url: 'https://shop.example/ok' } })).json as { payment_link_url: string };
    const active = (await http.call('GET', created.payment_link_url)).text;
    await http.call('POST', `${created.payment_link_url}/pay`, { rawBody: '' });
    const paid = (await http.call('GET', created.payment_link_url)).text;
    for (const page of [active, paid]) assert.match(page, /<html lang="id">/);
    const shown = (page: string, message: (typeof CHECKOUT_MESSAGES)[number]) => fixedParts(indonesian[message] ?? '').every((part) => page.includes(part));
    for (const message of ['Sandbox checkout · {0}', 'Xendit Sessions Playground · local sandbox checkout (no real payment)', 'Reference {0} · session {1} · {2} · {3}', 'Pay {0}', 'Cancel', 'Expires at {0}.'] as const) {
      assert.ok(shown(active, message), `the ACTIVE page lacks "${indonesian[message]}"`);
    }
    for (const message of ['Payment received.', 'Payment request {0}.', 'Return to the merchant'] as const) {
      assert.ok(shown(paid, message), `the paid page lacks "${indonesian[message]}"`);
    }
    for (const message of CHECKOUT_MESSAGES) {
      if (indonesian[message] === message) continue;
      for (const part of fixedParts(message).filter((p) => p.length > 4)) {
        for (const page of [active, paid]) assert.ok(!page.includes(`>${part}`) && !page.includes(`${part}<`), `English left on the page: "${part}"`);
      }
    }
  });

  it('answers an unknown session with the not-found page in the same language', async () => {
    const missing = await http.call('GET', '/checkout/ps-000000000000000000000000');
    assert.equal(missing.status, 404);
    assert.ok(missing.text.includes(indonesian['No sandbox session has this id. Sessions live in memory and vanish when the sandbox stops.'] ?? '?'));
  });

  it('keeps English where a translation is missing or drops a hole, so no value is lost', () => {
    const broken = checkoutLanguage('xx', { 'Pay {0}': 'Bayar sekarang', Cancel: 'Batal' });
    assert.equal(broken.templates['Pay {0}'], 'Pay {0}');
    assert.equal(broken.templates.Cancel, 'Batal');
    assert.equal(broken.templates['Expires at {0}.'], ENGLISH_CHECKOUT.templates['Expires at {0}.']);
  });
});
