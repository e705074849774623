import * as assert from 'node:assert/strict';
import { fixEdits, locatePath, parsePathString } from '../../../src/sessions/fixEdits';
import { formatPath } from '../../../src/sessions/jsonPath';

function apply(text: string, edits: { offset: number; length: number; content: string }[]): string {
  return [...edits].sort((a, b) => b.offset - a.offset).reduce((t, e) => t.slice(0, e.offset) + e.content + t.slice(e.offset + e.length), text);
}

describe('fixEdits', () => {
  const text = '{\n    "session_type": "SAVE",\n    "amount": 150000,\n    "capture_method": "MANUAL"\n}\n';

  it('sets a value in place, keeping the rest of the file byte for byte', () => {
    const out = apply(text, fixEdits(text, { title: 'Set amount to 0', kind: 'set', path: ['amount'], value: 0 }));
    assert.equal(out, text.replace('150000', '0'));
  });

  it('removes a key and its comma', () => {
    const out = apply(text, fixEdits(text, { title: 'Remove capture_method', kind: 'remove', path: ['capture_method'] }));
    assert.deepEqual(JSON.parse(out), { session_type: 'SAVE', amount: 150000 });
    assert.ok(out.startsWith('{\n    "session_type"'), 'indentation of untouched lines changed');
  });

  it('inserts an object with the file\'s own indentation', () => {
    const out = apply(text, fixEdits(text, { title: 'Add customer', kind: 'set', path: ['customer'], value: { reference_id: 'c-1' } }));
    assert.deepEqual(JSON.parse(out).customer, { reference_id: 'c-1' });
    assert.ok(out.includes(`\n${" ".repeat(4)}"customer": {\n${" ".repeat(8)}"reference_id": "c-1"\n${" ".repeat(4)}}`), out);
  });

  it('puts a number or boolean in double quotes as written, and takes a number out of them as written', () => {
    const source = '{\n  "reference_id": 1234567890123456789,\n  "metadata": { "price": 1.50, "gift": true },\n  "amount": " 1.50 "\n}\n';
    const quote = (path: (string | number)[]) => apply(source, fixEdits(source, { title: 'Put it in double quotes', kind: 'quote', path }));
    assert.equal(quote(['reference_id']), source.replace('1234567890123456789', '"1234567890123456789"'));
    assert.equal(quote(['metadata', 'price']), source.replace('1.50,', '"1.50",'));
    assert.equal(quote(['metadata', 'gift']), source.replace('true', '"true"'));
    const unquoted = apply(source, fixEdits(source, { title: 'Use the number 1.50', kind: 'unquote', path: ['amount'] }));
    assert.equal(unquoted, source.replace('" 1.50 "', '1.50'));
    // Only what the fix expects: a string that is no JSON number, or a value already of the other type, is left.
    const hex = '{ "amount": "0x10", "reference_id": "r-1" }';
    assert.deepEqual(fixEdits(hex, { title: 'x', kind: 'unquote', path: ['amount'] }), []);
    assert.deepEqual(fixEdits(hex, { title: 'x', kind: 'quote', path: ['reference_id'] }), []);
  });

  it('makes no edit along a key written twice: the edit would change the copy JSON.parse ignores', () => {
    const twice = '{\n  "mode": "PAYMENT_LINK",\n  "mode": "payment link",\n  "metadata": { "a": 1, "a": 2 }\n}\n';
    assert.deepEqual(fixEdits(twice, { title: 'Use "PAYMENT_LINK"', kind: 'set', path: ['mode'], value: 'PAYMENT_LINK' }), []);
    assert.deepEqual(fixEdits(twice, { title: 'x', kind: 'quote', path: ['metadata', 'a'] }), []);
    assert.deepEqual(fixEdits(twice, { title: 'x', kind: 'edits', path: ['mode'], edits: [{ kind: 'remove', path: ['metadata', 'a'] }] }), []);
    // A key written once beside them is fixed as usual.
    const once = apply(twice, fixEdits(twice, { title: 'Add currency', kind: 'set', path: ['currency'], value: 'IDR' }));
    assert.match(once, /"currency": "IDR"/);
  });
});

describe('parsePathString', () => {
  for (const path of [['items', 0, 'name'], ['metadata', 'my key'], ['amount'], ['a', 'b', 2, 3]] as (string | number)[][]) {
    it(`reads back ${formatPath(path)}`, () => assert.deepEqual(parsePathString(formatPath(path)), path));
  }
});

describe('locatePath', () => {
  const text = '{\n  // a comment\n  "items": [ { "name": "Shirt" } ],\n  "amount": 5\n}';

  it('finds a nested property, key and value', () => {
    const range = locatePath(text, ['items', 0, 'name'])!;
    assert.equal(text.slice(range.offset, range.offset + range.length), '"name": "Shirt"');
  });

  it('falls back to the nearest existing ancestor', () => {
    const range = locatePath(text, ['items', 0, 'quantity'])!;
    assert.equal(text.slice(range.offset, range.offset + range.length), '{ "name": "Shirt" }');
  });
});
