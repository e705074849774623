// Runs each rule against requests it must accept and requests it must flag (with where, what code, how bad,
// and which fix), and checks that applying a rule's fix makes the rule pass.
import * as assert from 'node:assert/strict';
import type { Fix, FixStep, Problem } from '../../src/sessions/problem';
import { RULES, type Rule } from '../../src/sessions/rules';
import type { SessionRequest } from '../../src/sessions/schema';
import { testNow as now } from './sessionRequests';
import { englishOnly } from './inEnglish';

export interface Failing {
  readonly request: SessionRequest;
  readonly path: Problem['path'];
  readonly code: string;
  readonly severity?: Problem['severity'];
  /** The fix the problem must offer; `null` when it must offer none. */
  readonly fix?: Fix | null;
}

export type RuleCases = Record<string, { passing: SessionRequest[]; failing: Failing[] }>;

export function ruleNamed(name: string): Rule {
  const rule = RULES.find((candidate) => candidate.name === name);
  if (!rule) throw new Error(`No rule ${name}`);
  return rule;
}

/** What the editor does with a fix, done on plain data. */
export function applyFix(request: SessionRequest, fix: Fix): SessionRequest {
  const copy = structuredClone(request) as Record<string | number, unknown>;
  for (const step of fix.kind === 'edits' ? fix.edits : [fix as FixStep]) applyStep(copy, step);
  return copy as SessionRequest;
}

function applyStep(root: Record<string | number, unknown>, step: FixStep): void {
  let parent = root;
  for (const segment of step.path.slice(0, -1)) {
    parent[segment] ??= {};
    parent = parent[segment] as Record<string | number, unknown>;
  }
  const last = step.path[step.path.length - 1] as string | number;
  if (step.kind === 'set') parent[last] = structuredClone(step.value);
  else delete parent[last];
}

export function runRuleCases(cases: RuleCases): void {
  for (const [name, { passing, failing }] of Object.entries(cases)) {
    describe(name, () => {
      const rule = ruleNamed(name);

      passing.forEach((request, index) => {
        it(`accepts passing case ${index + 1}`, () => {
          assert.deepEqual(rule.check(request, { now }), []);
        });
      });

      failing.forEach((expected, index) => {
        it(`flags failing case ${index + 1} at ${expected.path.join('.')}`, () => {
          const problems = rule.check(expected.request, { now });
          assert.equal(problems.length, 1, JSON.stringify(problems));
          const [problem] = problems as [Problem];
          assert.deepEqual(problem.path, expected.path);
          assert.equal(problem.code, expected.code);
          assert.equal(problem.severity, expected.severity ?? 'error');
          assert.equal(problem.source, `rule:${name}`);
          assert.ok(problem.message.length > 40, 'a message says what, where and how to fix');
          if (expected.fix === null) assert.equal(problem.fix, undefined);
          else if (expected.fix) assert.deepEqual(englishOnly(problem.fix), expected.fix);
          if (problem.fix) assert.deepEqual(rule.check(applyFix(expected.request, problem.fix), { now }), [], 'the fix resolves the problem');
        });
      });
    });
  }
}
