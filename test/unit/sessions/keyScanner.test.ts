import * as assert from 'node:assert/strict';
import { environmentRead, findSecretKeys } from '../../../src/sessions/keyScanner';
import { fakeKey } from '../../helpers/fakeKeys';

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

describe('findSecretKeys: what the quick fix replaces leaves valid code', () => {
  const key = fakeKey('test');
  /** The text after the linter's quick fix: the literal replaced by the environment read, or undefined for no fix. */
  const fixed = (languageId: string, text: string): string | undefined => {
    const [k] = findSecretKeys(text);
    assert.ok(k, `no key found in ${text}`);
    assert.equal(text.slice(k.offset, k.offset + k.length), key);
    if (!k.literal.quoted) {
      assert.deepEqual([k.literal.offset, k.literal.length], [k.offset, k.length]);
      return undefined;
    }
    return text.slice(0, k.literal.offset) + environmentRead(languageId) + text.slice(k.literal.offset + k.literal.length);
  };

  it('takes a Python prefix and triple quotes into the replaced range', () => {
    const literals = [
      ...['f', 'b', 'r', 'u', 'rb', 'Br', 'bR', 'FR', 'rf', 'U', 't'].flatMap((prefix) => [`${prefix}"${key}"`, `${prefix}'${key}'`]),
      `"""${key}"""`,
      `'''${key}'''`,
      `rb"""${key}"""`,
      `F'''${key}'''`,
    ];
    for (const literal of literals) {
      assert.equal(fixed('python', `KEY = ${literal}\n`), 'KEY = os.environ["XENDIT_SECRET_KEY"]\n', literal);
      assert.equal(fixed('python', `call(${literal})`), 'call(os.environ["XENDIT_SECRET_KEY"])', literal);
    }
  });

  it('offers no fix for a tagged template, where the tag would be left glued to the replacement, but does for an untagged one', () => {
    for (const text of [`const k = String.raw\`${key}\`;`, `const k = String.raw \`${key}\`;`, `k = tag\`${key}\``, `k = make()\`${key}\``, `k = tags[0]\`${key}\``, `k = a.return\`${key}\``]) {
      assert.equal(fixed('javascript', text), undefined, text);
    }
    // After an operator, an opener or a keyword a template is a value of its own.
    for (const [text, expected] of [
      [`const k = \`${key}\`;`, 'const k = process.env.XENDIT_SECRET_KEY;'],
      [`\`${key}\``, 'process.env.XENDIT_SECRET_KEY'],
      [`f(\`${key}\`)`, 'f(process.env.XENDIT_SECRET_KEY)'],
      [`() => \`${key}\``, '() => process.env.XENDIT_SECRET_KEY'],
      [`return \`${key}\`;`, 'return process.env.XENDIT_SECRET_KEY;'],
    ]) {
      assert.equal(fixed('typescript', text), expected, text);
    }
  });

  it('offers no fix where the quotes are not the literal\'s own', () => {
    for (const text of [`s = "{\\"key\\": \\"${key}\\"}"`, `typeof"${key}"`, `x = ""${key}""`, `x = """${key}" and more"""`, `x = rb''${key}''`, `x.f"${key}"`]) {
      assert.equal(fixed('python', text), undefined, text);
    }
  });
});
