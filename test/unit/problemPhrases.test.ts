// The editor's problem messages and quick fixes speak the display language: every problem a request file can show
// (the model's issues, the cross-field rules, placeholders, syntax errors, a secret key in the body) carries the
// phrase its English message was said from, and the Indonesian bundle has a translation for every template in it.
// The extension host says them with vscode.l10n.t (src/vscode/displayLanguage.ts); here the bundle is read directly.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Fix, Problem } from '../../src/sessions/problem';
import { inEnglish, type Phrase, type Say, say } from '../../src/sessions/phrase';
import { analyzeRequestText, type AnalyzeOptions, type RequestAnalysis } from '../../src/sessions/requestDocument';
import { placeholderHover } from '../../src/sessions/placeholderAssist';
import { channelCountry, COUNTRIES, PAYMENT_CHANNELS } from '../../src/sessions/channels';
import { fakeKey } from '../helpers/fakeKeys';
import { repoRoot } from '../helpers/repoRoot';
import { minimalPay as pay, minimalSubscription, shirtItem, testNow as now } from '../helpers/sessionRequests';
import { CASES } from './sessions/rules.cases';
import { NEWEST_DOCS_CASES } from './sessions/rulesNewestDocs.cases';

const indonesian = JSON.parse(fs.readFileSync(path.join(repoRoot, 'l10n', 'bundle.l10n.id.json'), 'utf8')) as Record<string, string>;
const untranslated = new Set<string>();
/** Says a template in Indonesian, and notes one the bundle does not have (it would be shown in English). */
const inIndonesian: Say = (template, args) => {
  if (!(template in indonesian)) untranslated.add(template);
  return inEnglish(indonesian[template] ?? template, args);
};
/**
 * How VS Code fills a template (format2 in its l10n): any `{…}` whose inside is an argument's index, anything else
 * kept. A template that held `{{$env NAME}}` or `{ "a": 1 }` itself would lose words or holes here.
 */
const likeVsCode: Say = (template, args) => template.replace(/\{([^}]+)\}/g, (match, key: string) => (/^\d+$/.test(key) ? (args[Number(key)] ?? match) : match));

const variables: AnalyzeOptions['placeholders'] = {
  env: (name) => ({ ORDER_PREFIX: 'order', NOT_A_NUMBER: 'ten', HUGE: '1e400', LONG_ID: 'x'.repeat(100), SHOP_URL: `${fakeKey('test')}` })[name],
  dotenv: () => new Map([['CITY', 'Jakarta']]),
  dotenvPath: '/work/project/.env',
};
const noDotenv: AnalyzeOptions['placeholders'] = { env: () => undefined, dotenv: () => undefined };

const json = (value: unknown) => JSON.stringify(value, null, 2);

/** Requests the model (zod) refuses, one or more for each kind of sentence issueMessages.ts builds. */
const MODEL_CASES: unknown[] = [
  [],
  'PAY',
  7,
  true,
  null,
  { ...pay, session_type: 'AUTHORIZATION' },
  { ...pay, session_type: undefined },
  { ...pay, currency: undefined },
  { ...pay, reference_id: undefined },
  { ...pay, amount: undefined },
  { ...pay, amount: '10000' },
  { ...pay, amount: 'ten' },
  { ...pay, amount: 1.5, items: [{ ...shirtItem, quantity: 1.5 }] },
  { ...pay, reference_id: 12 },
  { ...pay, reference_id: true },
  { ...pay, reference_id: '' },
  { ...pay, reference_id: 'x'.repeat(300) },
  { ...pay, customer_id: 'cust-1' },
  { ...pay, currency: 'idr' },
  { ...pay, currency: 'EUR' },
  { ...pay, currency: 'IDX' },
  { ...pay, mode: 'payment-link' },
  { ...pay, allowed_payment_channels: 'OVO' },
  { ...pay, allowed_payment_channels: [7] },
  { ...pay, metadata: [] },
  { ...pay, metadata: Object.fromEntries(Array.from({ length: 60 }, (_v, i) => [`key${i}`, 'v'])) },
  { ...pay, metadata: { ['k'.repeat(60)]: 'v' } },
  { ...pay, amount: -5 },
  { ...pay, expires_at: 'tomorrow' },
  { ...pay, locale: 'EN' },
  { ...pay, success_return_url: 'shop.example/ok' },
  { ...pay, success_return_url: 'ftp://shop.example/ok' },
  { ...pay, mode: 'COMPONENTS', components_configuration: { origins: ['https://shop.example/path'] } },
  { ...pay, internal_metadata: {} },
  { ...pay, channel_properties: { cards: { card_details: {} } } },
  { ...minimalSubscription, subscription: { schedule: { ...minimalSubscription.subscription.schedule, failed_cycle_action: 'STOP' } } },
  { ...pay, ammount: 1 },
  { ...pay, customer: { type: 'INDIVIDUAL', reference_id: 'c-1', emial: 'a@example.com' } },
  { ...pay, items: [{ ...shirtItem, type: 'FOOD' }] },
  { ...pay, items: [] },
  { ...pay, amount: {} },
  { ...pay, amount: [] },
  { ...pay, items: [{ ...shirtItem, quantity: undefined }] },
  { ...pay, items: [{ ...shirtItem, url: 'shop.example/shirt' }] },
  { ...pay, channel_properties: { cards: { card_on_file_type: 'RECURRING', recurring_configuration: { recurring_frequency: 1, recurring_expiry: 'soon' } } } },
  { ...minimalSubscription, subscription: { ...minimalSubscription.subscription, payment_link_for_failed_attempt: 'yes' } },
  // A channel of every other country (the request's country is ID).
  { ...pay, allowed_payment_channels: COUNTRIES.flatMap((country) => PAYMENT_CHANNELS.filter((channel) => channelCountry(channel) === country).slice(0, 1)) },
];

/** Placeholders that fail, one for each sentence placeholders.ts and resolveRequest.ts build. */
const PLACEHOLDER_CASES: { request: unknown; placeholders?: AnalyzeOptions['placeholders'] }[] = [
  { request: { ...pay, reference_id: '{{$randomUUID' } },
  { request: { ...pay, reference_id: '{{randomUUID}}' } },
  { request: { ...pay, reference_id: '{{$randomUuid}}' } },
  { request: { ...pay, reference_id: '{{$nope}}' } },
  { request: { ...pay, reference_id: '{{$randomUUID 1}}' } },
  { request: { ...pay, reference_id: '{{$isoTimestamp soon}}' } },
  { request: { ...pay, reference_id: '{{$timestamp soon}}' } },
  { request: { ...pay, reference_id: '{{$isoTimestamp +999999999y}}' } },
  { request: { ...pay, amount: '{{$randomInt 1}}' } },
  { request: { ...pay, amount: '{{$randomInt a b}}' } },
  { request: { ...pay, amount: '{{$randomInt 9 1}}' } },
  { request: { ...pay, amount: '{{$randomInt 0 999999999999999}}' } },
  { request: { ...pay, amount: '1{{$randomInt}}' } },
  { request: { ...pay, amount: '{{$env NOT_A_NUMBER}}' } },
  { request: { ...pay, amount: '{{$isoTimestamp}}' } },
  { request: { ...pay, currency: '{{$env CURRENCY}}' } },
  { request: { ...pay, reference_id: '{{$env MISSING}}' } },
  { request: { ...pay, reference_id: '{{$env A B}}' } },
  { request: { ...pay, reference_id: '{{$env}}' } },
  { request: { ...pay, reference_id: '{{$env XENDIT_SECRET_KEY}}' } },
  { request: { ...pay, reference_id: '{{$env SHOP_URL}}' } },
  { request: { ...pay, reference_id: '{{$dotenv MISSING}}' } },
  { request: { ...pay, reference_id: '{{$dotenv CITY}}' }, placeholders: noDotenv },
  { request: { ...pay, reference_id: '{{$dotenv CITY}}-{{$env ORDER_PREFIX}}', description: 'x'.repeat(2000) } },
  { request: { ...pay, reference_id: '{{$env ORDER_PREFIX}}', currency: 'idr' } },
  { request: { ...pay, currency: '{{$env ORDER_PREFIX}}', description: 'Sent at {{$timestamp}}' } },
  { request: { ...pay, reference_id: '{{$env LONG_ID}}' } },
  { request: { ...pay, amount: '{{$env HUGE}}' } },
];

/** Request files with secret keys in the body, some quoted by other problems' messages. */
function SECRET_TEXTS(): string[] {
  const test = fakeKey('test');
  const live = fakeKey('live');
  return [
    json({ ...pay, description: test }),
    json({ ...pay, description: live }),
    json({ ...pay, metadata: { [test]: 'x' } }),
    json({ ...pay, metadata: { [live]: 'x' } }),
    json({ ...pay, currency: test }),
    json({ ...pay, [live]: 1 }),
    `{ "reference_id": ${test} }`,
    json({ ...pay, reference_id: `{{$env ORDER_PREFIX}}-${test}`, currency: 'idr' }),
    json({ ...pay, amount: `{{$randomInt 9 1}} ${live}` }),
  ];
}

/** Texts that are no JSON, one for each sentence of requestDocument.ts's syntax errors. */
const SYNTAX_CASES: string[] = [
  '',
  '{\n  "a": 1\n  "b": 2\n}',
  '{"origins": ["https://a.example" "https://b.example"]}',
  '{\n  "amount": 1,\n}',
  '{\n  "amount": 1',
  '{"origins": ["a"',
  '{"amount" 1}',
  '{"amount": 1} {}',
  "{'amount': 1}",
  '{"amount": PAY}',
  '{"amount": -}',
  '{"amount": 012}',
  '{"a": 1, 2: 3}',
  '{"reference_id": "open',
  '{"amount": 1.}',
  '{"reference_id": "\\u12"}',
  '{"reference_id": "\\q"}',
  '{"reference_id": "a\tb"}',
  '{,}',
  '{"a": }',
];

function requestCases(): { text: string; options: AnalyzeOptions }[] {
  const ruleRequests = Object.values({ ...CASES, ...NEWEST_DOCS_CASES }).flatMap((cases) => cases.failing.map((failing) => failing.request));
  return [
    ...ruleRequests.map((request) => ({ text: json(request), options: { now } })),
    ...MODEL_CASES.map((request) => ({ text: json(request), options: { now } })),
    ...PLACEHOLDER_CASES.map(({ request, placeholders }) => ({ text: json(request), options: { now, placeholders: placeholders ?? variables } })),
    { text: `// a comment\n${json(pay)}`, options: { now } },
    ...SECRET_TEXTS().map((text) => ({ text, options: { now, placeholders: variables } })),
    ...SYNTAX_CASES.map((text) => ({ text, options: { now } })),
  ];
}

/** Every phrase a problem, fix or syntax error of the analysis carries, with the English it must say. */
function spoken(analysis: RequestAnalysis): { says: Phrase | undefined; english: string; what: string }[] {
  const fixOf = (fix: Fix | undefined) => (fix ? [{ says: fix.titleSays, english: fix.title, what: `fix "${fix.title}"` }] : []);
  return [
    ...analysis.syntaxErrors.map((error) => ({ says: error.says, english: error.message, what: `syntax error "${error.message}"` })),
    ...analysis.problems.flatMap((problem: Problem) => [{ says: problem.says, english: problem.message, what: `problem "${problem.message}"` }, ...fixOf(problem.fix)]),
  ];
}

/** The files that build problem messages and fix titles (the CLI and the editor share them). */
const PRODUCERS = [
  'issueMessages.ts',
  'jsonPath.ts',
  'placeholders.ts',
  'requestDocument.ts',
  'requestParts.ts',
  'resolveRequest.ts',
  'rulesAmounts.ts',
  'rulesCore.ts',
  'rulesModes.ts',
  'rulesNewestDocs.ts',
  'schema.ts',
  'secretsInRequest.ts',
  'validate.ts',
  'vocabulary.ts',
];

/** Templates no request above reaches, and why. */
const UNREACHED = new Set([
  // jsonc-parser reports these only in states a request file does not get into with comments disallowed.
  'Invalid number: write it as digits with an optional decimal point, e.g. 150000 or 0.5.',
  'A block comment is not closed. Add */ (better still, remove the comment: the API takes strict JSON).',
  'Invalid JSON here.',
  // JSON.parse fails where jsonc-parser does not: no known text does that.
  'Invalid JSON: {0}',
  // A key said in words inside two values at once: templates are literals, so a key never straddles them.
  '{0}',
  // Fallbacks for zod issues the model cannot raise: no field is an int zod reports by that name, has a longer
  // minimum length than 1, an exact length it checks before its pattern, bounds on arrays, or numbers with an upper
  // or exclusive bound; no enum spelled out is longer than 12 values; every refused key has its own text; no root is
  // a value JSON lacks; the metadata limit is only checked on an object; zod says no key is invalid but too long.
  'a whole number',
  'a valid key',
  '{0} is required. Add it: {1}.',
  '{0} {1}. Remove the extra entries.',
  '{0} is not allowed. Remove it.',
  '{0} is not one of the {1} values the API accepts; it is {2}.',
  '{0} must be exactly {1} characters long; it has {2}.',
  '{0} must be exactly {1} characters long; it has {2}. Shorten it.',
  '{0} must be at least {1} characters long; it has {2}.',
  '{0} must have at least {1} entries; it has {2}.',
  '{0} must have at most {1} entries; it has {2}.',
  '{0} must be more than {1}; it is {2}.',
  '{0} must be at most {1}; it is {2}.',
  '{0} must be less than {1}; it is {2}.',
  'a {0}',
  // A missing value is reported as required, never described.
  'missing',
  // No payment channel the API reference lists is Singapore's alone.
  '{0} is a Singaporean channel',
]);

/** The template of every phrase('…') call in a file of src/sessions (single-quoted or double-quoted literals). */
function templatesIn(file: string): string[] {
  const text = fs.readFileSync(path.join(repoRoot, 'src', 'sessions', file), 'utf8');
  // The templates escape nothing but quotes and backslashes (no \n or \t escapes), so dropping each backslash of a pair reads them.
  return [...text.matchAll(/\bphrase\(\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")/g)].map((match) => (match[1] ?? match[2] ?? '').replace(/\\(.)/g, '$1'));
}

function templatesOf(phrase: Phrase): string[] {
  return [phrase.template, ...phrase.args.flatMap((arg) => (typeof arg === 'object' ? templatesOf(arg) : []))];
}

describe('problem messages in the display language', () => {
  const analyses = requestCases().map(({ text, options }) => ({ text, analysis: analyzeRequestText(text, options) }));

  it('covers many problems and fixes of every kind', () => {
    const all = analyses.flatMap(({ analysis }) => spoken(analysis));
    const sources = new Set(analyses.flatMap(({ analysis }) => analysis.problems.map((problem) => problem.source.replace(/^rule:(?!placeholders).*/, 'rule'))));
    assert.deepEqual([...sources].sort(), ['rule', 'rule:placeholders', 'schema', 'secrets']);
    assert.ok(analyses.filter(({ analysis }) => analysis.syntaxErrors.length > 0).length >= SYNTAX_CASES.length);
    assert.ok(all.length > 200, `${all.length} messages`);
    assert.ok(all.filter(({ what }) => what.startsWith('fix')).length > 20);
  });

  it('gives every problem, fix and syntax error the phrase its English is said from', () => {
    for (const { text, analysis } of analyses) {
      for (const { says, english, what } of spoken(analysis)) {
        assert.ok(says, `${what} has no phrase (request ${text.slice(0, 80)})`);
        assert.equal(say(says), english, what);
        assert.equal(say(says, likeVsCode), english, `${what}: VS Code would fill its template otherwise`);
      }
    }
  });

  it('has an Indonesian translation for every template of every message', () => {
    untranslated.clear();
    const missing = new Map<string, string>();
    for (const { analysis } of analyses) {
      for (const { says, what } of spoken(analysis)) {
        if (!says) {
          missing.set('(no phrase at all)', what);
          continue;
        }
        untranslated.clear();
        say(says, inIndonesian);
        for (const template of untranslated) missing.set(template, what);
      }
    }
    assert.deepEqual([...missing].map(([template, what]) => `${template}  (in ${what})`), []);
  });

  it('reaches the templates of the problem producers', () => {
    const seen = new Set(analyses.flatMap(({ analysis }) => spoken(analysis).flatMap(({ says }) => (says ? templatesOf(says) : []))));
    const templates = PRODUCERS.flatMap(templatesIn);
    assert.ok(templates.length > 150, `${templates.length} templates in the producers`);
    const unseen = PRODUCERS.flatMap((file) => templatesIn(file).filter((template) => !seen.has(template) && !UNREACHED.has(template)).map((template) => `${file}: ${template}`));
    assert.deepEqual(unseen, []);
  });

  it('says a placeholder that gives nothing in the hover from the same phrase', () => {
    const text = json({ ...pay, reference_id: '{{$env MISSING}}' });
    const hover = placeholderHover(text, text.indexOf('$env'), { now, ...noDotenv });
    assert.ok(hover?.problem, 'the hover repeats the problem');
    assert.equal(hover.markdown, hover.problem.lead + say(hover.problem.says));
    assert.ok(say(hover.problem.says, inIndonesian).startsWith('Variabel environment MISSING belum diatur'));
  });
});

describe('secret keys in problem messages, in Indonesian too', () => {
  const indonesianOf = (text: string) => {
    const analysis = analyzeRequestText(text, { now, placeholders: variables });
    return [...analysis.syntaxErrors, ...analysis.problems].map((item) => ({ english: item.message, indonesian: say(item.says, inIndonesian) }));
  };

  it('says a key quoted from the file in words, in English and in Indonesian', () => {
    const texts = SECRET_TEXTS();
    const said = texts.flatMap(indonesianOf);
    const secrets = texts.flatMap((text) => [...text.matchAll(/xnd_(?:development|production)_([A-Za-z0-9+/]{20})/g)].map((match) => match[1] ?? ''));
    assert.ok(secrets.length >= texts.length);
    for (const { english, indonesian: text } of said) {
      for (const message of [english, text]) {
        assert.doesNotMatch(message, /xnd_(development|production)_/, message);
        for (const secret of secrets) assert.ok(!message.includes(secret), message);
      }
    }
    const quoting = said.filter(({ english }) => english.includes('secret key]'));
    assert.ok(quoting.length >= 4, JSON.stringify(said, null, 1));
    for (const { english, indonesian: text } of quoting) {
      assert.ok(text.includes('[sebuah kunci rahasia test Xendit]') || text.includes('[sebuah kunci rahasia live Xendit]'), text);
      assert.doesNotMatch(text, /\[a Xendit (test|live) secret key\]/, `${text} (English words in the Indonesian message; English: ${english})`);
    }
  });
});
