import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SessionRequest } from '../../../src/sessions/schema';
import {
  EXAMPLE_SCHEMA_REFERENCE,
  exampleFileName,
  exampleFileText,
  SESSION_REQUEST_EXAMPLES,
} from '../../../src/sessions/examples';
import { analyzeRequestText } from '../../../src/sessions/requestDocument';
import { resolvePlaceholders } from '../../../src/sessions/resolveRequest';
import { validateSessionRequest } from '../../../src/sessions/validate';
import { referenceExamples } from '../../helpers/referencePage';
import { repoRoot } from '../../helpers/repoRoot';
import { testNow as now, UUID_PATTERN } from '../../helpers/sessionRequests';

const examplesDir = join(repoRoot, 'examples');

/** An example's body as it is sent at `now`: its placeholders resolved (they read no variables). */
function sent(body: unknown): SessionRequest {
  const resolved = resolvePlaceholders(body, { now, env: () => undefined, dotenv: () => undefined });
  assert.deepEqual(resolved.problems, []);
  return resolved.value as SessionRequest;
}

describe('examples', () => {
  it('keeps the older page\'s examples it still offers unchanged, key for key, but for a fresh reference id and a new customer', () => {
    const fromPage = SESSION_REQUEST_EXAMPLES.filter((example) => example.referenceExample !== undefined);
    assert.deepEqual(fromPage.map((example) => example.referenceExample), ['PaymentLink_SaveExample', 'CardSessionJS_SaveExample']);
    for (const example of fromPage) {
      const onPage = referenceExamples.requests.get(example.referenceExample ?? '') as Record<string, unknown>;
      assert.equal(onPage.reference_id, 'Alice');
      // The page's customer_id exists in no one's account: a new customer takes its place, where it was.
      assert.match(String(onPage.customer_id), /^cust-/);
      assert.equal(example.body.customer?.type, 'INDIVIDUAL', example.name);
      assert.equal(example.body.customer?.reference_id, 'customer-{{$randomUUID}}', example.name);
      const expected = Object.entries(onPage).map(([key, value]) =>
        key === 'customer_id' ? ['customer', example.body.customer] : [key, key === 'reference_id' ? 'Alice-{{$randomUUID}}' : value],
      );
      // Compared as text so the key order matches the page too.
      assert.equal(JSON.stringify(example.body), JSON.stringify(Object.fromEntries(expected)), example.name);
    }
  });

  it('sends no customer_id: an id from the docs exists in no one\'s account', () => {
    for (const example of SESSION_REQUEST_EXAMPLES) assert.equal(example.body.customer_id, undefined, example.name);
  });

  it('sends a new reference id each time, and a customer reference id of its own, so each example can be sent twice', () => {
    for (const example of SESSION_REQUEST_EXAMPLES) {
      const [first, second] = [sent(example.body), sent(example.body)];
      assert.match(first.reference_id, new RegExp(`^[A-Za-z]+-${UUID_PATTERN}$`), example.name);
      assert.notEqual(first.reference_id, second.reference_id, example.name);
      if (example.body.customer) {
        assert.match(String(first.customer?.reference_id), new RegExp(`^customer-${UUID_PATTERN}$`), example.name);
        assert.notEqual(first.customer?.reference_id, second.customer?.reference_id, example.name);
      }
    }
  });

  it('offers the newest docs\' use cases: pay, manual capture, a monthly subscription, and Components pay, pay and save, save', () => {
    const newest = SESSION_REQUEST_EXAMPLES.filter((example) => example.docsExample !== undefined);
    assert.deepEqual(
      newest.map((example) => [example.name, example.body.session_type, example.body.mode]),
      [
        ['pay-payment-link', 'PAY', 'PAYMENT_LINK'],
        ['pay-manual-capture', 'PAY', 'PAYMENT_LINK'],
        ['subscription-monthly', 'SUBSCRIPTION', 'PAYMENT_LINK'],
        ['components-pay', 'PAY', 'COMPONENTS'],
        ['components-pay-and-save', 'PAY', 'COMPONENTS'],
        ['components-save', 'SAVE', 'COMPONENTS'],
      ],
    );
    assert.equal(newest.find((example) => example.name === 'pay-manual-capture')?.body.capture_method, 'MANUAL');
    assert.equal(newest.find((example) => example.name === 'components-pay-and-save')?.body.allow_save_payment_method, 'OPTIONAL');
    for (const example of newest) assert.deepEqual(validateSessionRequest(sent(example.body), { now }).problems, [], example.name);
  });

  it('dates the subscription from the moment it is sent, so it never goes stale: tomorrow, on a day up to 28', () => {
    const example = SESSION_REQUEST_EXAMPLES.find((candidate) => candidate.name === 'subscription-monthly');
    assert.equal(example?.body.subscription?.schedule.anchor_date, '{{$isoTimestamp +1d dayMax28}}');
    for (const at of ['2030-01-01T00:00:00Z', '2031-03-30T12:00:00Z']) {
      const anchor = resolvePlaceholders(example?.body, { now: new Date(at), env: () => undefined, dotenv: () => undefined }).value as SessionRequest;
      const date = new Date(anchor.subscription?.schedule.anchor_date ?? '');
      assert.ok(date.getTime() > Date.parse(at), `${at}: ${date.toISOString()}`);
      assert.ok(date.getUTCDate() <= 28, date.toISOString());
    }
  });

  it('has unique, file-safe names and a label and description for each', () => {
    assert.equal(new Set(SESSION_REQUEST_EXAMPLES.map((example) => example.name)).size, SESSION_REQUEST_EXAMPLES.length);
    for (const example of SESSION_REQUEST_EXAMPLES) {
      assert.match(example.name, /^[a-z]+(-[a-z]+)*$/);
      assert.ok(example.label.length > 0 && example.description.length > 0, example.name);
    }
  });

  it('matches examples/*.session.json (run `npm run schema` when this fails)', () => {
    const files = readdirSync(examplesDir).filter((file) => file.endsWith('.session.json')).sort();
    assert.deepEqual(files, SESSION_REQUEST_EXAMPLES.map(exampleFileName).sort());
    for (const example of SESSION_REQUEST_EXAMPLES) {
      const text = readFileSync(join(examplesDir, exampleFileName(example)), 'utf8');
      assert.equal(text, exampleFileText(example, EXAMPLE_SCHEMA_REFERENCE), `examples/${exampleFileName(example)} is out of date: run \`npm run schema\``);
    }
  });

  it('judges the older page\'s examples by the newest docs: PAY with amount 0 is refused, COMPONENT and CARDS_SESSION_JS are flagged', () => {
    const sources: Record<string, string[]> = {};
    for (const [heading, body] of referenceExamples.requests) {
      sources[heading] = validateSessionRequest(body, { now }).problems.map((problem) => `${problem.severity} ${problem.source}`);
    }
    assert.deepEqual(sources, {
      PaymentLink_SaveExample: [],
      Component_SaveExample: ['warning rule:older-mode-names'],
      CardSessionJS_PayExample: ['error rule:amount-positive', 'warning rule:older-mode-names'],
      CardSessionJS_SaveExample: ['warning rule:older-mode-names'],
      CardSessionJS_PayAndSaveExample: ['error rule:amount-positive', 'warning rule:older-mode-names'],
    });
  });

  it('validates the minimal PAY request with no problem at all, its items adding up to its amount', () => {
    const example = SESSION_REQUEST_EXAMPLES.find((candidate) => candidate.name === 'pay-payment-link');
    assert.ok(example);
    assert.deepEqual(validateSessionRequest(sent(example.body), { now }).problems, []);
    assert.equal(example.body.amount, 150000);
    assert.equal(example.body.currency, 'IDR');
    const total = (example.body.items ?? []).reduce((sum, item) => sum + item.net_unit_amount * item.quantity, 0);
    assert.equal(total, example.body.amount);
  });

  it('analyzes each example file without syntax errors or errors (the older card mode only warns)', () => {
    for (const example of SESSION_REQUEST_EXAMPLES) {
      const analysis = analyzeRequestText(readFileSync(join(examplesDir, exampleFileName(example)), 'utf8'), { now });
      assert.deepEqual(analysis.syntaxErrors, [], example.name);
      assert.deepEqual(analysis.problems.filter((problem) => problem.severity === 'error'), [], example.name);
      if (example.body.mode !== 'CARDS_SESSION_JS') assert.deepEqual(analysis.problems, [], example.name);
    }
  });

  it('writes files with $schema first and without it for a new untitled request', () => {
    const [example] = SESSION_REQUEST_EXAMPLES;
    assert.ok(example);
    assert.match(exampleFileText(example, EXAMPLE_SCHEMA_REFERENCE), /^\{\n {2}"\$schema": "\.\.\/schemas\/session-request\.schema\.json",\n {2}"reference_id"/);
    assert.deepEqual(JSON.parse(exampleFileText(example)), example.body);
    assert.ok(exampleFileText(example).endsWith('}\n'));
  });

  it('cannot be changed by one of their users', () => {
    const [example] = SESSION_REQUEST_EXAMPLES;
    assert.ok(example && Object.isFrozen(example.body) && Object.isFrozen(SESSION_REQUEST_EXAMPLES));
  });
});
