import * as assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SessionsClient } from '../../../src/sessions/client';
import { buildResultView } from '../../../src/vscode/resultViewBuilder';
import { fakeKey } from '../../helpers/fakeKeys';
import { minimalPay } from '../../helpers/sessionRequests';

const common = {
  payment_session_id: 'ps-661f87c614802d6c402cd82d',
  created: '2026-12-02T00:00:00Z',
  updated: '2026-12-02T00:00:00Z',
  reference_id: 'order-1',
  session_type: 'PAY',
  currency: 'IDR',
  amount: 10000,
  country: 'ID',
  mode: 'PAYMENT_LINK',
  expires_at: '2026-12-02T00:30:00Z',
  locale: 'en',
  status: 'ACTIVE',
  payment_link_url: 'https://xen.to/kGxPCi60',
  business_id: '661f87c614802d6c402cd82d',
};
/** The OpenAPI examples' shape: absent fields as null (and `{}` for channel_properties). */
const openApiShape = { ...common, customer_id: null, channel_properties: {}, allowed_payment_channels: ['OVO', 'DANA'], items: null, metadata: null, payment_token_id: null, payment_request_id: null };
/** The 2026 live responses' shape: absent fields left out, allowed_payment_channels only when sent. */
const liveShape = { ...common };

describe('the client and the panel read both response shapes', () => {
  let server: Server;
  let baseUrl = '';
  let answer: unknown = liveShape;
  before(async () => {
    server = createServer((req, res) => {
      req.resume();
      const text = JSON.stringify(answer);
      res.writeHead(201, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  async function viewOf(body: unknown) {
    answer = body;
    const client = new SessionsClient({ baseUrl, secretKey: fakeKey('test') });
    try {
      const result = await client.createSession(minimalPay);
      assert.equal(result.kind, 'session', JSON.stringify(result).slice(0, 500));
      return buildResultView(result, { requestUri: 'file:///r.session.json', requestLabel: 'r.session.json', target: { kind: 'test', label: 'Xendit test', baseUrl } });
    } finally {
      await client.close();
    }
  }

  it('shows the same session whether absent fields are null or left out', async () => {
    const fromOpenApi = await viewOf(openApiShape);
    const fromLive = await viewOf(liveShape);
    assert.deepEqual(fromLive.session, fromOpenApi.session);
    assert.equal(fromLive.session?.paymentTokenId, null);
    assert.equal(fromLive.session?.paymentRequestId, null);
    assert.deepEqual(fromLive.actions, fromOpenApi.actions);
  });
});
