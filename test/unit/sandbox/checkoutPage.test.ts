import * as assert from 'node:assert/strict';
import { escapeHtml, formatAmount, renderCheckoutPage } from '../../../src/sandbox/checkoutPage';
import type { SandboxSession } from '../../../src/sandbox/sandboxStore';

function session(fields: Record<string, unknown>): SandboxSession {
  return {
    owner: 'o',
    body: {
      payment_session_id: 'ps-0123456789abcdef01234567',
      reference_id: 'order-1',
      session_type: 'PAY',
      mode: 'PAYMENT_LINK',
      currency: 'IDR',
      amount: 150000,
      status: 'ACTIVE',
      expires_at: '2030-01-01T00:30:00Z',
      ...fields,
    },
  };
}

describe('renderCheckoutPage', () => {
  it('shows amount, currency, description, items, and plain forms to pay or cancel', () => {
    const html = renderCheckoutPage(
      session({ description: 'Two shirts', items: [{ name: 'Batik shirt', description: 'Blue, size M', net_unit_amount: 65000, quantity: 2 }] }),
      'n0nce',
    );
    assert.ok(html.includes('IDR 150,000'));
    assert.ok(html.includes('<h1>Two shirts</h1>'));
    assert.ok(html.includes('Batik shirt') && html.includes('Blue, size M') && html.includes('× 2') && html.includes('IDR 65,000'));
    assert.ok(html.includes('<form method="post" action="ps-0123456789abcdef01234567/pay">'));
    assert.ok(html.includes('<form method="post" action="ps-0123456789abcdef01234567/cancel">'));
    assert.ok(html.includes('<style nonce="n0nce">'));
    assert.equal(/<script/i.test(html), false);
  });

  it('escapes every value that comes from the request', () => {
    const evil = `"><img src=x onerror=alert(1)>'&`;
    const html = renderCheckoutPage(
      session({ reference_id: evil, description: evil, locale: evil, mode: evil, session_type: evil, items: [{ name: evil, description: evil, quantity: evil, net_unit_amount: 1 }] }),
      'n',
    );
    assert.equal(html.includes('<img'), false);
    assert.equal(html.includes('onerror=alert(1)>'), false);
    assert.ok(html.includes(escapeHtml(evil)));
  });

  it('links back only to an https return URL, matching the outcome', () => {
    const urls = { success_return_url: 'https://shop.example/ok', cancel_return_url: 'https://shop.example/cancel' };
    assert.ok(renderCheckoutPage(session({ ...urls, status: 'COMPLETED', payment_request_id: 'pr-1' }), 'n').includes('href="https://shop.example/ok"'));
    assert.ok(renderCheckoutPage(session({ ...urls, status: 'CANCELED' }), 'n').includes('href="https://shop.example/cancel"'));
    assert.ok(renderCheckoutPage(session({ ...urls, status: 'EXPIRED' }), 'n').includes('href="https://shop.example/cancel"'));
    assert.equal(renderCheckoutPage(session({ ...urls }), 'n').includes('href='), false, 'no link while ACTIVE');
    for (const bad of ['javascript:alert(1)', 'http://shop.example/ok', 'data:text/html,x', 'not a url']) {
      assert.equal(renderCheckoutPage(session({ success_return_url: bad, status: 'COMPLETED' }), 'n').includes('href='), false, bad);
    }
  });

  it('offers to save payment details for a SAVE session, and no buttons once it is final', () => {
    assert.match(renderCheckoutPage(session({ session_type: 'SAVE', amount: 0 }), 'n'), /Save payment details/);
    for (const status of ['COMPLETED', 'CANCELED', 'EXPIRED']) assert.equal(renderCheckoutPage(session({ status }), 'n').includes('<form'), false, status);
  });
});

describe('formatAmount', () => {
  it('writes IDR and VND without decimals and others with two', () => {
    assert.equal(formatAmount(150000, 'IDR'), 'IDR 150,000');
    assert.equal(formatAmount(25000, 'VND'), 'VND 25,000');
    assert.equal(formatAmount(12.5, 'USD'), 'USD 12.50');
    assert.equal(formatAmount(1999, 'PHP'), 'PHP 1,999.00');
  });
});
