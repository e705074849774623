import * as assert from 'node:assert/strict';
import { checkRules, RULES } from '../../../src/sessions/rules';
import { validateSessionRequest } from '../../../src/sessions/validate';
import { ruleNamed, runRuleCases } from '../../helpers/ruleCases';
import { testNow as now } from '../../helpers/sessionRequests';
import { englishOnly } from '../../helpers/inEnglish';
import { CASES, pay, save, withItems } from './rules.cases';
import { NEWEST_DOCS_CASES } from './rulesNewestDocs.cases';

describe('rules', () => {
  it('has a passing and a failing case for every rule, and no case for a rule that does not exist', () => {
    const all = { ...CASES, ...NEWEST_DOCS_CASES };
    assert.deepEqual(Object.keys(all).sort(), RULES.map((rule) => rule.name).sort());
    for (const [name, cases] of Object.entries(all)) {
      assert.ok(cases.passing.length > 0 && cases.failing.length > 0, name);
    }
  });

  it('has unique kebab-case names and reads at least one field', () => {
    assert.equal(new Set(RULES.map((rule) => rule.name)).size, RULES.length);
    for (const rule of RULES) {
      assert.match(rule.name, /^[a-z]+(-[a-z]+)*$/);
      assert.ok(rule.reads.length > 0, rule.name);
    }
  });

  runRuleCases(CASES);

  it('passes every rule on a request that follows them all', () => {
    assert.deepEqual(checkRules(withItems, { now }), []);
    assert.deepEqual(checkRules(save, { now }), []);
  });

  it('reports through validateSessionRequest with a message naming the field and the fix', () => {
    const result = validateSessionRequest({ ...save, amount: 5 }, { now });
    assert.equal(result.ok, false);
    assert.deepEqual(englishOnly(result.problems), [
      {
        severity: 'error',
        path: ['amount'],
        message: 'amount must be 0 when session_type is SAVE (a SAVE session only stores payment details); it is 5. Set amount to 0.',
        code: 'INVALID_AMOUNT',
        source: 'rule:save-amount-zero',
        fix: { title: 'Set amount to 0', kind: 'set', path: ['amount'], value: 0 },
      },
    ]);
  });

  it('names the country a channel belongs to', () => {
    const [problem] = ruleNamed('channel-country').check(
      { ...pay, country: 'PH', currency: 'PHP', payment_link_configuration: { allowed_payment_channels: ['OVO'] } },
      { now },
    );
    assert.equal(
      problem?.message,
      'OVO is an Indonesian channel (ID), but country is PH. Remove OVO from payment_link_configuration.allowed_payment_channels, or set country to ID.',
    );
  });

  it('uses the injected time for expires_at', () => {
    const request = { ...pay, expires_at: '2030-06-01T00:00:00Z' };
    assert.deepEqual(ruleNamed('expiry-in-future').check(request, { now }), []);
    assert.equal(ruleNamed('expiry-in-future').check(request, { now: new Date('2030-07-01T00:00:00Z') })[0]?.severity, 'error');
  });
});
