import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localPlaceholderContext, parseDotenv } from '../../../src/sessions/dotenv';
import { PLACEHOLDER_FIELDS } from '../../../src/sessions/placeholderFields';
import { NUMERIC_PLACEHOLDER_PATTERN } from '../../../src/sessions/placeholderSchema';
import type { PlaceholderContext } from '../../../src/sessions/placeholders';
import { analyzeRequestText, type LocatedProblem } from '../../../src/sessions/requestDocument';
import { resolvePlaceholders } from '../../../src/sessions/resolveRequest';
import { minimalPay as pay, testNow as now, UUID_PATTERN } from '../../helpers/sessionRequests';

const UUID = UUID_PATTERN;
const noVariables: Omit<PlaceholderContext, 'now'> = { env: () => undefined, dotenv: () => undefined };

function resolve(value: unknown, variables = noVariables) {
  return resolvePlaceholders(value, { ...variables, now });
}

function fileWith(patch: Record<string, unknown>): string {
  return `${JSON.stringify({ ...pay, ...patch }, null, 2)}\n`;
}

function underlined(text: string, problem: LocatedProblem | undefined): string {
  assert.ok(problem, 'expected a problem');
  return text.slice(problem.offset, problem.offset + problem.length);
}

describe('resolvePlaceholders', () => {
  it('replaces placeholders inside strings, each with a fresh value, and lists what the file held', () => {
    const request = { ...pay, reference_id: 'order-{{$randomUUID}}', description: 'Order {{$guid}} at {{$isoTimestamp}}' };
    const { value, substitutions, problems } = resolve(request);
    const resolved = value as Record<string, string>;
    assert.deepEqual(problems, []);
    assert.match(resolved.reference_id ?? '', new RegExp(`^order-${UUID}$`));
    assert.match(resolved.description ?? '', new RegExp(`^Order ${UUID} at 2030-01-01T00:00:00\\.000Z$`));
    assert.deepEqual(substitutions, [
      { path: ['reference_id'], template: 'order-{{$randomUUID}}' },
      { path: ['description'], template: 'Order {{$guid}} at {{$isoTimestamp}}' },
    ]);
    assert.equal(request.reference_id, 'order-{{$randomUUID}}', 'the input is not changed');
  });

  it('gives the same object back when nothing holds a placeholder', () => {
    const request = { ...pay, items: [{ name: 'a {b}', net_unit_amount: 1, quantity: 1 }] };
    assert.equal(resolve(request).value, request);
  });

  it('sends a numeric placeholder that fills a numeric field as a number, and keeps it a string in a text field', () => {
    const { value } = resolve({ ...pay, amount: '{{$randomInt 1000 50000}}', metadata: { n: '{{$randomInt 1 1}}' }, items: [{ net_unit_amount: '{{ $timestamp }}' }] });
    const resolved = value as { amount: unknown; metadata: { n: unknown }; items: { net_unit_amount: unknown }[] };
    assert.equal(typeof resolved.amount, 'number');
    assert.ok(Number(resolved.amount) >= 1000 && Number(resolved.amount) <= 50000);
    assert.equal(resolved.metadata.n, '1');
    assert.equal(resolved.items[0]?.net_unit_amount, now.getTime() / 1000);
  });

  it('reads a number from $env in a numeric field, and refuses one that is not a number or not the whole string', () => {
    const variables = { env: (name: string) => ({ AMOUNT: '25000', WORD: 'lots', HUGE: '1e400' })[name], dotenv: () => undefined };
    const huge = resolve({ ...pay, amount: '{{$env HUGE}}' }, variables);
    assert.match(huge.problems[0]?.message ?? '', /^This field takes a number, but "1e400" is too large to send as one/);
    assert.equal((huge.value as { amount: unknown }).amount, '{{$env HUGE}}', 'null was to be sent');
    assert.equal((resolve({ ...pay, amount: '{{$env AMOUNT}}' }, variables).value as { amount: unknown }).amount, 25000);
    const word = resolve({ ...pay, amount: '{{$env WORD}}' }, variables);
    assert.equal(word.problems[0]?.message, 'This field takes a number, but {{$env WORD}} gives "lots", which is not one: set WORD to a number such as 50000.');
    const uuid = resolve({ ...pay, amount: '{{$guid}}' });
    assert.match(uuid.problems[0]?.message ?? '', /^This field takes a number, but \{\{\$guid\}\} gives "[0-9a-f-]{36}", which is not one: use one that gives a number, e\.g\. "\{\{\$randomInt 1000 50000\}\}"\.$/);
    const partial = resolve({ ...pay, amount: '1{{$randomInt}}' });
    assert.match(partial.problems[0]?.message ?? '', /^This field takes a number, so a placeholder here must be the whole string/);
    assert.equal((partial.value as { amount: unknown }).amount, '1{{$randomInt}}', 'a failed value stays as written');
    assert.deepEqual(partial.substitutions, []);
  });

  it('refuses a placeholder in a field where a fixed value belongs, naming the fields that take one', () => {
    const { problems } = resolve({ ...pay, currency: '{{$env CURRENCY}}', items: [{ name: '{{$guid}}' }] });
    assert.deepEqual(problems.map((problem) => [problem.path, problem.placeholder]), [
      [['currency'], '{{$env CURRENCY}}'],
      [['items', 0, 'name'], '{{$guid}}'],
    ]);
    assert.match(problems[0]?.message ?? '', /^A placeholder is not accepted in currency: a fixed value belongs there\. Placeholders are accepted in reference_id, customer\.reference_id, customer\.email, expires_at, /);
    assert.equal(problems[0]?.code, 'INVALID_PLACEHOLDER');
    // Written as every other message writes a path.
    assert.match(problems[1]?.message ?? '', /^A placeholder is not accepted in items\[0\]\.name: /);
  });

  it('reports an unknown placeholder and one left open', () => {
    const { problems } = resolve({ ...pay, reference_id: 'a-{{$nope}}', description: 'x {{$guid' });
    assert.deepEqual(problems.map((problem) => [problem.path, problem.placeholder]), [
      [['reference_id'], '{{$nope}}'],
      [['description'], '{{$guid'],
    ]);
    assert.match(problems[1]?.message ?? '', /^A placeholder is not closed/);
  });

  it('lists every accepting field once, with no enum among them', () => {
    const names = PLACEHOLDER_FIELDS.map((field) => field.path.join('.'));
    assert.equal(new Set(names).size, names.length);
    for (const name of ['currency', 'country', 'session_type', 'mode', 'items.*.type', 'customer.type']) assert.ok(!names.includes(name), name);
  });
});

describe('analyzeRequestText with placeholders', () => {
  it('has no problem for a file with placeholders where they belong, and gives the resolved value', () => {
    const text = fileWith({ reference_id: 'order-{{$randomUUID}}', expires_at: '{{$isoTimestamp +1d}}', amount: '{{$randomInt 1000 50000}}' });
    const analysis = analyzeRequestText(text, { now });
    assert.deepEqual(analysis.problems, []);
    const value = analysis.value as { expires_at: string; amount: number; reference_id: string };
    assert.equal(value.expires_at, '2030-01-02T00:00:00.000Z');
    assert.equal(typeof value.amount, 'number');
    assert.match(value.reference_id, new RegExp(`^order-${UUID}$`));
    assert.equal(analysis.substitutions?.length, 3);
  });

  it('checks the resolved value, on the placeholder\'s string, without a fix, even where the JSON schema would speak', () => {
    const text = fileWith({ expires_at: '{{$isoTimestamp +5m}}', amount: '{{$randomInt -9 -1}}' });
    for (const skipSchemaCovered of [false, true]) {
      const { problems } = analyzeRequestText(text, { now, skipSchemaCovered });
      const expiry = problems.find((problem) => problem.path[0] === 'expires_at');
      assert.equal(underlined(text, expiry), '"{{$isoTimestamp +5m}}"');
      assert.match(expiry?.message ?? '', /\(This is the value of "\{\{\$isoTimestamp \+5m\}\}" now\.\)$/);
      assert.equal(expiry?.fix, undefined);
      const amount = problems.find((problem) => problem.path[0] === 'amount');
      assert.equal(underlined(text, amount), '"{{$randomInt -9 -1}}"', `skipSchemaCovered ${String(skipSchemaCovered)}`);
      assert.match(amount?.message ?? '', /^amount must be at least 0; it is -\d/);
    }
  });

  it('underlines just the failing placeholder, and reports its field once', () => {
    const text = fileWith({ reference_id: 'order-{{$nope}}-x', amount: '{{$guid}}' });
    const { problems } = analyzeRequestText(text, { now, skipSchemaCovered: true });
    assert.deepEqual(problems.map((problem) => underlined(text, problem)), ['{{$nope}}', '{{$guid}}']);
    assert.equal(analyzeRequestText(text, { now }).problems.filter((problem) => problem.path[0] === 'amount').length, 1);
  });

  it('reports every placeholder in a string that gives nothing, each underlined, and sends the string as written', () => {
    const text = fileWith({ description: '{{$uuid}} for {{$env NOPE_A}} at {{$isoTimestamp}} x{{$randomInt 5 1}}' });
    const { problems, value } = analyzeRequestText(text, { now });
    const atDescription = problems.filter((problem) => problem.path[0] === 'description');
    assert.deepEqual(atDescription.map((problem) => underlined(text, problem)), ['{{$uuid}}', '{{$env NOPE_A}}', '{{$randomInt 5 1}}']);
    assert.match(atDescription[1]?.message ?? '', /NOPE_A is not set/);
    assert.equal((value as { description: string }).description, '{{$uuid}} for {{$env NOPE_A}} at {{$isoTimestamp}} x{{$randomInt 5 1}}');
    // An unclosed one at the end does not hide those before it.
    const unclosed = fileWith({ description: '{{$env NOPE_B}} and {{$guid}} and {{$uuid' });
    const found = analyzeRequestText(unclosed, { now }).problems.filter((problem) => problem.path[0] === 'description');
    assert.deepEqual(found.map((problem) => [underlined(unclosed, problem).replace(/"$/, ''), /not closed/.test(problem.message)]), [
      ['{{$env NOPE_B}}', false],
      ['{{$uuid', true],
    ]);
  });

  it('leaves "must be the whole string" in a numeric field to the JSON schema, which says the same', () => {
    const text = fileWith({ amount: '1{{$randomInt}}' });
    assert.equal(new RegExp(NUMERIC_PLACEHOLDER_PATTERN).test('1{{$randomInt}}'), false, "the schema's pattern refuses it");
    const atAmount = (options: { skipSchemaCovered?: boolean }) => analyzeRequestText(text, { now, ...options }).problems.filter((problem) => problem.path[0] === 'amount');
    assert.deepEqual(atAmount({ skipSchemaCovered: true }), []);
    assert.match(atAmount({})[0]?.message ?? '', /must be the whole string/);
    assert.equal(atAmount({}).length, 1);
  });

  it('underlines the placeholder that failed when the same text comes earlier in the string', () => {
    const text = fileWith({ description: '{{$guid}} and {{$guid', reference_id: '{{$env ID}}-{{$randomInt 9 1}}-{{$randomInt 9 1}}' });
    const { problems } = analyzeRequestText(text, { now, placeholders: { env: () => 'shop', dotenv: () => undefined } });
    const unclosed = problems.find((problem) => problem.path[0] === 'description');
    assert.ok(unclosed, 'the unclosed placeholder is reported');
    assert.equal(unclosed.offset, text.indexOf('{{$guid"'), 'the second, unclosed {{$guid is underlined, not the first');
    const reversed = problems.find((problem) => problem.path[0] === 'reference_id');
    assert.equal(reversed?.offset, text.indexOf('{{$randomInt 9 1}}'), 'the first of two identical failures is underlined');
  });

  it('reads $env and $dotenv through the options, and finds nothing without them', () => {
    const text = fileWith({ reference_id: '{{$env PREFIX}}-{{$dotenv SUFFIX}}' });
    const variables = { env: (name: string) => (name === 'PREFIX' ? 'shop' : undefined), dotenv: () => new Map([['SUFFIX', '7']]) };
    assert.equal((analyzeRequestText(text, { now, placeholders: variables }).value as { reference_id: string }).reference_id, 'shop-7');
    assert.match(analyzeRequestText(text, { now }).problems[0]?.message ?? '', /PREFIX is not set/);
  });
});

describe('dotenv', () => {
  it('parses NAME=value lines with comments, export, quotes and a later line winning', () => {
    const entries = parseDotenv('\ufeff# comment\nexport A=1\nB = "two words" \nC=\'x # y\'\nD=plain # note\nA=3\r\nnot a line\nE="line\\nbreak"\n');
    assert.deepEqual(Object.fromEntries(entries), { A: '3', B: 'two words', C: 'x # y', D: 'plain', E: 'line\nbreak' });
  });

  it('reads escaped quotes, back quotes, backslashes in paths and a quoted value over several lines', () => {
    const text = [
      'A="he said \\"hi\\" ok"',
      'B=`back # quoted`',
      'C="-----BEGIN KEY-----',
      'abc',
      '-----END KEY-----"',
      'D="C:\\temp\\logs, \\\\ and \\q kept; \\r read"',
      'DIR="C:\\build\\"',
      'E=after',
      "F='it''s'",
      'G="never closed',
    ].join('\n');
    assert.deepEqual(Object.fromEntries(parseDotenv(text)), {
      A: 'he said "hi" ok',
      B: 'back # quoted',
      C: '-----BEGIN KEY-----\nabc\n-----END KEY-----',
      D: 'C:\\temp\\logs, \\\\ and \\q kept; \r read',
      DIR: 'C:\\build\\',
      E: 'after',
      F: 'it',
      G: '"never closed',
    });
  });

  it('reads a quote left open as text, and keeps the entries after it, as dotenv does', () => {
    // A later quote closes a value over several lines only when it ends its line (a certificate's does). Here
    // the next quote opens another entry's value, so A was never closed and B to E stay entries.
    const text = ['A="forgot to close', 'B=1', 'C=two words', 'D="quoted"', 'E=5', "F='x", "G='y' # note", 'H=8'].join('\n');
    assert.deepEqual(Object.fromEntries(parseDotenv(text)), {
      A: '"forgot to close',
      B: '1',
      C: 'two words',
      D: 'quoted',
      E: '5',
      F: "'x",
      G: 'y',
      H: '8',
    });
  });

  it('reads the folder\'s .env once, and only when a placeholder asks', () => {
    const folder = mkdtempSync(join(tmpdir(), 'xsp-dotenv-'));
    try {
      writeFileSync(join(folder, '.env'), 'SUFFIX=first\n');
      const context = localPlaceholderContext(folder, {});
      writeFileSync(join(folder, '.env'), 'SUFFIX=second\n');
      assert.equal(context.dotenv()?.get('SUFFIX'), 'second');
      writeFileSync(join(folder, '.env'), 'SUFFIX=third\n');
      assert.equal(context.dotenv()?.get('SUFFIX'), 'second');
      assert.equal(context.dotenvPath, join(folder, '.env'));
      assert.equal(localPlaceholderContext(join(folder, 'none'), {}).dotenv(), undefined);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
