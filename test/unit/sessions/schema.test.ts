import * as assert from 'node:assert/strict';
import {
  ALLOW_SAVE_PAYMENT_METHODS,
  ApiError,
  CAPTURE_METHODS,
  COUNTRIES,
  CURRENCIES,
  ITEM_TYPES,
  MODES,
  PAYMENT_CHANNELS,
  PUBLIC_MODES,
  REFUSED_SESSION_TYPES,
  Session,
  SESSION_STATUSES,
  SESSION_TYPES,
  SessionRequest,
} from '../../../src/sessions/schema';
import { CHANNEL_COUNTRY, channelCountry } from '../../../src/sessions/channels';
import { referenceExamples, validValuesOf } from '../../helpers/referencePage';
import { metadataWith, minimalPay as base, shirtItem as item } from '../../helpers/sessionRequests';

function accepts(patch: Record<string, unknown>): boolean {
  return SessionRequest.safeParse({ ...base, ...patch }).success;
}

function issuePaths(patch: Record<string, unknown>): string[] {
  const result = SessionRequest.safeParse({ ...base, ...patch });
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
}

describe('schema: the enums follow the newest docs and account for the older page', () => {
  it('takes the newest public session types and modes, and every older value is refused or flagged', () => {
    assert.deepEqual([...SESSION_TYPES], ['PAY', 'SAVE', 'SUBSCRIPTION']);
    assert.deepEqual(PUBLIC_MODES, ['PAYMENT_LINK', 'COMPONENTS']);
    for (const value of validValuesOf('session_type')) assert.ok((SESSION_TYPES as readonly string[]).includes(value) || REFUSED_SESSION_TYPES[value], value);
    for (const value of validValuesOf('mode')) assert.ok((MODES as readonly string[]).includes(value), value);
    assert.deepEqual([...ALLOW_SAVE_PAYMENT_METHODS], validValuesOf('allow_save_payment_method'));
    assert.deepEqual([...CAPTURE_METHODS], validValuesOf('capture_method'));
  });

  it('lists the page\'s currencies, countries, payment channels and item types (the newest docs keep its six)', () => {
    assert.deepEqual([...CURRENCIES], validValuesOf('currency'));
    assert.deepEqual([...COUNTRIES], validValuesOf('country'));
    assert.deepEqual([...ITEM_TYPES], validValuesOf('type'));
    assert.deepEqual([...PAYMENT_CHANNELS], validValuesOf('allowed_payment_channels'));
  });

  it('lists the response statuses', () => {
    assert.deepEqual([...SESSION_STATUSES], ['ACTIVE', 'COMPLETED', 'EXPIRED', 'CANCELED']);
  });
});

describe('schema: channel countries', () => {
  it('maps only channels of the page\'s list, to the page\'s countries', () => {
    for (const [channel, country] of CHANNEL_COUNTRY) {
      assert.ok((PAYMENT_CHANNELS as readonly string[]).includes(channel), channel);
      assert.ok((COUNTRIES as readonly string[]).includes(country), `${channel} -> ${country}`);
    }
  });

  it('maps channels whose name gives the country away', () => {
    const expected: Record<string, string> = {
      MAYB2U_FPX: 'MY',
      UOB_FPX_BUSINESS: 'MY',
      TOUCHNGO: 'MY',
      QRIS: 'ID',
      OVO: 'ID',
      BCA_VIRTUAL_ACCOUNT: 'ID',
      ALFAMART: 'ID',
      PROMPTPAY: 'TH',
      KBANK_GBW_DIRECT_DEBIT: 'TH',
      QRPH: 'PH',
      GCASH: 'PH',
      '7ELEVEN_CLIQQ': 'PH',
      MOMO: 'VN',
      VIETCAPITAL_VIRTUAL_ACCOUNT: 'VN',
    };
    for (const [channel, country] of Object.entries(expected)) assert.equal(channelCountry(channel), country, channel);
  });

  it('leaves channels offered in several countries unmapped', () => {
    for (const channel of ['CARDS', 'GRABPAY', 'SHOPEEPAY', '7ELEVEN', 'WECHATPAY', 'ALIPAY', 'BANK_TRANSFER', 'CIMB_VIRTUAL_ACCOUNT', 'NOT_A_CHANNEL']) {
      assert.equal(channelCountry(channel), undefined, channel);
    }
  });
});

describe('schema: SessionRequest limits', () => {
  it('accepts a minimal PAY request and every request example on the page', () => {
    assert.ok(accepts({}));
    assert.equal(referenceExamples.requests.size, 5);
    for (const [heading, example] of referenceExamples.requests) {
      const result = SessionRequest.safeParse(example);
      assert.ok(result.success, `${heading}: ${JSON.stringify(result.error?.issues)}`);
    }
  });

  it('requires reference_id, session_type, currency, amount, mode and country', () => {
    for (const field of Object.keys(base)) {
      const request: Record<string, unknown> = { ...base };
      delete request[field];
      const result = SessionRequest.safeParse(request);
      assert.ok(!result.success, field);
      assert.deepEqual(result.error.issues.map((issue) => issue.path), [[field]]);
    }
  });

  it('limits reference_id to 1..64 characters and description to 1..1000', () => {
    assert.ok(accepts({ reference_id: 'r'.repeat(64), description: 'd'.repeat(1000) }));
    assert.deepEqual(issuePaths({ reference_id: '' }), ['reference_id']);
    assert.deepEqual(issuePaths({ reference_id: 'r'.repeat(65) }), ['reference_id']);
    assert.deepEqual(issuePaths({ description: '' }), ['description']);
    assert.deepEqual(issuePaths({ description: 'd'.repeat(1001) }), ['description']);
  });

  it('takes customer_id only as cust- and a UUID, 41 characters', () => {
    assert.ok(accepts({ customer_id: 'cust-b98d6f63-d240-44ec-9bd5-aa42954c4f48' }));
    assert.deepEqual(issuePaths({ customer_id: 'cust-b98d6f63-d240-44ec-9bd5-aa42954c4f4' }), ['customer_id', 'customer_id']);
    assert.ok(!accepts({ customer_id: 'cusx-b98d6f63-d240-44ec-9bd5-aa42954c4f48' }));
    assert.ok(!accepts({ customer_id: 'cust-b98d6f63-d240-44ec-9bd5-aa42954c4f4z' }));
  });

  it('takes an amount of 0 or more', () => {
    assert.ok(accepts({ amount: 0 }));
    assert.ok(accepts({ amount: 0.5 }));
    assert.deepEqual(issuePaths({ amount: -1 }), ['amount']);
    assert.deepEqual(issuePaths({ amount: '10000' }), ['amount']);
  });

  it('rejects values outside the enums and accepts the newer ones', () => {
    assert.deepEqual(issuePaths({ currency: 'EUR' }), ['currency']);
    assert.deepEqual(issuePaths({ country: 'US' }), ['country']);
    assert.deepEqual(issuePaths({ session_type: 'save' }), ['session_type']);
    assert.deepEqual(issuePaths({ capture_method: 'LATER' }), ['capture_method']);
    assert.deepEqual(issuePaths({ allow_save_payment_method: 'ALWAYS' }), ['allow_save_payment_method']);
    assert.ok(accepts({ session_type: 'SUBSCRIPTION', subscription: { schedule: { anchor_date: '2030-02-01T00:00:00Z', interval: 'MONTH', interval_count: 1 } } }));
    assert.deepEqual(issuePaths({ session_type: 'SUBSCRIPTION', subscription: { plan: 'monthly' } }), ['subscription.schedule', 'subscription']);
    assert.deepEqual(issuePaths({ session_type: 'AUTHORIZATION' }), ['session_type']);
    assert.ok(accepts({ mode: 'COMPONENTS', components_configuration: { origins: ['https://shop.example'], return_url: 'https://shop.example/back' } }));
    assert.ok(accepts({ notification_channels: ['EMAIL'] }));
    assert.deepEqual(issuePaths({ notification_channels: ['SMS'] }), ['notification_channels.0']);
  });

  it('takes channel codes as non-empty strings, at the top level and in the older place (a rule warns about unknown ones)', () => {
    assert.ok(accepts({ allowed_payment_channels: ['CARDS', 'PAYPAL'], payment_link_configuration: { primary_payment_channels: ['CARDS'] } }));
    assert.ok(accepts({ payment_link_configuration: { allowed_payment_channels: ['CARDS', 'DANA'], primary_payment_channels: ['DANA'] } }));
    assert.deepEqual(issuePaths({ allowed_payment_channels: ['CARDS', ''] }), ['allowed_payment_channels.1']);
  });

  it('limits metadata to 50 keys, keys to 40 characters and values to 500 characters, and allows null', () => {
    assert.ok(accepts({ metadata: metadataWith(50, 40, 500) }));
    assert.ok(accepts({ metadata: null }));
    assert.deepEqual(issuePaths({ metadata: metadataWith(51) }), ['metadata']);
    assert.deepEqual(issuePaths({ metadata: { ['k'.repeat(41)]: 'v' } }), [`metadata.${'k'.repeat(41)}`]);
    assert.deepEqual(issuePaths({ metadata: { key: 'v'.repeat(501) } }), ['metadata.key']);
    assert.deepEqual(issuePaths({ metadata: { key: 5 } }), ['metadata.key']);
  });

  it('checks each item: name 1..255, a number price, quantity a whole number >= 1, http(s) URLs, text limits', () => {
    assert.ok(accepts({ items: [{ ...item, type: 'FEES', currency: 'IDR', url: 'http://shop.example/1', image_url: 'https://shop.example/1.png', category: 'c'.repeat(255), subcategory: 's', description: 'd'.repeat(255), metadata: null }] }));
    assert.ok(accepts({ items: null }));
    assert.deepEqual(issuePaths({ items: [{ ...item, name: '' }] }), ['items.0.name']);
    assert.deepEqual(issuePaths({ items: [{ ...item, name: 'n'.repeat(256) }] }), ['items.0.name']);
    assert.deepEqual(issuePaths({ items: [{ ...item, quantity: 0 }] }), ['items.0.quantity']);
    assert.deepEqual(issuePaths({ items: [{ ...item, quantity: 1.5 }] }), ['items.0.quantity']);
    assert.deepEqual(issuePaths({ items: [{ ...item, url: 'ftp://shop.example/1' }] }), ['items.0.url']);
    assert.deepEqual(issuePaths({ items: [{ ...item, image_url: 'shop.example/1.png' }] }), ['items.0.image_url']);
    assert.deepEqual(issuePaths({ items: [{ ...item, category: 'c'.repeat(256) }] }), ['items.0.category']);
    assert.deepEqual(issuePaths({ items: [{ ...item, type: 'SERVICE' }] }), ['items.0.type']);
    assert.deepEqual(issuePaths({ items: [{ name: 'Shirt' }] }), [
      'items.0.reference_id',
      'items.0.type',
      'items.0.net_unit_amount',
      'items.0.quantity',
      'items.0.category',
    ]);
  });

  it('allows null only where the page does (metadata, items, origins)', () => {
    assert.ok(accepts({ origins: null }));
    assert.deepEqual(issuePaths({ description: null }), ['description']);
    assert.deepEqual(issuePaths({ customer_id: null }), ['customer_id']);
  });

  it('takes expires_at as an ISO 8601 date-time with a zone, and a two-letter lower-case locale', () => {
    assert.ok(accepts({ expires_at: '2030-12-31T23:59:59Z', locale: 'en' }));
    assert.ok(accepts({ expires_at: '2030-12-31T23:59:59.123+07:00' }));
    assert.deepEqual(issuePaths({ expires_at: '2030-12-31' }), ['expires_at']);
    assert.deepEqual(issuePaths({ expires_at: '2030-12-31T23:59:59' }), ['expires_at']);
    assert.deepEqual(issuePaths({ locale: 'EN' }), ['locale']);
    assert.deepEqual(issuePaths({ locale: 'en-US' }), ['locale']);
  });

  it('takes absolute URLs for return URLs and origins without a path', () => {
    assert.ok(accepts({ success_return_url: 'https://shop.example/ok', origins: ['https://shop.example', 'http://localhost:3000/'] }));
    assert.deepEqual(issuePaths({ cancel_return_url: '/cancel' }), ['cancel_return_url']);
    assert.deepEqual(issuePaths({ origins: ['https://shop.example/checkout'] }), ['origins.0']);
    assert.deepEqual(issuePaths({ cards_session_js: { success_return_url: 'https://shop.example/ok' } }), ['cards_session_js.failure_return_url']);
  });

  it('models channel_properties as in the examples and lets other keys through', () => {
    const properties = {
      card_on_file_type: 'RECURRING',
      recurring_configuration: { recurring_frequency: 1, recurring_expiry: '2029-10-10' },
      cards: { recurring_configuration: { recurring_frequency: 30, recurring_expiry: '2030-01-31' } },
      mid_label: 'ANY',
    };
    const result = SessionRequest.safeParse({ ...base, channel_properties: properties });
    assert.ok(result.success);
    assert.equal(result.data.channel_properties?.mid_label, 'ANY');
    assert.deepEqual(issuePaths({ channel_properties: { recurring_configuration: { recurring_frequency: 0 } } }), [
      'channel_properties.recurring_configuration.recurring_frequency',
    ]);
    assert.deepEqual(issuePaths({ channel_properties: { recurring_configuration: { recurring_expiry: '10/10/2029' } } }), [
      'channel_properties.recurring_configuration.recurring_expiry',
    ]);
  });

  it('takes the newest docs\' customer: type INDIVIDUAL, reference_id and individual_detail with given_names required', () => {
    const customer = {
      type: 'INDIVIDUAL',
      reference_id: 'customer-1',
      email: 'a@example.com',
      mobile_number: '+628123456789',
      individual_detail: { given_names: 'Ani', surname: 'Wijaya', nationality: 'ID', date_of_birth: '1990-01-31', gender: 'FEMALE' },
    };
    const result = SessionRequest.safeParse({ ...base, customer });
    assert.ok(result.success);
    assert.deepEqual(result.data.customer, customer);
    assert.deepEqual(issuePaths({ customer: { ...customer, type: 'BUSINESS' } }), ['customer.type']);
    assert.deepEqual(issuePaths({ customer: { type: 'INDIVIDUAL', reference_id: 'c' } }), ['customer.individual_detail']);
    assert.deepEqual(issuePaths({ customer: { ...customer, individual_detail: {} } }), ['customer.individual_detail.given_names']);
    assert.deepEqual(issuePaths({ customer: { ...customer, email: `${'a'.repeat(40)}@example.com` } }), ['customer.email']);
  });

  it('refuses the keys the newest docs refuse: internal_metadata, card_details, failed_cycle_action in the schedule', () => {
    assert.deepEqual(issuePaths({ internal_metadata: { a: 'b' } }), ['internal_metadata']);
    assert.deepEqual(issuePaths({ channel_properties: { cards: { card_details: {} } } }), ['channel_properties.cards.card_details']);
    const schedule = { anchor_date: '2030-02-01T00:00:00Z', interval: 'MONTH', interval_count: 1, failed_cycle_action: 'STOP' };
    assert.deepEqual(issuePaths({ session_type: 'SUBSCRIPTION', subscription: { schedule } }), ['subscription.schedule.failed_cycle_action']);
  });

  it('is strict about unknown keys at the top level and in items (validate.ts turns them into warnings)', () => {
    const result = SessionRequest.safeParse({ ...base, ammount: 1, items: [{ ...item, sku: 'x' }] });
    assert.ok(!result.success);
    assert.deepEqual(
      result.error.issues.map((issue) => [issue.code, issue.path.join('.')]),
      [
        ['unrecognized_keys', 'items.0'],
        ['unrecognized_keys', ''],
      ],
    );
    assert.ok(accepts({ $schema: '../schemas/session-request.schema.json' }));
  });
});

describe('schema: Session and ApiError (responses)', () => {
  const response = referenceExamples.responses.get('createSessionResponseExample') as Record<string, unknown>;

  it('reads the page\'s response example', () => {
    const session = Session.parse(response);
    assert.equal(session.status, 'ACTIVE');
    assert.equal(session.payment_link_url, 'https://xen.to/kGxPCi60');
    assert.equal(session.payment_token_id, null);
  });

  it('keeps fields the API adds and checks the core ones', () => {
    assert.equal(Session.parse({ ...response, brand_new_field: 1 }).brand_new_field, 1);
    assert.ok(Session.safeParse({ ...response, payment_link_url: null, components_sdk_key: null, payment_id: 'py-1' }).success);
    assert.ok(!Session.safeParse({ ...response, status: 'PAID' }).success);
    assert.ok(!Session.safeParse({ ...response, amount: '0' }).success);
    const { payment_session_id: _id, ...withoutId } = response;
    assert.ok(!Session.safeParse(withoutId).success);
  });

  it('reads items, metadata and channel_properties as objects with any keys, and refuses anything else there', () => {
    const session = Session.parse({ ...response, items: [{ name: 'Shirt', brand_new: [1] }], metadata: { order: 'o-1' }, channel_properties: { cards: { a: 1 } } });
    assert.deepEqual(session.items, [{ name: 'Shirt', brand_new: [1] }]);
    assert.deepEqual(session.metadata, { order: 'o-1' });
    assert.deepEqual(session.channel_properties, { cards: { a: 1 } });
    assert.ok(Session.safeParse({ ...response, items: null, metadata: null, channel_properties: null }).success);
    for (const wrong of [{ items: [[1]] }, { items: ['Shirt'] }, { items: [null] }, { metadata: [] }, { metadata: 'o-1' }, { channel_properties: 1 }]) {
      const parsed = Session.safeParse({ ...response, ...wrong });
      assert.ok(!parsed.success, JSON.stringify(wrong));
      assert.match(parsed.error.issues[0].message, /expected object/);
    }
  });

  it('reads API error bodies with string and object errors', () => {
    const body = { error_code: 'API_VALIDATION_ERROR', message: 'Invalid', errors: ['bad', { path: 'amount', message: 'too small' }] };
    assert.deepEqual(ApiError.parse(body), body);
    assert.ok(ApiError.safeParse({ error_code: 'SERVER_ERROR', message: 'oops' }).success);
    assert.ok(!ApiError.safeParse({ error_code: 'SERVER_ERROR' }).success);
    assert.ok(!ApiError.safeParse({ error_code: 'X', message: 'm', errors: [1] }).success);
  });
});
