import * as assert from 'node:assert/strict';
import { environmentRead, findSecretKeys } from '../../../src/sessions/keyScanner';

// Keys are assembled at run time so no scanner mistakes this file for a leak.
const live = ['xnd', 'production', 'Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z'].join('_');
const test = ['xnd', 'development', 'Zy9xWv8uTs7rQp6oNm5lKj4iHg3fEd2c'].join('_');

describe('findSecretKeys', () => {
  it('finds a live key inside a string literal, with its quotes', () => {
    const text = `const key = "${live}";`;
    const [k] = findSecretKeys(text);
    assert.equal(k.kind, 'live');
    assert.equal(text.slice(k.offset, k.offset + k.length), live);
    assert.equal(text.slice(k.literal.offset, k.literal.offset + k.literal.length), `"${live}"`);
    assert.equal(k.literal.quoted, true);
  });

  it('finds a test key outside quotes (e.g. in .env) without claiming a literal', () => {
    const [k] = findSecretKeys(`XENDIT_SECRET_KEY=${test}\n`);
    assert.equal(k.kind, 'test');
    assert.equal(k.literal.quoted, false);
  });

  it('ignores prefixes without a key and public keys', () => {
    assert.deepEqual(findSecretKeys('startsWith("xnd_production_") || xnd_public_development_abcdefghijklmnopqrstu'), []);
  });

  it('knows the environment read for JS/TS and Python only', () => {
    assert.equal(environmentRead('typescript'), 'process.env.XENDIT_SECRET_KEY');
    assert.equal(environmentRead('python'), 'os.environ["XENDIT_SECRET_KEY"]');
    assert.equal(environmentRead('go'), undefined);
  });
});
