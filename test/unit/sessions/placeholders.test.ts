import * as assert from 'node:assert/strict';
import { evaluatePlaceholder, findPlaceholders, findUnclosed, PLACEHOLDERS, type PlaceholderContext } from '../../../src/sessions/placeholders';
import { fakeKey } from '../../helpers/fakeKeys';
import { UUID_PATTERN } from '../../helpers/sessionRequests';

const now = new Date('2030-01-31T10:00:00.000Z');
const UUID_V4 = new RegExp(`^${UUID_PATTERN}$`);

function context(env: Record<string, string> = {}, dotenv?: Record<string, string>): PlaceholderContext {
  return {
    now,
    env: (name) => env[name],
    dotenv: () => (dotenv ? new Map(Object.entries(dotenv)) : undefined),
    dotenvPath: '/work/project/.env',
  };
}

/** The value of the one placeholder in `text`, or its failure message prefixed with "!". */
function value(text: string, ctx = context()): string | number {
  const [match] = findPlaceholders(text);
  assert.ok(match, `no placeholder in ${text}`);
  const result = evaluatePlaceholder(match, ctx);
  return result.ok ? result.value : `!${result.message}`;
}

describe('placeholders: finding them', () => {
  it('finds each {{…}} with its name, arguments and place in the string', () => {
    assert.deepEqual(findPlaceholders('order-{{$randomUUID}}-{{ $isoTimestamp  +1d  dayMax28 }}'), [
      { start: 6, end: 21, inner: '$randomUUID', name: 'randomUUID', args: [] },
      { start: 22, end: 56, inner: '$isoTimestamp  +1d  dayMax28', name: 'isoTimestamp', args: ['+1d', 'dayMax28'] },
    ]);
  });

  it('reads {{name}} without $ as a placeholder without a name, and a string without braces as none', () => {
    assert.deepEqual(findPlaceholders('{{customer_id}}'), [{ start: 0, end: 15, inner: 'customer_id', args: [] }]);
    assert.deepEqual(findPlaceholders('order-1 {not} {one}'), []);
  });

  it('finds a {{$ that is never closed, and not one that is', () => {
    assert.equal(findUnclosed('order-{{$randomUUID'), 6);
    assert.equal(findUnclosed('{{$guid}} and {{$guid}'), 14);
    assert.equal(findUnclosed('{{$guid}} and {{ not a placeholder'), undefined);
  });
});

describe('placeholders: values', () => {
  it('$randomUUID and $guid give a new version 4 UUID each time', () => {
    const values = ['{{$randomUUID}}', '{{$guid}}', '{{$randomUUID}}'].map((text) => value(text));
    for (const uuid of values) assert.match(String(uuid), UUID_V4);
    assert.equal(new Set(values).size, 3);
  });

  it('$timestamp gives the Unix time in whole seconds, as a number, moved by an offset', () => {
    assert.equal(value('{{$timestamp}}'), Date.parse('2030-01-31T10:00:00Z') / 1000);
    assert.equal(value('{{$timestamp +1h}}'), Date.parse('2030-01-31T11:00:00Z') / 1000);
    assert.equal(value('{{$timestamp -30s}}'), Date.parse('2030-01-31T09:59:30Z') / 1000);
  });

  it('$isoTimestamp gives an ISO 8601 UTC date-time, moved by minutes, hours, days, weeks and combinations', () => {
    assert.equal(value('{{$isoTimestamp}}'), '2030-01-31T10:00:00.000Z');
    assert.equal(value('{{$isoTimestamp +30m}}'), '2030-01-31T10:30:00.000Z');
    assert.equal(value('{{$isoTimestamp +1d}}'), '2030-02-01T10:00:00.000Z');
    assert.equal(value('{{$isoTimestamp -2h}}'), '2030-01-31T08:00:00.000Z');
    assert.equal(value('{{$isoTimestamp +1w}}'), '2030-02-07T10:00:00.000Z');
    assert.equal(value('{{$isoTimestamp +1d12h30m15s}}'), '2030-02-01T22:30:15.000Z');
  });

  it('$isoTimestamp moves months and years on the calendar, keeping to the last day of a shorter month', () => {
    assert.equal(value('{{$isoTimestamp +1M}}'), '2030-02-28T10:00:00.000Z');
    assert.equal(value('{{$isoTimestamp +2M}}'), '2030-03-31T10:00:00.000Z');
    assert.equal(value('{{$isoTimestamp +2y}}'), '2032-01-31T10:00:00.000Z');
    assert.equal(value('{{$isoTimestamp -1M}}'), '2029-12-31T10:00:00.000Z');
    // Months first, then the rest, as ISO 8601 durations add: 28 February, then 29 days (days first gave 1 April).
    assert.equal(value('{{$isoTimestamp +1M29d}}'), '2030-03-29T10:00:00.000Z');
    assert.equal(value('{{$isoTimestamp -1M1d}}'), '2029-12-30T10:00:00.000Z');
  });

  it('$isoTimestamp dayMax28 moves a 29th to 31st to the 1st of the next month, and leaves other days', () => {
    assert.equal(value('{{$isoTimestamp dayMax28}}'), '2030-02-01T10:00:00.000Z');
    assert.equal(value('{{$isoTimestamp +1d dayMax28}}'), '2030-02-01T10:00:00.000Z');
    assert.equal(value('{{$isoTimestamp +28d dayMax28}}'), '2030-02-28T10:00:00.000Z');
    assert.equal(value('{{$isoTimestamp +10M dayMax28}}'), '2030-12-01T10:00:00.000Z');
  });

  it('refuses an offset it cannot read, and dayMax28 before the offset or on $timestamp', () => {
    for (const text of ['{{$isoTimestamp 30m}}', '{{$isoTimestamp +30x}}', '{{$isoTimestamp +1d +1h}}', '{{$isoTimestamp dayMax28 +1d}}', '{{$timestamp dayMax28}}']) {
      assert.match(String(value(text)), /^!\{\{\$(isoTimestamp|timestamp)\}\} takes an optional offset such as \+30m, \+1d or -2h/, text);
    }
  });

  it('$randomInt gives a whole number from 0 to 1000, or from MIN to MAX with both ends reachable', () => {
    for (let i = 0; i < 50; i++) {
      const plain = value('{{$randomInt}}');
      assert.ok(Number.isInteger(plain) && Number(plain) >= 0 && Number(plain) <= 1000, String(plain));
    }
    const seen = new Set<unknown>();
    for (let i = 0; i < 200; i++) seen.add(value('{{$randomInt 1 3}}'));
    assert.deepEqual([...seen].sort(), [1, 2, 3]);
    assert.equal(value('{{$randomInt -5 -5}}'), -5);
    // The largest safe integer as MAX: randomInt's exclusive upper end would not be safe.
    assert.equal(value('{{$randomInt 9007199254740991 9007199254740991}}'), 9007199254740991);
    assert.ok([9007199254740990, 9007199254740991].includes(Number(value('{{$randomInt 9007199254740990 9007199254740991}}'))));
  });

  it('$randomInt refuses one bound, bounds that are not whole numbers, and MIN above MAX', () => {
    assert.match(String(value('{{$randomInt 5}}')), /^!\{\{\$randomInt\}\} takes no bounds or two/);
    assert.match(String(value('{{$randomInt 1 2.5}}')), /the bounds must be whole numbers/);
    assert.match(String(value('{{$randomInt 9 1}}')), /MIN is larger than MAX; write \{\{\$randomInt 1 9\}\}/);
  });

  it('$env and $dotenv read their variable, and say where it is missing', () => {
    const ctx = context({ ORDER_PREFIX: 'shop' }, { ORDER_PREFIX: 'dot' });
    assert.equal(value('{{$env ORDER_PREFIX}}', ctx), 'shop');
    assert.equal(value('{{$dotenv ORDER_PREFIX}}', ctx), 'dot');
    assert.match(String(value('{{$env NOPE}}', ctx)), /^!The environment variable NOPE is not set/);
    assert.match(String(value('{{$dotenv NOPE}}', ctx)), /^!The \.env file at \/work\/project\/\.env has no entry NOPE\. Add a line NOPE=value\./);
    assert.match(String(value('{{$dotenv NOPE}}', context())), /^!There is no \.env file at \/work\/project\/\.env/);
    assert.match(String(value('{{$env}}', ctx)), /^!\{\{\$env NAME\}\} takes one variable name/);
  });

  it('$env and $dotenv refuse a name that names a secret, without reading it', () => {
    let read = 0;
    const ctx: PlaceholderContext = { ...context(), env: () => (read++, 'x'), dotenv: () => (read++, new Map()) };
    for (const name of ['XENDIT_SECRET_KEY', 'MY_API_KEY', 'apikey', 'PRIVATE_KEY', 'CALLBACK_TOKEN', 'DB_PASSWORD', `xnd_${'development'}_abc`, 'AWS_ACCESS_KEY_ID', 'accessKey', 'GCP_CREDENTIALS', 'SSH_PASSPHRASE', 'BASIC_AUTH', 'AUTH_HEADER', 'BASIC-AUTH', 'db.auth', 'HTTP_AUTHORIZATION']) {
      for (const kind of ['env', 'dotenv']) {
        assert.match(String(value(`{{$${kind} ${name}}}`, ctx)), /is refused: .* names a secret|takes one variable name/, name);
      }
    }
    assert.equal(read, 0);
    // Names that merely contain a secret word's letters are read as usual.
    for (const name of ['AUTHOR_NAME', 'OAUTH_CLIENT_REGION', 'KEYBOARD_LAYOUT', 'ACCESS_LEVEL']) {
      assert.equal(value(`{{$env ${name}}}`, ctx), 'x', name);
    }
  });

  it('$env and $dotenv refuse a value that looks like a Xendit secret key, and never show it', () => {
    for (const key of [fakeKey('test'), fakeKey('live'), `prefix ${fakeKey('test')}`]) {
      const ctx = context({ HARMLESS: key }, { HARMLESS: key });
      for (const kind of ['env', 'dotenv']) {
        const message = String(value(`{{$${kind} HARMLESS}}`, ctx));
        assert.match(message, /is refused: its value looks like a Xendit secret key/);
        assert.ok(!message.includes(key.slice(-12)), 'the key must not be quoted');
      }
    }
  });

  it('names an unknown placeholder, suggests the right case, and explains {{name}} without $', () => {
    assert.match(String(value('{{$uuid}}')), /^!Unknown placeholder \$uuid\. The placeholders are \$randomUUID, \$guid, /);
    assert.match(String(value('{{$isotimestamp}}')), /^!Unknown placeholder \$isotimestamp: did you mean \$isoTimestamp\?/);
    assert.match(String(value('{{customer_id}}')), /^!"\{\{customer_id\}\}" is not a placeholder: they start with \$/);
  });

  it('refuses arguments to the placeholders that take none', () => {
    assert.match(String(value('{{$guid 1}}')), /^!\{\{\$guid\}\} takes nothing after its name; remove "1"\./);
  });

  it('documents each placeholder with its syntax, a snippet and a sentence', () => {
    for (const spec of PLACEHOLDERS) {
      assert.ok(spec.syntax.startsWith(`{{$${spec.name}`) && spec.snippet.includes(spec.name) && spec.doc.length > 20, spec.name);
    }
  });
});
