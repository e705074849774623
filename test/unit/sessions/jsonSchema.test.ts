import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { SESSION_REQUEST_EXAMPLES } from '../../../src/sessions/examples';
import { buildRequestJsonSchema, renderRequestJsonSchema, REQUEST_JSON_SCHEMA_FILE, type JsonSchema } from '../../../src/sessions/jsonSchema';
import { SessionRequest } from '../../../src/sessions/schema';
import { repoRoot } from '../../helpers/repoRoot';
import { customerId, minimalPay as pay } from '../../helpers/sessionRequests';

const schema = buildRequestJsonSchema();
const item = { reference_id: 'sku-1', type: 'PHYSICAL_PRODUCT', name: 'a', category: 'c', net_unit_amount: 1, quantity: 1 };
const properties = schema.properties as Record<string, JsonSchema>;

// Ajv stands in for VS Code's JSON language service: both read draft-07 with if/then.
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
const validateWithJsonSchema = ajv.compile(schema);

function visitProperties(node: unknown, path: string, visit: (path: string, property: JsonSchema) => void): void {
  if (Array.isArray(node)) {
    node.forEach((entry) => visitProperties(entry, path, visit));
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  for (const [keyword, value] of Object.entries(node)) {
    if (keyword === 'defaultSnippets' || keyword === 'examples' || keyword === 'if' || keyword === 'then') continue;
    if (keyword === 'properties') {
      for (const [name, property] of Object.entries(value as Record<string, JsonSchema>)) {
        visit(`${path}${name}`, property);
        visitProperties(property, `${path}${name}.`, visit);
      }
    } else {
      visitProperties(value, path, visit);
    }
  }
}

describe('JSON schema', () => {
  it('is committed as generated (run `npm run schema` when this fails)', () => {
    const committed = readFileSync(join(repoRoot, REQUEST_JSON_SCHEMA_FILE), 'utf8');
    assert.ok(
      committed === renderRequestJsonSchema(),
      `${REQUEST_JSON_SCHEMA_FILE} is out of date with the zod model: run \`npm run schema\` and commit the result.`,
    );
  });

  it('targets draft-07 and describes the request object', () => {
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.equal(schema.type, 'object');
    // Objects stay open: an unknown key is a warning the extension reports ("not in the API reference"), never a schema error.
    assert.equal(JSON.stringify(schema).includes('"additionalProperties":false'), false);
    assert.deepEqual(schema.required, ['reference_id', 'session_type', 'currency', 'amount', 'mode', 'country']);
    assert.deepEqual(Object.keys(properties).sort(), Object.keys(SessionRequest.shape).sort());
  });

  it('gives every field, at every depth, a description and a markdownDescription', () => {
    let count = 0;
    visitProperties(schema, '', (path, property) => {
      count++;
      assert.equal(typeof property.description, 'string', `${path} has no description`);
      assert.equal(typeof property.markdownDescription, 'string', `${path} has no markdownDescription`);
    });
    assert.ok(count > 40, `only ${count} properties seen`);
  });

  it('describes each value of session_type, mode, allow_save_payment_method and capture_method', () => {
    for (const name of ['session_type', 'mode', 'allow_save_payment_method', 'capture_method']) {
      const property = properties[name] as JsonSchema;
      const values = property.enum as string[];
      assert.equal((property.markdownEnumDescriptions as string[]).length, values.length, name);
      assert.equal((property.enumDescriptions as string[]).length, values.length, name);
    }
    assert.match((properties.mode?.markdownEnumDescriptions as string[])[3] ?? '', /Older page's name for `COMPONENTS`/);
    assert.match(String(properties.session_type?.markdownDescription), /Changed in the 2026 API reference/);
  });

  /** What the JSON language service inserts for a snippet body's value: `^` text verbatim, with snippet escapes read. */
  function asInserted(value: unknown): unknown {
    if (typeof value === 'string') return value.startsWith('^') ? JSON.parse(value.slice(1).replace(/\\([$}\\])/g, '$1')) : value;
    if (Array.isArray(value)) return value.map(asInserted);
    if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, asInserted(inner)]));
    return value;
  }

  it('offers every example as a snippet, the newest docs\' use cases first', () => {
    const snippets = schema.defaultSnippets as { label: string; description: string; body: unknown }[];
    assert.deepEqual(
      snippets.map((snippet) => asInserted(snippet.body)),
      SESSION_REQUEST_EXAMPLES.map((example) => example.body),
    );
    // A placeholder is written so VS Code inserts it as it is (`$` is a snippet variable otherwise).
    const subscription = snippets.find((snippet) => snippet.label.startsWith('Subscription')) as { body: { reference_id: string } };
    assert.equal(subscription.body.reference_id, '^"plan-{{\\$randomUUID\\}\\}"');
    for (const snippet of snippets) assert.ok(snippet.label && snippet.description, 'a snippet needs a label and a description');
  });

  it('states what JSON schema can of the cross-field rules', () => {
    for (const url of [
      properties.success_return_url,
      properties.cancel_return_url,
      (properties.cards_session_js?.properties as Record<string, JsonSchema>).failure_return_url,
      ((properties.components_configuration?.properties as Record<string, JsonSchema>).return_url?.anyOf as JsonSchema[])[0],
    ]) {
      assert.equal(url?.pattern, '^https://\\S+$');
      assert.equal(url?.patternErrorMessage, 'Must be a full URL starting with https://.');
    }
    assert.equal(validateWithJsonSchema({ ...pay, session_type: 'SAVE', amount: 5, customer_id: customerId }), false);
    assert.equal(validateWithJsonSchema({ ...pay, session_type: 'SAVE', amount: 0, customer_id: customerId }), true);
    assert.equal(validateWithJsonSchema({ ...pay, success_return_url: 'http://shop.example/ok' }), false);
    const origin = (origins: string[]) => ({ ...pay, mode: 'COMPONENTS', components_configuration: { origins } });
    assert.equal(validateWithJsonSchema(origin(['http://shop.example'])), false);
    assert.equal(validateWithJsonSchema(origin(['https://shop.example'])), true);
    const discount = { reference_id: 'd-1', type: 'DISCOUNT', name: 'Promo', category: 'PROMO', quantity: 1 };
    assert.equal(validateWithJsonSchema({ ...pay, items: [{ ...discount, net_unit_amount: 10 }] }), false);
    assert.equal(validateWithJsonSchema({ ...pay, items: [{ ...discount, net_unit_amount: -10 }] }), true);
    assert.equal(validateWithJsonSchema({ ...pay, items: [{ ...discount, type: 'FEES', net_unit_amount: 10 }] }), true);
  });

  it('accepts every example', () => {
    for (const example of SESSION_REQUEST_EXAMPLES) {
      assert.ok(validateWithJsonSchema({ $schema: 'x', ...example.body }), `${example.name}: ${ajv.errorsText(validateWithJsonSchema.errors)}`);
    }
  });

  it('rejects what the zod model rejects, so the editor may leave structural problems to it', () => {
    const invalid: Record<string, unknown>[] = [
      { currency: 'EUR' },
      { amount: -1 },
      { amount: '1' },
      { reference_id: '' },
      { reference_id: 'r'.repeat(65) },
      { customer_id: 'cust-1' },
      { internal_metadata: {} },
      { session_type: 'AUTHORIZATION' },
      { customer: { type: 'BUSINESS', reference_id: 'c', individual_detail: { given_names: 'A' } } },
      { customer: { type: 'INDIVIDUAL', reference_id: 'c' } },
      { locale: 'EN' },
      { expires_at: '2030-12-31' },
      { origins: ['https://shop.example/path'] },
      { metadata: { ['k'.repeat(41)]: 'v' } },
      { metadata: { key: 'v'.repeat(501) } },
      { metadata: Object.fromEntries(Array.from({ length: 51 }, (_, index) => [`k${index}`, 'v'])) },
      { items: [{ ...item, quantity: 0 }] },
      { items: [{ ...item, quantity: 1.5 }] },
      { items: [{ ...item, url: 'ftp://x' }] },
      { items: [{ name: 'a', net_unit_amount: 1, quantity: 1 }] },
      { allowed_payment_channels: [''] },
      { session_type: 'SUBSCRIPTION', subscription: { schedule: { anchor_date: '2030-02-01T00:00:00Z', interval: 'MONTH', interval_count: 1, failed_cycle_action: 'STOP' } } },
      { cards_session_js: { success_return_url: 'https://shop.example/ok' } },
      { channel_properties: { recurring_configuration: { recurring_expiry: '2029/10/10' } } },
      { notification_channels: ['SMS'] },
    ];
    for (const patch of invalid) {
      const request = { ...pay, ...patch };
      assert.equal(SessionRequest.safeParse(request).success, false, `zod accepts ${JSON.stringify(patch)}`);
      assert.equal(validateWithJsonSchema(request), false, `the JSON schema accepts ${JSON.stringify(patch)}`);
    }
    const { country: _removed, ...withoutCountry } = pay;
    assert.equal(validateWithJsonSchema(withoutCountry), false);
  });

  it('leaves unknown keys to the extension\'s warning and says why a refused key is refused', () => {
    assert.equal(validateWithJsonSchema({ ...pay, ammount: 1, items: [{ ...item, sku: 'x' }] }), true);
    assert.match(String(properties.internal_metadata?.errorMessage), /internal_metadata is not allowed/);
  });
});
