// The cases of the rules the newest docs (2026) add: modes and where fields live, subscriptions, items,
// customers and metadata. rules.test.ts runs them with the others.
import type { SessionRequest } from '../../../src/sessions/schema';
import type { RuleCases } from '../../helpers/ruleCases';
import { customerId, minimalPay, minimalSubscription } from '../../helpers/sessionRequests';

const pay: SessionRequest = minimalPay;
const subscription: SessionRequest = minimalSubscription;
const components: SessionRequest = { ...pay, mode: 'COMPONENTS', components_configuration: { origins: ['https://shop.example'] } };
const item = { reference_id: 'sku-1', type: 'PHYSICAL_PRODUCT' as const, name: 'Shirt', category: 'CLOTHES', net_unit_amount: 10000, quantity: 1 };
const customer = { type: 'INDIVIDUAL' as const, reference_id: 'c-1', individual_detail: { given_names: 'Ani' } };
const schedule = (anchor_date: string) => ({ schedule: { anchor_date, interval: 'MONTH' as const, interval_count: 1 } });
const manyKeys = Object.fromEntries(Array.from({ length: 21 }, (_, index) => [`key${index}`, 'v']));

export const NEWEST_DOCS_CASES: RuleCases = {
  'older-mode-names': {
    passing: [pay, components],
    failing: [
      {
        request: { ...pay, mode: 'COMPONENT', origins: ['https://shop.example'] },
        path: ['mode'],
        code: 'MODE_NOT_SUPPORTED',
        severity: 'warning',
        fix: {
          title: 'Use mode COMPONENTS with components_configuration.origins',
          kind: 'edits',
          path: ['mode'],
          edits: [
            { kind: 'set', path: ['mode'], value: 'COMPONENTS' },
            { kind: 'set', path: ['components_configuration', 'origins'], value: ['https://shop.example'] },
            { kind: 'remove', path: ['origins'] },
          ],
        },
      },
      { request: { ...pay, customer_id: customerId, mode: 'CARDS_SESSION_JS' }, path: ['mode'], code: 'MODE_NOT_SUPPORTED', severity: 'warning', fix: null },
    ],
  },
  'origins-in-components-configuration': {
    passing: [components, { ...pay, mode: 'COMPONENT', origins: ['https://shop.example'] }, { ...pay, origins: null }],
    failing: [
      {
        request: { ...components, origins: ['https://other.example'] },
        path: ['origins'],
        code: 'API_VALIDATION_ERROR',
        severity: 'warning',
        fix: {
          title: 'Move origins into components_configuration',
          kind: 'edits',
          path: ['origins'],
          edits: [
            { kind: 'set', path: ['components_configuration', 'origins'], value: ['https://shop.example', 'https://other.example'] },
            { kind: 'remove', path: ['origins'] },
          ],
        },
      },
    ],
  },
  'components-configuration-required': {
    passing: [components, pay],
    failing: [
      {
        request: { ...pay, mode: 'COMPONENTS' },
        path: ['mode'],
        code: 'API_VALIDATION_ERROR',
        fix: {
          title: 'Add components_configuration (edit its origins)',
          kind: 'edits',
          path: ['components_configuration'],
          edits: [{ kind: 'set', path: ['components_configuration', 'origins'], value: ['https://yourcompany.com'] }],
        },
      },
    ],
  },
  'subscription-required': {
    passing: [subscription, pay],
    failing: [
      {
        request: { ...subscription, subscription: undefined },
        path: ['session_type'],
        code: 'API_VALIDATION_ERROR',
        fix: {
          title: 'Add a monthly subscription schedule (edit it)',
          kind: 'set',
          path: ['subscription'],
          value: { schedule: { anchor_date: '2030-03-01T00:00:00Z', interval: 'MONTH', interval_count: 1 } },
        },
      },
      { request: { ...pay, subscription: schedule('2030-02-01T00:00:00Z') }, path: ['subscription'], code: 'API_VALIDATION_ERROR', severity: 'warning' },
    ],
  },
  'subscription-customer': {
    passing: [subscription, { ...subscription, customer_id: undefined, customer }, pay],
    failing: [{ request: { ...subscription, customer_id: undefined }, path: ['session_type'], code: 'MISSING_CUSTOMER', severity: 'warning', fix: null }],
  },
  'anchor-date': {
    passing: [subscription, { ...subscription, subscription: schedule('2030-02-28T23:00:00+07:00') }],
    failing: [
      { request: { ...subscription, subscription: schedule('2030-01-29T00:00:00Z') }, path: ['subscription', 'schedule', 'anchor_date'], code: 'API_VALIDATION_ERROR' },
      {
        request: { ...subscription, subscription: schedule('2030-01-01T00:10:00Z') },
        path: ['subscription', 'schedule', 'anchor_date'],
        code: 'API_VALIDATION_ERROR',
        severity: 'warning',
      },
      {
        request: { ...subscription, expires_at: '2030-02-02T00:00:00Z' },
        path: ['subscription', 'schedule', 'anchor_date'],
        code: 'API_VALIDATION_ERROR',
        severity: 'warning',
      },
    ],
  },
  'allowed-channels-at-top-level': {
    passing: [pay, { ...pay, allowed_payment_channels: ['OVO'], payment_link_configuration: { primary_payment_channels: ['OVO'] } }],
    failing: [
      {
        request: { ...pay, payment_link_configuration: { allowed_payment_channels: ['OVO'] } },
        path: ['payment_link_configuration', 'allowed_payment_channels'],
        code: 'API_VALIDATION_ERROR',
        severity: 'warning',
        fix: {
          title: 'Move allowed_payment_channels to the top level',
          kind: 'edits',
          path: ['payment_link_configuration', 'allowed_payment_channels'],
          edits: [
            { kind: 'set', path: ['allowed_payment_channels'], value: ['OVO'] },
            { kind: 'remove', path: ['payment_link_configuration', 'allowed_payment_channels'] },
          ],
        },
      },
      {
        request: { ...pay, allowed_payment_channels: ['OVO'], payment_link_configuration: { allowed_payment_channels: ['DANA'] } },
        path: ['payment_link_configuration', 'allowed_payment_channels'],
        code: 'API_VALIDATION_ERROR',
        severity: 'warning',
        fix: { title: 'Remove payment_link_configuration.allowed_payment_channels', kind: 'remove', path: ['payment_link_configuration', 'allowed_payment_channels'] },
      },
    ],
  },
  'known-payment-channels': {
    passing: [pay, { ...pay, allowed_payment_channels: ['OVO', 'QRIS', 'BCA_VIRTUAL_ACCOUNT'] }],
    failing: [
      {
        request: { ...pay, allowed_payment_channels: ['OVO', 'QRISS'] },
        path: ['allowed_payment_channels', 1],
        code: 'INVALID_PAYMENT_CHANNEL',
        severity: 'warning',
        fix: { title: 'Use QRIS', kind: 'set', path: ['allowed_payment_channels', 1], value: 'QRIS' },
      },
      { request: { ...pay, allowed_payment_channels: ['SOMETHING_ELSE_ENTIRELY'] }, path: ['allowed_payment_channels', 0], code: 'INVALID_PAYMENT_CHANNEL', severity: 'warning', fix: null },
    ],
  },
  'item-agreement': {
    passing: [{ ...pay, items: [item, { ...item, currency: 'IDR' }] }, pay],
    failing: [
      {
        request: { ...pay, items: [{ ...item, currency: 'PHP' }] },
        path: ['items', 0, 'currency'],
        code: 'INVALID_CURRENCY',
        severity: 'warning',
        fix: { title: 'Use IDR', kind: 'set', path: ['items', 0, 'currency'], value: 'IDR' },
      },
    ],
  },
  'customer-mobile-number': {
    passing: [{ ...pay, customer: { ...customer, mobile_number: '+628123456789' } }, { ...pay, customer }],
    failing: [{ request: { ...pay, customer: { ...customer, mobile_number: '0812 3456 789' } }, path: ['customer', 'mobile_number'], code: 'API_VALIDATION_ERROR', severity: 'warning' }],
  },
  'metadata-error-doc-limits': {
    passing: [{ ...pay, metadata: { order: 'x'.repeat(80) } }, { ...pay, metadata: null }],
    failing: [
      { request: { ...pay, metadata: manyKeys }, path: ['metadata'], code: 'INVALID_METADATA', severity: 'warning' },
      { request: { ...pay, metadata: { note: 'x'.repeat(81) } }, path: ['metadata', 'note'], code: 'INVALID_METADATA', severity: 'warning' },
      { request: { ...pay, items: [{ ...item, metadata: { note: 'x'.repeat(81) } }] }, path: ['items', 0, 'metadata', 'note'], code: 'INVALID_ITEM_METADATA', severity: 'warning' },
    ],
  },
};
