// The cross-field rules about money and what is bought: amounts per session type and currency, items, the
// capture method. Updated where the newest docs (2026) changed them.
import { currencyDecimals } from './currency';
import { pathPhrase } from './jsonPath';
import { phrase } from './phrase';
import { type Fix, type JsonPath, titled } from './problem';
import { cents, defineRule, itemsOf } from './ruleKit';

export const saveAmountZero = defineRule({
  name: 'save-amount-zero',
  summary: 'a SAVE session has amount 0',
  reads: [['session_type'], ['amount']],
  anchor: 'value',
  coveredByJsonSchema: true,
  check(request, _context, problem) {
    if (request.session_type !== 'SAVE' || request.amount === 0) return [];
    return [
      problem(
        'error',
        'INVALID_AMOUNT',
        ['amount'],
        phrase('amount must be 0 when session_type is SAVE (a SAVE session only stores payment details); it is {0}. Set amount to 0.', String(request.amount)),
        { ...titled(phrase('Set amount to 0')), kind: 'set', path: ['amount'], value: 0 },
      ),
    ];
  },
});

export const amountPositive = defineRule({
  name: 'amount-positive',
  summary: 'a PAY or SUBSCRIPTION session has an amount above 0',
  reads: [['session_type'], ['amount']],
  anchor: 'value',
  coveredByJsonSchema: false,
  check(request, _context, problem) {
    if ((request.session_type !== 'PAY' && request.session_type !== 'SUBSCRIPTION') || request.amount !== 0) return [];
    return [
      problem(
        'error',
        'INVALID_AMOUNT',
        ['amount'],
        phrase(
          'amount must be greater than 0 when session_type is {0} (the API answers INVALID_AMOUNT "Amount must be greater than zero"). Set the amount to collect; only SAVE sessions take 0.',
          request.session_type,
        ),
      ),
    ];
  },
});

export const captureMethodOnlyForPay = defineRule({
  name: 'capture-method-only-for-pay',
  summary: 'capture_method is not sent with a SAVE or SUBSCRIPTION session',
  reads: [['session_type'], ['capture_method']],
  anchor: 'key',
  coveredByJsonSchema: false,
  check(request, _context, problem) {
    if ((request.session_type !== 'SAVE' && request.session_type !== 'SUBSCRIPTION') || request.capture_method === undefined) return [];
    const why = request.session_type === 'SAVE' ? phrase('a SAVE session takes no payment to capture') : phrase("a subscription's cycles are captured automatically");
    return [
      problem(
        'error',
        'DISALLOWED_CAPTURE_METHOD',
        ['capture_method'],
        phrase('capture_method is not allowed when session_type is {0}: {1}. Remove capture_method.', request.session_type, why),
        { ...titled(phrase('Remove capture_method')), kind: 'remove', path: ['capture_method'] },
      ),
    ];
  },
});

export const itemsOnlyForPay = defineRule({
  name: 'items-only-for-pay',
  summary: 'items are only sent with a PAY session (an empty list elsewhere is a warning)',
  reads: [['session_type'], ['items']],
  anchor: 'key',
  coveredByJsonSchema: false,
  check(request, _context, problem) {
    if (request.session_type === 'PAY' || request.items === undefined || request.items === null) return [];
    const fix: Fix = { ...titled(phrase('Remove items')), kind: 'remove', path: ['items'] };
    if (request.items.length === 0) {
      // No source shows what the API answers to an empty list on a SAVE session, and integrations send it.
      return [
        problem(
          'warning',
          'ITEMS_NOT_SUPPORTED',
          ['items'],
          phrase(
            'items is an empty list in a {0} session: it is read as no items, but the API allows items for PAY sessions only and no source shows it accepting an empty list here. Remove items.',
            String(request.session_type),
          ),
          fix,
        ),
      ];
    }
    return [
      problem(
        'error',
        'ITEMS_NOT_SUPPORTED',
        ['items'],
        phrase(
          'items are only allowed when session_type is PAY, and it is {0} (the API answers ITEMS_NOT_SUPPORTED "Items are allowed for session type PAY only"). Remove items (or set session_type to PAY).',
          String(request.session_type),
        ),
        fix,
      ),
    ];
  },
});

export const wholeAmountCurrency = defineRule({
  name: 'whole-amount-currency',
  summary: 'amounts (amount and items\' net_unit_amount) have no more decimals than the currency: none for IDR and VND, two for the others',
  reads: [['currency'], ['amount'], ['items', '*', 'net_unit_amount']],
  anchor: 'value',
  coveredByJsonSchema: false,
  check(request, _context, problem) {
    const decimals = currencyDecimals(request.currency);
    const amounts: { path: JsonPath; value: number | undefined }[] = [
      { path: ['amount'], value: request.amount },
      ...itemsOf(request).map((item, index) => ({ path: ['items', index, 'net_unit_amount'], value: item.net_unit_amount })),
    ];
    return amounts.flatMap(({ path, value }) => {
      if (typeof value !== 'number' || !Number.isFinite(value)) return [];
      // The number as written with that many decimals, read back: the same number when it has no more. Exact at any
      // size (143145021.58 * 100 is 14314502158.000002, so scaling is not).
      const rounded = Number(value.toFixed(decimals));
      if (rounded === value) return [];
      const currency = String(request.currency);
      const rule = decimals === 0 ? phrase('{0} amounts are whole numbers', currency) : phrase('{0} amounts have at most {1} decimals', currency, decimals);
      return [
        problem('error', 'INVALID_AMOUNT', path, phrase('{0} is {1}, but {2}. Round it to {3}.', pathPhrase(path), value, rule, rounded), {
          ...titled(phrase('Round to {0}', rounded)),
          kind: 'set',
          path,
          value: rounded,
        }),
      ];
    });
  },
});

export const itemsTotalMatchesAmount = defineRule({
  name: 'items-total-matches-amount',
  summary: 'in a PAY session, the items add up to amount',
  reads: [['session_type'], ['amount'], ['items', '*', 'net_unit_amount'], ['items', '*', 'quantity']],
  anchor: 'value',
  coveredByJsonSchema: false,
  check(request, _context, problem) {
    const items = itemsOf(request);
    if (request.session_type !== 'PAY' || items.length === 0 || typeof request.amount !== 'number') return [];
    const totalCents = items.reduce((sum, item) => sum + cents(item.net_unit_amount * item.quantity), 0);
    if (totalCents === cents(request.amount)) return [];
    const total = totalCents / 100;
    return [
      problem(
        'warning',
        'INVALID_AMOUNT',
        ['amount'],
        phrase(
          'The items add up to {0} (net_unit_amount x quantity), but amount is {1}. The checkout page shows both, so make them agree: change amount or the items.',
          total,
          request.amount,
        ),
        { ...titled(phrase("Set amount to the items' total, {0}", total)), kind: 'set', path: ['amount'], value: total },
      ),
    ];
  },
});

export const discountNegative = defineRule({
  name: 'discount-negative',
  summary: 'a DISCOUNT item has a negative net_unit_amount',
  reads: [['items', '*', 'type'], ['items', '*', 'net_unit_amount']],
  anchor: 'value',
  coveredByJsonSchema: true,
  check(request, _context, problem) {
    return itemsOf(request).flatMap((item, index) => {
      if (item.type !== 'DISCOUNT' || item.net_unit_amount < 0) return [];
      const path: JsonPath = ['items', index, 'net_unit_amount'];
      const amount = item.net_unit_amount;
      return [
        problem(
          'error',
          'API_VALIDATION_ERROR',
          path,
          amount > 0
            ? phrase('{0} must be negative for a DISCOUNT item (the discount is taken off the total); it is {1}. Set it to {2}.', pathPhrase(path), amount, -amount)
            : phrase('{0} must be negative for a DISCOUNT item (the discount is taken off the total); it is {1}.', pathPhrase(path), amount),
          amount > 0 ? { ...titled(phrase('Set to {0}', -amount)), kind: 'set', path, value: -amount } : undefined,
        ),
      ];
    });
  },
});

