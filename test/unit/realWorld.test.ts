import * as assert from 'node:assert/strict';
import Ajv from 'ajv';
import { buildRequestJsonSchema } from '../../src/sessions/jsonSchema';
import { RULES } from '../../src/sessions/rules';
import { validateSessionRequest } from '../../src/sessions/validate';
import { sandboxTestKey, startSandbox, type SandboxHandle } from '../../src/sandbox/sandboxServer';
import { HttpCaller } from '../helpers/httpCall';
import { CORPUS_NOW as now, readRealWorld, type RealWorldBody } from '../helpers/realWorld';

const corpus = readRealWorld();
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
const validateWithJsonSchema = ajv.compile(buildRequestJsonSchema());
const UNKNOWN_KEY = /is not in the API reference/;
/** GitHub's owner/name: an owner of letters, digits and hyphens; a name of letters, digits, `.`, `_` and `-`. */
const REPOSITORY = /^[A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9._-]+$/;
/** A file's path inside its repository: relative, no `..` segment. */
const REPOSITORY_PATH = /^(?!\/)(?!.*(^|\/)\.\.(\/|$))\S+$/;

/** Whether the JSON schema states what refuses `entry`: the model's own checks, or a rule it carries too. */
function jsonSchemaRefuses(entry: RealWorldBody): boolean {
  return entry.rule === 'schema' || RULES.some((rule) => rule.name === entry.rule && rule.coveredByJsonSchema);
}

describe('real-world corpus: request bodies from the newest docs and public integrations', () => {
  it('holds every newest-docs example and at least 30 integration bodies from at least 10 independent integrations, each with its repository and path', () => {
    const docs = corpus.filter((entry) => entry.source.kind === 'docs');
    const integrations = corpus.filter((entry) => entry.source.kind === 'integration');
    assert.ok(docs.length >= 15, `${docs.length} docs examples`);
    assert.ok(integrations.length >= 30, `${integrations.length} integration bodies`);
    for (const entry of corpus) {
      assert.match(entry.source.read, /^\d{4}-\d{2}-\d{2}$/, entry.name);
      assert.ok(entry.reason.length > 20, `${entry.name} says why`);
      if (entry.source.kind === 'docs') {
        assert.match(entry.source.url ?? '', /^https:\/\/docs\.xendit\.co\/\S+$/, `${entry.name} names its docs page`);
        assert.ok(entry.source.example, `${entry.name} names the example on its page`);
      } else {
        assert.match(entry.source.repository ?? '', REPOSITORY, `${entry.name} names its repository (owner/name)`);
        assert.match(entry.source.path ?? '', REPOSITORY_PATH, `${entry.name} names the file in its repository`);
        assert.ok(entry.source.locator, `${entry.name} says where in the file`);
      }
      if (entry.verdict === 'invalid') assert.ok(entry.rule && entry.code, `${entry.name} names the rule and the code`);
    }
    const repositories = new Set(integrations.map((entry) => entry.source.repository));
    // Two repositories of one owner are one project (a web app and its backend), not two independent integrations.
    const owners = new Set(integrations.map((entry) => entry.source.repository?.split('/')[0].toLowerCase()));
    assert.ok(owners.size >= 10, `${owners.size} independent integrations (${repositories.size} repositories)`);
  });

  for (const entry of corpus) {
    describe(entry.name, () => {
      it(`validate: ${entry.verdict}${entry.code ? ` (${entry.code})` : ''}`, () => {
        const result = validateSessionRequest(entry.body, { now });
        const errors = result.problems.filter((problem) => problem.severity === 'error');
        if (entry.verdict === 'valid') {
          assert.deepEqual(errors, [], entry.reason);
        } else {
          const source = entry.rule === 'schema' ? 'schema' : `rule:${entry.rule}`;
          assert.ok(
            errors.some((problem) => problem.code === entry.code && problem.source === source),
            `expected ${entry.code} from ${source}: ${JSON.stringify(errors)}`,
          );
        }
        const unknownKeys = result.problems.filter((problem) => UNKNOWN_KEY.test(problem.message));
        if (entry.source.kind === 'docs') assert.deepEqual(unknownKeys, [], 'a docs example uses only fields of the API reference');
        const warned = new Set(result.problems.filter((problem) => problem.severity === 'warning').map((problem) => problem.path.join('.')));
        for (const path of entry.warnings ?? []) assert.ok(warned.has(path), `a warning at ${path}: ${[...warned].join(', ')}`);
      });

      it('JSON schema: the same verdict where it states the deciding check', () => {
        const accepted = validateWithJsonSchema(entry.body);
        const expected = entry.verdict === 'valid' || !jsonSchemaRefuses(entry);
        assert.equal(accepted, expected, ajv.errorsText(validateWithJsonSchema.errors));
      });
    });
  }

  describe('the sandbox answers each as the docs say the API does', () => {
    let sandbox: SandboxHandle;
    let http: HttpCaller;
    const key = sandboxTestKey();
    before(async () => {
      sandbox = await startSandbox({ now: () => now });
      http = new HttpCaller(sandbox.baseUrl);
    });
    after(() => sandbox.close());

    for (const entry of corpus) {
      it(`${entry.name}: ${entry.verdict === 'valid' ? '201' : `400 ${entry.code}`}`, async () => {
        const res = await http.call('POST', '/sessions', { key, body: entry.body });
        if (entry.verdict === 'valid') {
          assert.equal(res.status, 201, res.text);
          assert.deepEqual(Object.entries(res.json as Record<string, unknown>).filter(([, value]) => value === null), [], 'no null in a 2026 answer');
        } else {
          assert.equal(res.status, 400, res.text);
          assert.equal(res.json.error_code, entry.code, res.text);
          for (const error of res.json.errors as { path: string }[]) assert.match(error.path, /^\/body(\/|$)/);
        }
      });
    }
  });
});
