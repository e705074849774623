import * as assert from 'node:assert/strict';
import { withoutSchemaKey } from '../../../src/sessions/requestBody';
import { takesNoDecimals, WHOLE_AMOUNT_CURRENCIES } from '../../../src/sessions/currency';

describe('withoutSchemaKey', () => {
  it('drops $schema from an object, keeps the rest in order, and leaves the original alone', () => {
    const file = { $schema: '../schemas/session-request.schema.json', reference_id: 'r', amount: 1 };
    const body = withoutSchemaKey(file);
    assert.deepEqual(Object.keys(body), ['reference_id', 'amount']);
    assert.equal(file.$schema, '../schemas/session-request.schema.json');
  });

  it('returns anything else as it is: no $schema, arrays, null, scalars', () => {
    const plain = { reference_id: 'r' };
    assert.equal(withoutSchemaKey(plain), plain);
    const list = [{ $schema: 'x' }];
    assert.equal(withoutSchemaKey(list), list);
    assert.equal(withoutSchemaKey(null), null);
    assert.equal(withoutSchemaKey('text'), 'text');
  });

  it('keeps a $schema that only an inherited property provides', () => {
    const inherited = Object.create({ $schema: 'x' }) as Record<string, unknown>;
    assert.equal(withoutSchemaKey(inherited), inherited);
  });
});

describe('takesNoDecimals', () => {
  it('is true for IDR and VND only', () => {
    assert.deepEqual(WHOLE_AMOUNT_CURRENCIES, ['IDR', 'VND']);
    assert.equal(takesNoDecimals('IDR'), true);
    assert.equal(takesNoDecimals('VND'), true);
    for (const code of ['PHP', 'USD', 'idr', '']) assert.equal(takesNoDecimals(code), false, code);
  });
});
