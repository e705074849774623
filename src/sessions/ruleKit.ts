// What a cross-field rule is, and the helpers the rules share. The rules themselves are in rulesCore.ts and
// rulesNewestDocs.ts; rules.ts lists them in the order their problems are reported.
import type { Phrase } from './phrase';
import { type Fix, type JsonPath, type Problem, type Severity, spoken } from './problem';
import type { SessionRequest } from './schema';

export interface RuleContext {
  /** The time `expires_at` is compared with; injected so tests and previews are repeatable. */
  readonly now: Date;
}

/**
 * A path pattern a rule reads; `*` stands for any array index. A rule is skipped when the model found a
 * problem at one of these paths or an ancestor of one, so it only ever sees values of the declared type.
 * A pattern names exactly what the rule looks at: `customer` means "is there a customer", and a problem
 * inside the customer object does not stop the rule.
 */
export type ReadPattern = readonly (string | '*')[];

export interface Rule {
  readonly name: string;
  /** What the rule checks, in one line (for docs and test names). */
  readonly summary: string;
  readonly reads: readonly ReadPattern[];
  /** Where the editor underlines the problem: the value at `path`, or its property name (for "remove this key"). */
  readonly anchor: 'value' | 'key';
  /** True when the generated JSON schema states the rule too, so the editor can avoid reporting it twice. */
  readonly coveredByJsonSchema: boolean;
  check(request: SessionRequest, context: RuleContext): Problem[];
}

/** Builds one problem of the rule being checked; rules get it so none can misname its source. Its English message is said from `says`. */
export type ProblemMaker = (severity: Severity, code: string, path: JsonPath, says: Phrase, fix?: Fix) => Problem;

interface RuleSpec extends Omit<Rule, 'check'> {
  check(request: SessionRequest, context: RuleContext, problem: ProblemMaker): Problem[];
}

export function defineRule(spec: RuleSpec): Rule {
  const problem: ProblemMaker = (severity, code, path, says, fix) => ({
    severity,
    path,
    ...spoken(says),
    code,
    source: `rule:${spec.name}`,
    ...(fix ? { fix } : {}),
  });
  return { ...spec, check: (request, context) => spec.check(request, context, problem) };
}

export function itemsOf(request: SessionRequest): NonNullable<SessionRequest['items']> {
  return Array.isArray(request.items) ? request.items : [];
}

/** Rounded to cents so binary fractions (0.1 + 0.2) do not count as a difference. */
export function cents(amount: number): number {
  return Math.round(amount * 100);
}

/** A stand-in customer the user edits: what the newest docs require for the API to create a test customer. */
export function customerStub(request: Pick<SessionRequest, 'reference_id'>): Record<string, unknown> {
  return {
    type: 'INDIVIDUAL',
    reference_id: `customer-${request.reference_id ?? '1'}`,
    email: 'customer@example.com',
    individual_detail: { given_names: 'Test', surname: 'Customer' },
  };
}
