// The cases of the rules shared with the older create-session page (rules.test.ts runs them; problemPhrases.test.ts
// says every problem they raise in Indonesian). The newest docs' rules have theirs in rulesNewestDocs.cases.ts.
import type { SessionRequest } from '../../../src/sessions/schema';
import type { RuleCases } from '../../helpers/ruleCases';
import { customerId as CUSTOMER_ID, minimalPay, minimalSubscription as subscription } from '../../helpers/sessionRequests';

export const pay: SessionRequest = minimalPay;
export const save: SessionRequest = { ...pay, session_type: 'SAVE', amount: 0, customer_id: CUSTOMER_ID };
export const cardsJs: SessionRequest = {
  ...pay,
  customer_id: CUSTOMER_ID,
  mode: 'CARDS_SESSION_JS',
  cards_session_js: { success_return_url: 'https://shop.example/ok', failure_return_url: 'https://shop.example/failed' },
};
export const shirt = { reference_id: 'sku-1', type: 'PHYSICAL_PRODUCT' as const, name: 'Shirt', category: 'CLOTHES', net_unit_amount: 4000, quantity: 2 };
export const shipping = { reference_id: 'ship-1', type: 'PHYSICAL_SERVICE' as const, name: 'Shipping', category: 'SHIPPING', net_unit_amount: 2000, quantity: 1 };
export const promo = (net_unit_amount: number) => ({ reference_id: 'promo-1', type: 'DISCOUNT' as const, name: 'Promo', category: 'PROMO', net_unit_amount, quantity: 1 });
export const withItems: SessionRequest = { ...pay, items: [shirt, shipping] };

/** For the rules shared with the older page: requests each must accept, and requests it must flag, with where and how. */
export const CASES: RuleCases = {
  'customer-required': {
    passing: [pay, save, { ...save, customer_id: undefined, customer: { type: 'INDIVIDUAL', reference_id: 'c-1', individual_detail: { given_names: 'Ani' } } }, { ...pay, allow_save_payment_method: 'DISABLED' }],
    failing: [
      { request: { ...save, customer_id: undefined }, path: ['session_type'], code: 'MISSING_CUSTOMER' },
      { request: { ...cardsJs, customer_id: undefined }, path: ['mode'], code: 'MISSING_CUSTOMER' },
      { request: { ...pay, allow_save_payment_method: 'FORCED' }, path: ['allow_save_payment_method'], code: 'MISSING_CUSTOMER' },
      {
        request: { ...pay, allow_save_payment_method: 'OPTIONAL' },
        path: ['allow_save_payment_method'],
        code: 'MISSING_CUSTOMER',
        fix: {
          title: 'Add a test customer (edit its details)',
          kind: 'set',
          path: ['customer'],
          value: { type: 'INDIVIDUAL', reference_id: 'customer-order-1', email: 'customer@example.com', individual_detail: { given_names: 'Test', surname: 'Customer' } },
        },
      },
    ],
  },
  'save-amount-zero': {
    passing: [save, { ...pay, amount: 5 }],
    failing: [{ request: { ...save, amount: 5 }, path: ['amount'], code: 'INVALID_AMOUNT', fix: { title: 'Set amount to 0', kind: 'set', path: ['amount'], value: 0 } }],
  },
  'amount-positive': {
    passing: [pay, save, subscription],
    failing: [
      { request: { ...pay, amount: 0 }, path: ['amount'], code: 'INVALID_AMOUNT', fix: null },
      { request: { ...subscription, amount: 0 }, path: ['amount'], code: 'INVALID_AMOUNT', fix: null },
    ],
  },
  'capture-method-only-for-pay': {
    passing: [{ ...pay, capture_method: 'MANUAL' }, save, subscription],
    failing: [
      { request: { ...subscription, capture_method: 'AUTOMATIC' }, path: ['capture_method'], code: 'DISALLOWED_CAPTURE_METHOD' },
      {
        request: { ...save, capture_method: 'AUTOMATIC' },
        path: ['capture_method'],
        code: 'DISALLOWED_CAPTURE_METHOD',
        fix: { title: 'Remove capture_method', kind: 'remove', path: ['capture_method'] },
      },
    ],
  },
  'items-only-for-pay': {
    passing: [withItems, { ...save, items: null }, { ...pay, items: [] }],
    failing: [
      { request: { ...save, items: [shirt] }, path: ['items'], code: 'ITEMS_NOT_SUPPORTED', fix: { title: 'Remove items', kind: 'remove', path: ['items'] } },
      { request: { ...subscription, items: [shirt] }, path: ['items'], code: 'ITEMS_NOT_SUPPORTED' },
      // No source shows the API refusing an empty list, and integrations send one: a warning, read as no items.
      { request: { ...save, items: [] }, path: ['items'], code: 'ITEMS_NOT_SUPPORTED', severity: 'warning' },
    ],
  },
  'cards-session-js-config-required': {
    passing: [cardsJs, pay],
    failing: [{ request: { ...cardsJs, cards_session_js: undefined }, path: ['mode'], code: 'API_VALIDATION_ERROR' }],
  },
  'cards-session-js-save-forced': {
    passing: [cardsJs, { ...cardsJs, allow_save_payment_method: 'FORCED' }, { ...pay, customer_id: CUSTOMER_ID, allow_save_payment_method: 'OPTIONAL' }],
    failing: [
      {
        request: { ...cardsJs, allow_save_payment_method: 'OPTIONAL' },
        path: ['allow_save_payment_method'],
        code: 'API_VALIDATION_ERROR',
        fix: { title: 'Set allow_save_payment_method to FORCED', kind: 'set', path: ['allow_save_payment_method'], value: 'FORCED' },
      },
      { request: { ...cardsJs, allow_save_payment_method: 'DISABLED' }, path: ['allow_save_payment_method'], code: 'API_VALIDATION_ERROR' },
    ],
  },
  'recurring-configuration-required': {
    passing: [
      { ...cardsJs, channel_properties: { card_on_file_type: 'CUSTOMER_UNSCHEDULED' } },
      { ...cardsJs, channel_properties: { card_on_file_type: 'MERCHANT_UNSCHEDULED' } },
      { ...cardsJs, channel_properties: { cards: { card_on_file_type: 'MERCHANT_UNSCHEDULED' } } },
      { ...cardsJs, channel_properties: { card_on_file_type: 'RECURRING', recurring_configuration: { recurring_frequency: 1, recurring_expiry: '2031-01-01' } } },
      { ...cardsJs, channel_properties: { cards: { card_on_file_type: 'RECURRING', recurring_configuration: { recurring_frequency: 1 } } } },
      { ...cardsJs, channel_properties: { card_on_file_type: 'RECURRING', cards: { recurring_configuration: { recurring_frequency: 1 } } } },
    ],
    failing: [
      { request: { ...cardsJs, channel_properties: { card_on_file_type: 'RECURRING' } }, path: ['channel_properties', 'card_on_file_type'], code: 'API_VALIDATION_ERROR' },
      {
        request: { ...cardsJs, channel_properties: { cards: { card_on_file_type: 'RECURRING' } } },
        path: ['channel_properties', 'cards', 'card_on_file_type'],
        code: 'API_VALIDATION_ERROR',
      },
    ],
  },
  'primary-channels-in-allowed': {
    passing: [
      { ...pay, payment_link_configuration: { allowed_payment_channels: ['OVO', 'DANA'], primary_payment_channels: ['DANA'] } },
      { ...pay, payment_link_configuration: { primary_payment_channels: ['DANA'] } },
      { ...pay, payment_link_configuration: { allowed_payment_channels: [], primary_payment_channels: ['DANA'] } },
      // A list in the older page's place restricts nothing: the newest docs read only the top-level one.
      { ...pay, payment_link_configuration: { allowed_payment_channels: ['OVO'], primary_payment_channels: ['DANA'] } },
      { ...pay, allowed_payment_channels: ['OVO', 'DANA'], payment_link_configuration: { primary_payment_channels: ['DANA'] } },
    ],
    failing: [
      {
        request: { ...pay, allowed_payment_channels: ['OVO'], payment_link_configuration: { primary_payment_channels: ['DANA'] } },
        path: ['payment_link_configuration', 'primary_payment_channels', 0],
        code: 'INVALID_PRIMARY_PAYMENT_CHANNEL',
      },
      {
        request: { ...pay, allowed_payment_channels: ['OVO'], payment_link_configuration: { primary_payment_channels: ['OVO', 'DANA'] } },
        path: ['payment_link_configuration', 'primary_payment_channels', 1],
        code: 'INVALID_PRIMARY_PAYMENT_CHANNEL',
      },
    ],
  },
  'whole-amount-currency': {
    passing: [
      pay,
      { ...pay, currency: 'PHP', country: 'PH', amount: 10.5 },
      { ...pay, currency: 'USD', items: [{ ...shirt, net_unit_amount: 4.25 }] },
      { ...pay, currency: 'SGD', country: 'SG', amount: 10.07 },
      { ...pay, currency: 'PHP', country: 'PH', amount: 143145021.58 },
    ],
    failing: [
      {
        request: { ...pay, currency: 'USD', amount: 10.125 },
        path: ['amount'],
        code: 'INVALID_AMOUNT',
        fix: { title: 'Round to 10.13', kind: 'set', path: ['amount'], value: 10.13 },
      },
      { request: { ...pay, amount: 10000.5 }, path: ['amount'], code: 'INVALID_AMOUNT', fix: { title: 'Round to 10001', kind: 'set', path: ['amount'], value: 10001 } },
      { request: { ...pay, currency: 'VND', country: 'VN', amount: 99.9 }, path: ['amount'], code: 'INVALID_AMOUNT' },
      {
        request: { ...withItems, items: [shirt, { ...shipping, net_unit_amount: 2000.4 }] },
        path: ['items', 1, 'net_unit_amount'],
        code: 'INVALID_AMOUNT',
        fix: { title: 'Round to 2000', kind: 'set', path: ['items', 1, 'net_unit_amount'], value: 2000 },
      },
    ],
  },
  'expiry-in-future': {
    passing: [pay, { ...pay, expires_at: '2030-01-01T00:10:00Z' }, { ...pay, expires_at: '2030-01-01T08:00:00+07:00' }],
    failing: [
      {
        request: { ...pay, expires_at: '2029-12-31T23:59:59Z' },
        path: ['expires_at'],
        code: 'INVALID_EXPIRY_DATE',
        fix: { title: 'Remove expires_at (the session then expires 30 minutes after creation)', kind: 'remove', path: ['expires_at'] },
      },
      { request: { ...pay, expires_at: '2030-01-01T07:05:00+07:00' }, path: ['expires_at'], code: 'INVALID_EXPIRY_DATE', severity: 'warning' },
      { request: { ...pay, expires_at: '2030-01-01T00:09:59Z' }, path: ['expires_at'], code: 'INVALID_EXPIRY_DATE', severity: 'warning' },
    ],
  },
  'channel-country': {
    passing: [
      { ...pay, payment_link_configuration: { allowed_payment_channels: ['OVO', 'BCA_VIRTUAL_ACCOUNT', 'CARDS', 'SHOPEEPAY'] } },
      { ...pay, country: 'PH', currency: 'PHP', payment_link_configuration: { allowed_payment_channels: ['GCASH', 'GRABPAY', '7ELEVEN'] } },
      { ...pay, allowed_payment_channels: ['OVO', 'QRIS'] },
    ],
    failing: [
      { request: { ...pay, country: 'PH', currency: 'PHP', allowed_payment_channels: ['OVO'] }, path: ['allowed_payment_channels', 0], code: 'INVALID_PAYMENT_CHANNEL' },
      {
        request: { ...pay, country: 'PH', currency: 'PHP', payment_link_configuration: { allowed_payment_channels: ['GCASH', 'OVO'] } },
        path: ['payment_link_configuration', 'allowed_payment_channels', 1],
        code: 'INVALID_PAYMENT_CHANNEL',
        fix: null,
      },
      {
        request: { ...pay, payment_link_configuration: { primary_payment_channels: ['TOUCHNGO'] } },
        path: ['payment_link_configuration', 'primary_payment_channels', 0],
        code: 'INVALID_PAYMENT_CHANNEL',
      },
    ],
  },
  'items-total-matches-amount': {
    passing: [withItems, pay, { ...pay, currency: 'USD', amount: 0.3, items: [{ ...shirt, net_unit_amount: 0.1, quantity: 1 }, { ...shirt, net_unit_amount: 0.2, quantity: 1 }] }],
    failing: [
      {
        request: { ...withItems, amount: 9000 },
        path: ['amount'],
        code: 'INVALID_AMOUNT',
        severity: 'warning',
        fix: { title: "Set amount to the items' total, 10000", kind: 'set', path: ['amount'], value: 10000 },
      },
      { request: { ...withItems, amount: 0 }, path: ['amount'], code: 'INVALID_AMOUNT', severity: 'warning' },
    ],
  },
  'https-return-urls': {
    passing: [cardsJs, { ...pay, success_return_url: 'https://shop.example/ok', cancel_return_url: 'https://shop.example/cancel' }],
    failing: [
      {
        request: { ...pay, success_return_url: 'http://shop.example/ok' },
        path: ['success_return_url'],
        code: 'INVALID_URL',
        fix: { title: 'Use https://', kind: 'set', path: ['success_return_url'], value: 'https://shop.example/ok' },
      },
      { request: { ...pay, cancel_return_url: 'HTTP://shop.example/cancel' }, path: ['cancel_return_url'], code: 'INVALID_URL' },
      {
        request: { ...cardsJs, cards_session_js: { success_return_url: 'https://shop.example/ok', failure_return_url: 'http://shop.example/failed' } },
        path: ['cards_session_js', 'failure_return_url'],
        code: 'INVALID_URL',
      },
      {
        request: { ...pay, mode: 'COMPONENTS', components_configuration: { origins: ['https://shop.example'], return_url: 'http://shop.example/back' } },
        path: ['components_configuration', 'return_url'],
        code: 'INVALID_URL',
      },
      {
        request: { ...pay, mode: 'COMPONENTS', components_configuration: { origins: ['http://shop.example'] } },
        path: ['components_configuration', 'origins', 0],
        code: 'API_VALIDATION_ERROR',
        fix: { title: 'Use https://', kind: 'set', path: ['components_configuration', 'origins', 0], value: 'https://shop.example' },
      },
    ],
  },
  'discount-negative': {
    passing: [withItems, { ...pay, amount: 7000, items: [shirt, promo(-1000)] }, { ...pay, items: [{ ...shirt, net_unit_amount: -5 }] }],
    failing: [
      {
        request: { ...pay, items: [shirt, promo(1000)] },
        path: ['items', 1, 'net_unit_amount'],
        code: 'API_VALIDATION_ERROR',
        fix: { title: 'Set to -1000', kind: 'set', path: ['items', 1, 'net_unit_amount'], value: -1000 },
      },
      { request: { ...pay, items: [promo(0)] }, path: ['items', 0, 'net_unit_amount'], code: 'API_VALIDATION_ERROR', fix: null },
    ],
  },
};
