import * as assert from 'node:assert/strict';
import { analyzeRequestText, offsetToLineColumn, type LocatedProblem } from '../../../src/sessions/requestDocument';
import { fakeKey } from '../../helpers/fakeKeys';
import { customerId, minimalPay as pay, testNow as now } from '../../helpers/sessionRequests';
import { englishOnly } from '../../helpers/inEnglish';

/** Pretty JSON of the minimal PAY request with `patch` applied, as a user's file would look. */
function fileWith(patch: Record<string, unknown> = {}): string {
  return `${JSON.stringify({ ...pay, ...patch }, null, 2)}\n`;
}

function analyze(text: string, options = {}) {
  return analyzeRequestText(text, { now, ...options });
}

/** The text a problem underlines. */
function underlined(text: string, problem: LocatedProblem | undefined): string {
  assert.ok(problem, 'expected a problem');
  return text.slice(problem.offset, problem.offset + problem.length);
}

describe('analyzeRequestText: syntax errors', () => {
  it('reports a missing comma between properties at its line and column', () => {
    const text = '{\n  "a": 1\n  "b": 2\n}';
    const { syntaxErrors, value, problems } = analyze(text);
    assert.deepEqual(englishOnly(syntaxErrors), [
      { message: 'Expected a comma or closing brace: separate properties with commas.', offset: 13, length: 3, line: 3, column: 3 },
    ]);
    assert.equal(value, undefined);
    assert.deepEqual(problems, []);
  });

  it('reports a missing comma in an array as a missing comma or closing bracket', () => {
    const { syntaxErrors } = analyze('{"origins": ["https://a.example" "https://b.example"]}');
    assert.equal(syntaxErrors.length, 1);
    assert.equal(syntaxErrors[0]?.message, 'Expected a comma or closing bracket: separate array entries with commas.');
    assert.deepEqual([syntaxErrors[0]?.offset, syntaxErrors[0]?.column], [33, 34]);
  });

  it('points at a trailing comma itself, once', () => {
    const { syntaxErrors } = analyze('{\n  "amount": 1,\n}');
    assert.deepEqual(englishOnly(syntaxErrors), [
      { message: 'Trailing comma: JSON allows no comma after the last entry. Remove it.', offset: 15, length: 1, line: 2, column: 14 },
    ]);
  });

  it('reports an unclosed object at the end of the text', () => {
    const text = '{\n  "amount": 1';
    const { syntaxErrors } = analyze(text);
    assert.deepEqual(englishOnly(syntaxErrors), [
      { message: 'Expected a comma or closing brace: an object is not closed. Add the missing }.', offset: text.length, length: 0, line: 2, column: 14 },
    ]);
  });

  it('reports a value it cannot read once, at the value, not again at the tokens after it', () => {
    const quoted = analyze('{\n  "session_type": \'PAY\',\n  "amount": 1\n}').syntaxErrors;
    assert.deepEqual(quoted.map((e) => [e.line, e.column, e.message]), [[2, 19, 'JSON strings and property names need double quotes, not single quotes.']]);
    for (const [text, column] of [['{"a": NaN}', 7], ['{"a": True, "b": 1}', 7], ['{"a": +1}', 7]] as const) {
      assert.deepEqual(analyze(text).syntaxErrors.map((e) => e.column), [column], text);
    }
    // A mistake further on is its own error, on a later line or the same one (a minified file).
    assert.equal(analyze('{"a": True,\n "b": }').syntaxErrors.length, 2);
    assert.deepEqual(analyze(`{"session_type":'PAY',"amount" 100,"currency":"IDR" "country":"ID"}`).syntaxErrors.map((e) => e.message.slice(0, 30)), [
      'JSON strings and property name',
      'Expected a colon after the pro',
      'Expected a comma or closing br',
    ]);
  });

  it('explains a number with a leading zero, keeping its sign', () => {
    const [zero] = analyze('{"amount": 012}').syntaxErrors;
    assert.equal(zero?.message, 'A JSON number cannot start with 0: write 12, or "012" in double quotes if the leading zero matters (an id, a code).');
    assert.deepEqual([zero?.offset, zero?.length], [11, 3]);
    const negative = analyze('{"amount": -012, "b": 1}').syntaxErrors;
    assert.equal(negative.length, 1);
    assert.match(negative[0]?.message ?? '', /write -12, or "-012"/);
    assert.deepEqual([negative[0]?.offset, negative[0]?.length], [11, 4]);
    const zeros = analyze('{"amount": -0012}').syntaxErrors;
    assert.match(zeros[0]?.message ?? '', /write -12, or "-0012"/);
    assert.deepEqual([zeros[0]?.offset, zeros[0]?.length], [11, 5]);
  });

  it('never quotes a secret key pasted without quotes, nor part of one cut short in a message', () => {
    const key = fakeKey('test');
    const unquoted = analyze(`{"note": ${key}}`).syntaxErrors;
    assert.ok(unquoted.length > 0);
    for (const e of unquoted) assert.ok(!e.message.includes('xnd_'), e.message);
    const cut = analyze(JSON.stringify({ ...pay, amount: `${'x'.repeat(35)} ${key}` })).problems;
    assert.ok(cut.some((p) => p.path[0] === 'amount' && /must be a number/.test(p.message)));
    for (const p of cut) assert.ok(!p.message.includes('xnd_'), p.message);
  });

  it('explains single quotes, a missing colon, an unclosed string and text after the object', () => {
    assert.match(analyze("{'amount': 1}").syntaxErrors[0]?.message ?? '', /need double quotes, not single quotes/);
    assert.match(analyze('{"amount" 1}').syntaxErrors[0]?.message ?? '', /^Expected a colon after the property name/);
    assert.match(analyze('{"reference_id": "abc}').syntaxErrors[0]?.message ?? '', /^A string is not closed/);
    const after = analyze('{"amount": 1} {"amount": 2}').syntaxErrors;
    assert.equal(after[0]?.message, 'Unexpected text after the end of the request: a request file holds exactly one JSON object. Remove it.');
    assert.equal(after[0]?.offset, 14);
  });

  it('counts lines ending in CRLF and CR as one line each', () => {
    assert.deepEqual(
      analyze('{\r\n"amount": 1\r\n"currency": "IDR"}').syntaxErrors.map((error) => [error.line, error.column]),
      [[3, 1]],
    );
    assert.deepEqual(
      analyze('{\r"amount": 1\r"currency": "IDR"}').syntaxErrors.map((error) => [error.line, error.column]),
      [[3, 1]],
    );
  });

  it('says what a request file should hold when it is empty', () => {
    for (const text of ['', '   \n', '\uFEFF']) {
      const { syntaxErrors, value } = analyze(text);
      assert.equal(value, undefined);
      assert.equal(syntaxErrors.length, 1);
      assert.match(syntaxErrors[0]?.message ?? '', /^The file is empty: a session request is a JSON object/);
      assert.deepEqual([syntaxErrors[0]?.line, syntaxErrors[0]?.column], [1, 1]);
    }
  });
});

describe('analyzeRequestText: values and problems', () => {
  it('parses a valid file with no problems', () => {
    const analysis = analyze(fileWith());
    assert.deepEqual(analysis, { syntaxErrors: [], value: pay, problems: [] });
  });

  it('ignores a byte order mark and keeps offsets in the text as given', () => {
    const text = `\uFEFF${fileWith({ currency: 'EUR' })}`;
    const { syntaxErrors, problems } = analyze(text);
    assert.deepEqual(englishOnly(syntaxErrors), []);
    assert.equal(underlined(text, problems[0]), '"EUR"');
  });

  it('reports comments as warnings with their range, and still validates', () => {
    const text = '{\n  // the order\n  "reference_id": "order-1", /* PAY */ "session_type": "PAY",\n  "currency": "IDR", "amount": 1, "mode": "PAYMENT_LINK", "country": "ID"\n}';
    const { syntaxErrors, value, problems } = analyze(text);
    assert.deepEqual(englishOnly(syntaxErrors), []);
    assert.deepEqual(value, { ...pay, amount: 1 });
    assert.deepEqual(
      problems.map((problem) => [problem.severity, underlined(text, problem)]),
      [
        ['warning', '// the order'],
        ['warning', '/* PAY */'],
      ],
    );
    assert.match(problems[0]?.message ?? '', /API takes strict JSON/);
    assert.deepEqual(analyze(text, { skipSchemaCovered: true }).problems, []);
  });

  it('says a request is an object when the file holds an array or a string, underlining it', () => {
    for (const text of ['[1, 2]', '"hello"']) {
      const { problems, value } = analyze(text);
      assert.notEqual(value, undefined);
      assert.equal(problems.length, 1);
      assert.match(problems[0]?.message ?? '', /^A session request is a JSON object/);
      assert.deepEqual([problems[0]?.offset, problems[0]?.length], [0, text.length]);
    }
  });
});

describe('analyzeRequestText: ranges', () => {
  it('underlines a wrong value', () => {
    const text = fileWith({ currency: 'EUR' });
    const [problem] = analyze(text).problems;
    assert.deepEqual([problem?.offset, problem?.length], [text.indexOf('"EUR"'), 5]);
    assert.equal(problem?.offset, 70);
  });

  it('underlines the key of an unknown field', () => {
    const text = '{"reference_id": "r", "session_type": "PAY", "currency": "IDR", "ammount": 1, "amount": 1, "mode": "PAYMENT_LINK", "country": "ID"}';
    const [problem] = analyze(text).problems;
    assert.equal(problem?.severity, 'warning');
    assert.deepEqual([problem?.offset, problem?.length], [64, 9]);
    assert.equal(underlined(text, problem), '"ammount"');
  });

  it('underlines the key of a field that is not allowed', () => {
    const text = fileWith({ session_type: 'SAVE', amount: 0, customer_id: customerId, capture_method: 'MANUAL' });
    const problems = analyze(text).problems;
    assert.deepEqual(problems.map((problem) => [problem.source, underlined(text, problem)]), [['rule:capture-method-only-for-pay', '"capture_method"']]);
  });

  it('underlines the first brace when the top-level object lacks a required field', () => {
    const { country: _removed, ...request } = pay;
    const text = `  ${JSON.stringify(request)}`;
    const [problem] = analyze(text).problems;
    assert.deepEqual(problem?.path, ['country']);
    assert.deepEqual([problem?.offset, problem?.length], [2, 1]);
  });

  it('underlines the key of a nested object that lacks a required field', () => {
    const text = fileWith({
      mode: 'CARDS_SESSION_JS',
      customer_id: customerId,
      cards_session_js: { success_return_url: 'https://shop.example/ok' },
    });
    const [problem] = analyze(text).problems;
    assert.deepEqual(problem?.path, ['cards_session_js', 'failure_return_url']);
    assert.equal(underlined(text, problem), '"cards_session_js"');
  });

  it('underlines values inside arrays of objects exactly', () => {
    const text = '{"reference_id":"r","session_type":"PAY","currency":"IDR","amount":3,"mode":"PAYMENT_LINK","country":"ID","items":[{"reference_id":"a","type":"FEES","category":"c","name":"a","net_unit_amount":1,"quantity":1},{"reference_id":"b","type":"FEES","category":"c","name":"b","net_unit_amount":1,"quantity":0},{"reference_id":"c","type":"FEES","category":"c","name":"c","net_unit_amount":1,"quantity":1}]}';
    const [problem] = analyze(text).problems;
    assert.deepEqual(problem?.path, ['items', 1, 'quantity']);
    assert.deepEqual([problem?.offset, problem?.length], [text.indexOf('"quantity":0') + 11, 1]);
  });

  it('underlines the trigger of a rule about a missing field', () => {
    const text = fileWith({ session_type: 'SAVE', amount: 0 });
    const [problem] = analyze(text).problems;
    assert.equal(problem?.code, 'MISSING_CUSTOMER');
    assert.equal(underlined(text, problem), '"SAVE"');
  });

  it('finds keys written with escapes, past comments and strings holding braces, and takes the last of duplicate keys', () => {
    const text = '{"reference_id": "a } ] \\" {", /* { */ "session_type": "PAY", "currency": "IDR", "currency": "EUR", "amount": 1, "mode": "PAYMENT_LINK", "country": "ID", "\\u0061mmount": 2}';
    const problems = analyze(text).problems;
    assert.deepEqual(
      problems.filter((problem) => problem.source === 'schema' && problem.severity !== 'warning' || problem.path[0] === 'ammount').map((problem) => underlined(text, problem)),
      ['"EUR"', '"\\u0061mmount"'],
    );
  });

  it('offers the same fixes as validateSessionRequest', () => {
    const text = fileWith({ session_type: 'SAVE', amount: 5, customer_id: customerId });
    const [problem] = analyze(text).problems;
    assert.deepEqual(englishOnly(problem?.fix), { title: 'Set amount to 0', kind: 'set', path: ['amount'], value: 0 });
    assert.equal(underlined(text, problem), '5');
  });

  it('with skipSchemaCovered keeps only what the JSON schema cannot say', () => {
    const text = fileWith({ currency: 'EUR', session_type: 'SAVE', amount: 5 });
    const problems = analyze(text, { skipSchemaCovered: true }).problems;
    assert.deepEqual(problems.map((problem) => problem.source), ['rule:customer-required']);
  });

  // How the time grows with the number of problems is a bench figure (diagnostics_problem_scaling).
  it('locates each of thousands of problems in a large file at its own value', () => {
    const items = Array.from({ length: 5000 }, (_, index) => ({
      reference_id: `sku-${index}`,
      type: 'PHYSICAL_PRODUCT',
      name: `Item ${index}`,
      category: 'Bulk',
      net_unit_amount: 1,
      quantity: 1,
      url: `shop.example/${index}`,
    }));
    const text = fileWith({ amount: 5000, items });
    const { problems } = analyze(text);
    assert.equal(problems.length, 5000);
    for (const index of [0, 1, 2499, 4999]) assert.equal(underlined(text, problems[index]), `"shop.example/${index}"`);
  });
});

describe('offsetToLineColumn', () => {
  it('gives 1-based lines and columns', () => {
    const text = 'ab\ncd\r\nef\rg';
    assert.deepEqual(offsetToLineColumn(text, 0), { line: 1, column: 1 });
    assert.deepEqual(offsetToLineColumn(text, 2), { line: 1, column: 3 });
    assert.deepEqual(offsetToLineColumn(text, 3), { line: 2, column: 1 });
    assert.deepEqual(offsetToLineColumn(text, 7), { line: 3, column: 1 });
    assert.deepEqual(offsetToLineColumn(text, 10), { line: 4, column: 1 });
    assert.deepEqual(offsetToLineColumn(text, text.length), { line: 4, column: 2 });
  });
});

describe('analyzeRequestText: item types', () => {
  it("refuses the payment requests API's DIGITAL_PRODUCT and FEE, suggesting the sessions API's spelling", () => {
    const item = { reference_id: 'i', name: 'n', net_unit_amount: 10000, quantity: 1, category: 'c' };
    const text = fileWith({ items: [{ ...item, type: 'DIGITAL_PRODUCT' }, { ...item, type: 'FEE' }, { ...item, type: 'FEES' }] });
    const types = analyze(text).problems.filter((p) => p.path[2] === 'type');
    assert.deepEqual(
      types.map((p) => [p.severity, p.path.join('.'), /Did you mean "(\w+)"\?/.exec(p.message)?.[1]]),
      [
        ['error', 'items.0.type', 'DIGITAL_PRODUCTS'],
        ['error', 'items.1.type', 'FEES'],
      ],
    );
  });
});

describe('analyzeRequestText: a secret key in the body', () => {
  const testKey = fakeKey('test');
  const liveKey = fakeKey('live');

  it('is an error at the string that holds it, naming where and the kind, never the key', () => {
    const text = fileWith({ metadata: { note: `pasted ${testKey} here` }, items: [{ reference_id: 'i', name: liveKey, type: 'DIGITAL_PRODUCTS', net_unit_amount: 10000, quantity: 1, currency: 'IDR', category: 'x' }] });
    const secrets = analyze(text).problems.filter((p) => p.code === 'SECRET_KEY_IN_REQUEST');
    assert.deepEqual(
      secrets.map((p) => [p.severity, p.source, p.path.join('.'), underlined(text, p)]),
      [
        ['error', 'secrets', 'metadata.note', `"pasted ${testKey} here"`],
        ['error', 'secrets', 'items.0.name', `"${liveKey}"`],
      ],
    );
    assert.match(secrets[0]?.message ?? '', /^metadata\.note holds a Xendit test secret key\. Sent, it would be stored in the session/);
    assert.match(secrets[1]?.message ?? '', /^items\[0\]\.name holds a Xendit live secret key\./);
    for (const p of secrets) assert.ok(!p.message.includes('xnd_'), p.message);
  });

  it('is an error when an object key is a secret key, without naming the key', () => {
    const text = fileWith({ metadata: { [testKey]: 'x' } });
    const [secret] = analyze(text).problems.filter((p) => p.code === 'SECRET_KEY_IN_REQUEST');
    assert.equal(secret?.path.join('.'), 'metadata');
    assert.match(secret?.message ?? '', /^A key in metadata is a Xendit test secret key\./);
  });

  it('is an error in a string whose placeholder failed or resolved, never quoting the string', () => {
    const text = fileWith({ description: `${testKey} {{$env XSP_UNSET_VARIABLE}}`, reference_id: `${testKey}-{{$randomUUID}}` });
    const found = analyze(text, { placeholders: { env: () => undefined, dotenv: () => undefined } }).problems;
    const secrets = found.filter((p) => p.code === 'SECRET_KEY_IN_REQUEST');
    assert.deepEqual(secrets.map((p) => p.path.join('.')).sort(), ['description', 'reference_id']);
    assert.ok(found.some((p) => p.path.join('.') === 'description' && p.code !== 'SECRET_KEY_IN_REQUEST'), 'the failed placeholder is not reported');
    for (const p of secrets) assert.ok(!p.message.includes('xnd_'), p.message);
  });

  it('is never quoted by any other problem, and a long template is quoted cut short', () => {
    // A metadata key over 40 characters (the message quotes a key it finds too long), and a description over 1,000
    // characters whose placeholder resolved (the message quotes the template).
    const text = fileWith({ metadata: { [testKey]: 'x' }, description: `${liveKey} {{$timestamp}} ${'x'.repeat(1000)}`, reference_id: `${'r'.repeat(50)}{{$guid}}${testKey}` });
    const problems = analyze(text).problems;
    assert.ok(problems.some((p) => p.path.join('.') === `metadata.${testKey}` && /characters long/.test(p.message)), 'the long key is reported');
    const description = problems.find((p) => p.path.join('.') === 'description' && p.code !== 'SECRET_KEY_IN_REQUEST');
    assert.match(description?.message ?? '', /\(This is the value of "\[a Xendit live secret key\] \{\{\$timestamp\}\} x*…" now\.\)$/);
    assert.ok((description?.message.length ?? 0) < 300, description?.message);
    // A template cut inside a key: the key is said in words first, so no part of it is left.
    const reference = problems.find((p) => p.path.join('.') === 'reference_id' && p.code !== 'SECRET_KEY_IN_REQUEST');
    assert.match(reference?.message ?? '', /"r{50}\{\{\$guid\}\}\[a Xendit test secre…" now/);
    for (const p of problems) assert.ok(!p.message.includes('xnd_'), p.message);
  });

  it('is found however deep it is nested', () => {
    let deep: unknown = { note: testKey };
    for (let i = 0; i < 200; i++) deep = { d: deep };
    const secrets = analyze(fileWith({ extra: deep })).problems.filter((p) => p.code === 'SECRET_KEY_IN_REQUEST');
    assert.equal(secrets.length, 1);
    assert.equal(secrets[0]?.path.length, 202);
  });

  it('leaves a request without a key alone, a public key and a key-like prefix included', () => {
    const text = fileWith({ metadata: { a: fakeKey('public'), b: 'xnd_development_short', c: 'see xnd_production_ docs' } });
    assert.deepEqual(analyze(text).problems.filter((p) => p.code === 'SECRET_KEY_IN_REQUEST'), []);
  });
});
