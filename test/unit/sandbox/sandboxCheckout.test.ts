// The sandbox's hosted checkout page, and sessions expiring on its moved clock.
import * as assert from 'node:assert/strict';
import { SESSION_REQUEST_EXAMPLES } from '../../../src/sessions/examples';
import { sandboxTestKey } from '../../../src/sandbox/sandboxServer';
import { minimalPay } from '../../helpers/sessionRequests';
import { startWebhookReceiver, type WebhookReceiver } from '../../helpers/webhookReceiver';
import { assertApiError, formAction, open, withSandbox, type Opened } from './sandboxHarness';

describe('sandbox: the hosted checkout page', () => {
  let t: Opened;
  let hooks: WebhookReceiver;
  const key = sandboxTestKey();
  before(async () => {
    hooks = await startWebhookReceiver();
    t = await open({ webhookUrl: hooks.url, callbackToken: 'token-for-tests' });
  });
  after(async () => {
    await t.close();
    await hooks.close();
  });

  it('shows the amount, currency, description and items; paying completes a PAY session and links back', async () => {
    const body = { ...SESSION_REQUEST_EXAMPLES.find((e) => e.name === 'pay-payment-link')!.body, reference_id: 'order-pay-1' };
    const created = (await t.http.call('POST', '/sessions', { key, body })).json;
    const page = await t.http.call('GET', created.payment_link_url);
    assert.equal(page.status, 200);
    assert.match(String(page.headers['content-type']), /^text\/html/);
    assert.match(String(page.headers['content-security-policy']), /default-src 'none'/);
    assert.ok(page.text.includes('IDR 150,000'), 'amount and currency');
    assert.ok(page.text.includes(body.description!), 'description');
    for (const item of body.items!) assert.ok(page.text.includes(item.name), item.name);
    assert.equal(/<script/i.test(page.text), false, 'the page needs no script');

    const paid = await t.http.call('POST', formAction(created.payment_link_url, page.text, 'pay'), { rawBody: '', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(paid.status, 303);
    const after = await t.http.call('GET', new URL(String(paid.headers.location), formAction(created.payment_link_url, page.text, 'pay')).href);
    assert.match(after.text, /COMPLETED/);
    assert.ok(after.text.includes(`href="${body.success_return_url}"`), 'links to success_return_url');

    const got = (await t.http.call('GET', `/sessions/${created.payment_session_id}`, { key })).json;
    assert.equal(got.status, 'COMPLETED');
    assert.match(got.payment_request_id, /^pr-/);
    assert.equal('payment_token_id' in got, false, 'no token: the key is left out, as the live API does');
    assert.ok(Date.parse(got.updated) >= Date.parse(got.created));

    const hook = await hooks.delivered('payment_session.completed');
    assert.equal(hook.headers['x-callback-token'], 'token-for-tests');
    assert.equal(hook.headers['content-type'], 'application/json');
    assert.deepEqual(Object.keys(hook.body).sort(), ['business_id', 'created', 'data', 'event']);
    assert.equal(hook.body.business_id, created.business_id);
    assert.equal(hook.body.data.payment_session_id, created.payment_session_id);
    assert.equal(hook.body.data.status, 'COMPLETED');
  });

  it('lets the customer choose to save with allow_save_payment_method OPTIONAL: a payment_token_id only when the box is ticked', async () => {
    const body = { ...minimalPay, allow_save_payment_method: 'OPTIONAL', customer: { reference_id: `cust-optional-${Date.now()}`, type: 'INDIVIDUAL', email: 'optional@example.com', individual_detail: { given_names: 'Opti' } } };
    const tokens: (string | undefined)[] = [];
    for (const save of [false, true]) {
      const created = (await t.http.call('POST', '/sessions', { key, body: { ...body, reference_id: `optional-${save}-${Date.now()}` } })).json;
      const page = await t.http.call('GET', created.payment_link_url);
      assert.match(page.text, /<input type="checkbox" name="save" value="1"> Save my payment details for next time/);
      await t.http.call('POST', formAction(created.payment_link_url, page.text, 'pay'), { rawBody: save ? 'save=1' : '' });
      const got = (await t.http.call('GET', `/sessions/${created.payment_session_id}`, { key })).json;
      assert.equal(got.status, 'COMPLETED');
      assert.match(got.payment_request_id, /^pr-/);
      tokens.push(got.payment_token_id);
    }
    assert.equal(tokens[0], undefined, 'not ticked: nothing saved');
    assert.match(tokens[1] ?? '', /^pt-/, 'ticked: the payment method is saved');
    // FORCED saves without asking; a plain PAY neither asks nor saves.
    const forced = (await t.http.call('POST', '/sessions', { key, body: { ...body, reference_id: `forced-${Date.now()}`, allow_save_payment_method: 'FORCED' } })).json;
    const forcedPage = await t.http.call('GET', forced.payment_link_url);
    assert.doesNotMatch(forcedPage.text, /name="save"/);
    await t.http.call('POST', formAction(forced.payment_link_url, forcedPage.text, 'pay'), { rawBody: '' });
    assert.match((await t.http.call('GET', `/sessions/${forced.payment_session_id}`, { key })).json.payment_token_id, /^pt-/);
    const plain = (await t.http.call('POST', '/sessions', { key, body: minimalPay })).json;
    assert.doesNotMatch((await t.http.call('GET', plain.payment_link_url)).text, /name="save"/);
  });

  it('gives a SAVE session a payment_token_id when completed', async () => {
    const body = SESSION_REQUEST_EXAMPLES.find((e) => e.name === 'payment-link-save')!.body;
    const created = (await t.http.call('POST', '/sessions', { key, body })).json;
    const page = await t.http.call('GET', created.payment_link_url);
    assert.match(page.text, /Save payment details/);
    await t.http.call('POST', formAction(created.payment_link_url, page.text, 'pay'), { rawBody: '' });
    const got = (await t.http.call('GET', `/sessions/${created.payment_session_id}`, { key })).json;
    assert.equal(got.status, 'COMPLETED');
    assert.match(got.payment_token_id, /^pt-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'as Xendit writes a payment token id');
    assert.equal('payment_request_id' in got, false);
  });

  it("lets the customer cancel, then links to cancel_return_url; a paid or cancelled session has no buttons", async () => {
    const created = (await t.http.call('POST', '/sessions', { key, body: { ...minimalPay, cancel_return_url: 'https://shop.example/cancelled' } })).json;
    const page = await t.http.call('GET', created.payment_link_url);
    await t.http.call('POST', formAction(created.payment_link_url, page.text, 'cancel'), { rawBody: '' });
    assert.equal((await t.http.call('GET', `/sessions/${created.payment_session_id}`, { key })).json.status, 'CANCELED');
    const after = await t.http.call('GET', created.payment_link_url);
    assert.match(after.text, /cancelled/);
    assert.ok(after.text.includes('href="https://shop.example/cancelled"'));
    assert.equal(after.text.includes('<form'), false);
    // Paying a cancelled session changes nothing.
    await t.http.call('POST', `${created.payment_link_url}/pay`, { rawBody: '' });
    assert.equal((await t.http.call('GET', `/sessions/${created.payment_session_id}`, { key })).json.status, 'CANCELED');
  });

  it('escapes every value from the request', async () => {
    const evil = '<script>alert(1)</script>"\'&';
    const created = (await t.http.call('POST', '/sessions', { key, body: { ...minimalPay, reference_id: 'evil<b>', description: evil, items: [{ reference_id: 'e-1', type: 'PHYSICAL_PRODUCT', category: 'c', name: evil, net_unit_amount: 10000, quantity: 1 }] } })).json;
    const page = await t.http.call('GET', created.payment_link_url);
    assert.equal(page.status, 200);
    assert.equal(page.text.includes('<script>'), false);
    assert.equal(page.text.includes('evil<b>'), false);
    assert.ok(page.text.includes('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;'));
  });

  it('answers an unknown session with a 404 page', async () => {
    const res = await t.http.call('GET', '/checkout/ps-000000000000000000000000');
    assert.equal(res.status, 404);
    assert.match(String(res.headers['content-type']), /^text\/html/);
  });
});

describe('sandbox: expiry', () => {
  it('expires a session when expires_at passes: GET shows EXPIRED, cancel is refused, the webhook fires', async () => {
    await withSandbox({ webhooks: [], callbackToken: 'expiry-token' }, async (t) => {
      const { key, hooks } = t;
      const created = (await t.http.call('POST', '/sessions', { key, body: minimalPay })).json;
      t.advanceMinutes(29);
      assert.equal((await t.http.call('GET', `/sessions/${created.payment_session_id}`, { key })).json.status, 'ACTIVE');
      t.advanceMinutes(2);
      const got = (await t.http.call('GET', `/sessions/${created.payment_session_id}`, { key })).json;
      assert.equal(got.status, 'EXPIRED');
      assertApiError(await t.http.call('POST', `/sessions/${created.payment_session_id}/cancel`, { key }), 422, 'INVALID_SESSION_STATUS');
      const page = await t.http.call('GET', created.payment_link_url);
      assert.match(page.text, /expired/);
      const hook = await hooks.delivered('payment_session.expired');
      assert.equal(hook.headers['x-callback-token'], 'expiry-token');
      assert.equal(hook.body.data.status, 'EXPIRED');
      assert.equal(hook.body.data.payment_session_id, created.payment_session_id);
    });
  });

  it('expires sessions on its own timer, without any request', async () => {
    await withSandbox({ webhooks: [], expiryCheckMs: 20 }, async (t) => {
      const { key, hooks } = t;
      const created = (await t.http.call('POST', '/sessions', { key, body: { ...minimalPay, expires_at: '2030-01-01T00:15:00Z' } })).json;
      t.advanceMinutes(16);
      const hook = await hooks.delivered('payment_session.expired');
      assert.equal(hook.body.data.payment_session_id, created.payment_session_id);
    });
  });
});
