// Builds the JSON schema VS Code uses for *.session.json files from the zod model, then adds what only an
// editor needs: hover text, snippets, pattern messages and the cross-field rules JSON schema can state.
import * as z from 'zod/mini';
import { SESSION_REQUEST_EXAMPLES } from './examples';
import { acceptPlaceholders } from './placeholderSchema';
import { RETURN_URL_PATHS } from './rules';
import { ABSOLUTE_URL_PATTERN, CUSTOMER_ID_PATTERN, FORMAT_MESSAGES, LOCALE_PATTERN, ORIGIN_PATTERN, SessionRequest } from './schema';

export type JsonSchema = { [keyword: string]: unknown };

/** Where the generated schema is committed, relative to the repository root. */
export const REQUEST_JSON_SCHEMA_FILE = 'schemas/session-request.schema.json';

const HTTPS_URL_PATTERN = '^https://\\S+$';
const HTTPS_ORIGIN_PATTERN = '^https://[^\\s/?#]+/?$';

const PATTERN_MESSAGES: Record<string, string> = {
  [ABSOLUTE_URL_PATTERN.source]: FORMAT_MESSAGES.httpUrl,
  [ORIGIN_PATTERN.source]: FORMAT_MESSAGES.origin,
  [CUSTOMER_ID_PATTERN.source]: FORMAT_MESSAGES.customerId,
  [LOCALE_PATTERN.source]: FORMAT_MESSAGES.locale,
};
const FORMAT_PATTERN_MESSAGES: Record<string, string> = {
  'date-time': FORMAT_MESSAGES.dateTime,
  date: FORMAT_MESSAGES.date,
};

/**
 * Draft-07: VS Code's JSON language service reads it fully, including `if`/`then`, and ignores the
 * editor keywords (`markdownDescription`, `defaultSnippets`, `patternErrorMessage`) other tools do not know.
 */
export function buildRequestJsonSchema(): JsonSchema {
  const schema = z.toJSONSchema(SessionRequest, { target: 'draft-07', io: 'input' }) as JsonSchema;
  walk(schema, tidy);
  acceptPlaceholders(schema);
  // Unknown keys are warnings the extension reports itself ("not in the API reference"), never a schema error:
  // the reference lags behind the API, and a newer field must not mark a request the API takes as wrong.
  walk(schema, (node) => {
    if (node.additionalProperties === false) delete node.additionalProperties;
  });
  const https = { pattern: HTTPS_URL_PATTERN, patternErrorMessage: sentence(FORMAT_MESSAGES.returnUrl) };
  for (const path of RETURN_URL_PATHS) Object.assign(stringBranch(propertyAt(schema, path)), https);
  Object.assign(propertyAt(schema, ['components_configuration', 'origins']).items as JsonSchema, {
    pattern: HTTPS_ORIGIN_PATTERN,
    patternErrorMessage: 'Must be an HTTPS origin: https:// and the host, with an optional port and no path, e.g. https://yourcompany.com.',
  });
  addRule(schema, {
    if: { properties: { session_type: { const: 'SAVE' } }, required: ['session_type'] },
    then: { properties: { amount: { const: 0, errorMessage: 'amount must be 0 when session_type is SAVE.' } } },
  });
  addRule(itemSchema(schema), {
    if: { properties: { type: { const: 'DISCOUNT' } }, required: ['type'] },
    then: { properties: { net_unit_amount: { exclusiveMaximum: 0 } } },
  });
  return {
    $schema: schema.$schema,
    title: 'Xendit create-session request',
    ...withoutKey(schema, '$schema'),
    defaultSnippets: SESSION_REQUEST_EXAMPLES.map((example) => ({
      label: example.label,
      description: example.description,
      body: asSnippetBody(example.body),
    })),
  };
}

/**
 * VS Code reads a default snippet's strings as snippet syntax, where `$name` is a variable: `{{$randomUUID}}`
 * would be inserted as `{{randomUUID}}`. A string with `$`, `}` or `\` is therefore written in the form the
 * JSON language service inserts verbatim (a leading `^`, then the JSON text) with those three escaped.
 */
export function asSnippetBody(value: unknown): unknown {
  if (typeof value === 'string') return /[$}\\]/.test(value) ? `^${JSON.stringify(value).replace(/[$}\\]/g, '\\$&')}` : value;
  if (Array.isArray(value)) return value.map(asSnippetBody);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, asSnippetBody(inner)]));
  return value;
}

/** The committed file's exact text. */
export function renderRequestJsonSchema(): string {
  return `${JSON.stringify(buildRequestJsonSchema(), null, 2)}\n`;
}

function tidy(node: JsonSchema): void {
  // A key the API refuses (schemaKit's refused()): zod writes `not: {}`; say why in VS Code's words.
  if (node.refused === true) {
    delete node.refused;
    if (typeof node.description === 'string') node.errorMessage = node.description;
  }
  // zod states the safe-integer range on every integer; it says nothing a user needs and clutters hovers.
  if (node.type === 'integer') {
    if (node.maximum === Number.MAX_SAFE_INTEGER) delete node.maximum;
    if (node.minimum === Number.MIN_SAFE_INTEGER) delete node.minimum;
  }
  if (typeof node.pattern === 'string') {
    const message = PATTERN_MESSAGES[node.pattern] ?? (typeof node.format === 'string' ? FORMAT_PATTERN_MESSAGES[node.format] : undefined);
    if (message) node.patternErrorMessage = sentence(message);
  }
  if (typeof node.description === 'string' && node.markdownDescription === undefined) node.markdownDescription = node.description;
}

/** Keywords whose values are data (a property named "pattern" in an example is no pattern). */
const DATA_KEYWORDS = new Set(['examples', 'default', 'const', 'enum', 'required', 'defaultSnippets']);
/** Keywords whose values map names to schemas. */
const SCHEMA_MAP_KEYWORDS = new Set(['properties', 'definitions', '$defs', 'patternProperties']);

function walk(node: unknown, visit: (node: JsonSchema) => void): void {
  if (Array.isArray(node)) {
    for (const entry of node) walk(entry, visit);
  } else if (typeof node === 'object' && node !== null) {
    const schema = node as JsonSchema;
    visit(schema);
    for (const [keyword, value] of Object.entries(schema)) {
      if (DATA_KEYWORDS.has(keyword)) continue;
      if (SCHEMA_MAP_KEYWORDS.has(keyword) && typeof value === 'object' && value !== null) {
        for (const inner of Object.values(value)) walk(inner, visit);
      } else {
        walk(value, visit);
      }
    }
  }
}

function propertyAt(schema: JsonSchema, path: readonly string[]): JsonSchema {
  let node = schema;
  for (const key of path) {
    const properties = node.properties as Record<string, JsonSchema> | undefined;
    const next = properties?.[key];
    if (!next) throw new Error(`The generated schema has no property ${path.join('.')}; update jsonSchema.ts with the model.`);
    node = next;
  }
  return node;
}

/** The string branch of a nullable string property, or the property itself. */
function stringBranch(node: JsonSchema): JsonSchema {
  return (node.anyOf as JsonSchema[] | undefined)?.find((branch) => branch.type === 'string') ?? node;
}

function itemSchema(schema: JsonSchema): JsonSchema {
  const items = propertyAt(schema, ['items']);
  const array = (items.anyOf as JsonSchema[] | undefined)?.find((branch) => branch.type === 'array');
  if (!array || typeof array.items !== 'object') throw new Error('The generated schema has no items array; update jsonSchema.ts with the model.');
  return array.items as JsonSchema;
}

function addRule(node: JsonSchema, rule: JsonSchema): void {
  node.allOf = [...((node.allOf as JsonSchema[] | undefined) ?? []), rule];
}

function sentence(message: string): string {
  return `${message.charAt(0).toUpperCase()}${message.slice(1)}.`;
}

function withoutKey(schema: JsonSchema, key: string): JsonSchema {
  const { [key]: _removed, ...rest } = schema;
  return rest;
}
