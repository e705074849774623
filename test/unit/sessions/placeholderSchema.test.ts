import * as assert from 'node:assert/strict';
import Ajv from 'ajv';
import { buildRequestJsonSchema, type JsonSchema } from '../../../src/sessions/jsonSchema';
import { PLACEHOLDER_FIELDS } from '../../../src/sessions/placeholderFields';
import { analyzeRequestText } from '../../../src/sessions/requestDocument';
import { customerId, minimalPay as pay } from '../../helpers/sessionRequests';

const schema = buildRequestJsonSchema();
const properties = schema.properties as Record<string, JsonSchema>;
// Ajv stands in for VS Code's JSON language service, as in jsonSchema.test.ts.
const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(schema);

function accepts(request: Record<string, unknown>): boolean {
  return validate({ ...pay, ...request }) === true;
}

describe('JSON schema and placeholders', () => {
  it('accepts a placeholder in each identifier, time, amount and free-text field of the table', () => {
    assert.ok(accepts({ reference_id: 'order-{{$randomUUID}}' }));
    assert.ok(accepts({ reference_id: '{{$guid}}-{{$timestamp}}-{{$isoTimestamp}}-and-a-long-tail-past-sixty-four-characters-written' }));
    assert.ok(accepts({ expires_at: '{{$isoTimestamp +30m}}' }));
    assert.ok(accepts({ amount: '{{$randomInt 1000 50000}}' }));
    assert.ok(accepts({ amount: '{{ $env AMOUNT }}' }));
    assert.ok(accepts({ customer: { type: 'INDIVIDUAL', reference_id: 'customer-{{$randomUUID}}', email: 'a+{{$timestamp}}@example.com', individual_detail: { given_names: 'Ani' } } }));
    assert.ok(accepts({ description: 'Order {{$timestamp}}', metadata: { order: '{{$guid}}' } }));
    assert.ok(accepts({ items: [{ reference_id: 'sku-1', type: 'PHYSICAL_PRODUCT', category: 'CLOTHES', name: 'Shirt', net_unit_amount: '{{$randomInt 1 9}}', quantity: 1 }] }));
  });

  it('still checks a plain value as the model does', () => {
    assert.ok(!accepts({ expires_at: 'tomorrow' }));
    assert.ok(!accepts({ amount: -1 }));
    assert.ok(!accepts({ reference_id: '' }));
    assert.ok(!accepts({ reference_id: 'x'.repeat(65) }));
  });

  it('takes a number field\'s placeholder only as the whole string, and only one that gives a number', () => {
    assert.ok(!accepts({ amount: '{{$guid}}' }));
    assert.ok(!accepts({ amount: '1{{$randomInt}}' }));
    assert.ok(!accepts({ amount: '{{$isoTimestamp}}' }));
  });

  it('keeps enums, customer ids and locales strict', () => {
    for (const [field, value] of Object.entries({
      currency: '{{$env CURRENCY}}',
      country: '{{$env COUNTRY}}',
      session_type: '{{$env TYPE}}',
      mode: '{{$env MODE}}',
      customer_id: 'cust-{{$randomUUID}}',
      locale: '{{$env LOCALE}}',
    })) {
      assert.ok(!accepts({ [field]: value, ...(field === 'customer_id' ? {} : { customer_id: customerId }) }), field);
    }
  });

  it('says on hover that the field may hold a placeholder, and on no other field', () => {
    assert.match(String(properties.expires_at?.markdownDescription), /May hold a placeholder, resolved each time the request is sent, e\.g\. `\{\{\$isoTimestamp \+1d\}\}`\.$/);
    assert.match(String(properties.amount?.markdownDescription), /\(sent as a number\)\.$/);
    assert.doesNotMatch(String(properties.currency?.markdownDescription), /placeholder/);
    const top = PLACEHOLDER_FIELDS.filter((field) => field.path.length === 1).map((field) => field.path[0] ?? '');
    for (const [name, property] of Object.entries(properties)) {
      const branches = Array.isArray(property.anyOf) ? (property.anyOf as JsonSchema[]) : [];
      assert.equal(branches.some((branch) => String(branch.pattern).startsWith('^\\{\\{') || String(branch.pattern).startsWith('\\{\\{')), top.includes(name), name);
    }
  });

  it('leaves a free string such as a URL to the diagnostics, which refuse a placeholder there', () => {
    const request = { success_return_url: 'https://shop.example/{{$guid}}' };
    assert.ok(accepts(request), 'any https URL passes the JSON schema');
    const { problems } = analyzeRequestText(JSON.stringify({ ...pay, ...request }), { skipSchemaCovered: true });
    assert.match(problems[0]?.message ?? '', /^A placeholder is not accepted in success_return_url/);
  });
});
