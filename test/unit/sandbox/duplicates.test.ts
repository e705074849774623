// 409 DUPLICATE_ERROR from the sandbox: a customer reference_id reused for another customer or from another key,
// and, only when asked for, a session reference_id reused while a session with it is ACTIVE.
import * as assert from 'node:assert/strict';
import { sandboxTestKey, startSandbox, type SandboxOptions } from '../../../src/sandbox/sandboxServer';
import { HttpCaller, type CallResult } from '../../helpers/httpCall';
import { minimalPay } from '../../helpers/sessionRequests';

const customer = { type: 'INDIVIDUAL', reference_id: 'customer-1', email: 'ayu@example.com', individual_detail: { given_names: 'Ayu' } };

async function withSandbox(options: SandboxOptions, test: (post: (body: unknown, key?: string) => Promise<CallResult>, http: HttpCaller, key: string) => Promise<void>): Promise<void> {
  const sandbox = await startSandbox(options);
  const http = new HttpCaller(sandbox.baseUrl);
  const key = sandboxTestKey();
  try {
    await test((body, other) => http.call('POST', '/sessions', { key: other ?? key, body }), http, key);
  } finally {
    await http.close();
    await sandbox.close();
  }
}

function assertDuplicate(res: CallResult, path: string): void {
  assert.equal(res.status, 409, res.text);
  assert.equal(res.json.error_code, 'DUPLICATE_ERROR');
  assert.equal(res.json.errors[0].path, path);
}

describe('sandbox: duplicate reference ids', () => {
  it('takes the same customer again, in any key order, and refuses its reference_id for another customer', async () => {
    await withSandbox({}, async (post) => {
      const first = await post({ ...minimalPay, reference_id: 'a', customer });
      assert.equal(first.status, 201);
      const reordered = { individual_detail: customer.individual_detail, email: customer.email, reference_id: customer.reference_id, type: customer.type };
      const again = await post({ ...minimalPay, reference_id: 'b', customer: reordered });
      assert.equal(again.status, 201);
      // One customer: the same customer_id each time, as the API's customer object is created once.
      assert.match(first.json.customer_id, /^cust-[0-9a-f-]{36}$/);
      assert.equal(again.json.customer_id, first.json.customer_id);
      const other = await post({ ...minimalPay, reference_id: 'c', customer: { ...customer, email: 'budi@example.com', individual_detail: { given_names: 'Budi' } } });
      assertDuplicate(other, '/body/customer/reference_id');
      assert.match(other.json.message, /^A customer with reference_id "customer-1" already exists with other details/);
      const second = await post({ ...minimalPay, reference_id: 'd', customer: { ...customer, reference_id: 'customer-2', email: 'budi@example.com' } });
      assert.equal(second.status, 201);
      assert.notEqual(second.json.customer_id, first.json.customer_id, 'another customer got the first one\'s customer_id');
    });
  });

  it('refuses a customer reference_id another key (another business) created', async () => {
    await withSandbox({}, async (post) => {
      assert.equal((await post({ ...minimalPay, customer })).status, 201);
      const res = await post({ ...minimalPay, customer }, sandboxTestKey());
      assertDuplicate(res, '/body/customer/reference_id');
      assert.match(res.json.message, /already exists for another business/);
    });
  });

  it('takes a session reference_id twice by default', async () => {
    await withSandbox({}, async (post) => {
      assert.equal((await post(minimalPay)).status, 201);
      assert.equal((await post(minimalPay)).status, 201);
    });
  });

  it('with rejectActiveReferenceReuse, refuses it while a session with it is ACTIVE, and takes it once that one is cancelled', async () => {
    await withSandbox({ rejectActiveReferenceReuse: true }, async (post, http, key) => {
      const first = await post(minimalPay);
      assert.equal(first.status, 201);
      const again = await post(minimalPay);
      assertDuplicate(again, '/body/reference_id');
      assert.match(again.json.message, new RegExp(`^The ACTIVE session ${String(first.json.payment_session_id)} already has reference_id "order-1"`));
      assert.equal((await post(minimalPay, sandboxTestKey())).status, 201, 'another key has its own reference ids');
      assert.equal((await post({ ...minimalPay, reference_id: 'order-2' })).status, 201);
      assert.equal((await http.call('POST', `/sessions/${String(first.json.payment_session_id)}/cancel`, { key })).status, 200);
      assert.equal((await post(minimalPay)).status, 201);
    });
  });
});
