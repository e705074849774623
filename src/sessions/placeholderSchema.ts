// Lets the generated JSON schema accept a placeholder on the fields of placeholderFields.ts, and only there:
// each such field becomes "the model's value, or a string holding a placeholder". The resolved value is
// checked by the model (validate.ts through requestDocument.ts), which the schema cannot do.
import { PLACEHOLDER_FIELDS, type PlaceholderFieldKind } from './placeholderFields';

type JsonSchema = { [keyword: string]: unknown };

/** A string with at least one placeholder in it. */
export const PLACEHOLDER_IN_STRING_PATTERN = '\\{\\{\\s*\\$[A-Za-z][A-Za-z0-9]*(\\s[^{}]*)?\\}\\}';
/** A string that is exactly one placeholder that can give a number. */
export const NUMERIC_PLACEHOLDER_PATTERN = '^\\{\\{\\s*\\$(randomInt|timestamp|env|dotenv)(\\s[^{}]*)?\\}\\}$';

const EXAMPLE: Record<PlaceholderFieldKind, string> = {
  id: '`order-{{$randomUUID}}`',
  datetime: '`{{$isoTimestamp +1d}}`',
  number: '`"{{$randomInt 1000 50000}}"` (sent as a number)',
  text: '`Order {{$timestamp}}`',
};
const PLACEHOLDER_EXAMPLE: Record<PlaceholderFieldKind, string> = {
  id: 'order-{{$randomUUID}}',
  datetime: '{{$isoTimestamp +1d}}',
  number: '{{$randomInt 1000 50000}}',
  text: 'Order {{$timestamp}}',
};
/** Keywords that describe a field rather than constrain it: they stay on the field, outside the anyOf. */
const ANNOTATIONS = ['title', 'description', 'markdownDescription', 'examples', 'default'];

export function acceptPlaceholders(schema: JsonSchema): void {
  for (const field of PLACEHOLDER_FIELDS) {
    for (const [parent, key] of slotsAt(schema, field.path)) {
      const node = parent[key] as JsonSchema;
      parent[key] = orPlaceholder(node, field.kind);
    }
  }
}

function orPlaceholder(node: JsonSchema, kind: PlaceholderFieldKind): JsonSchema {
  const outer: JsonSchema = {};
  const model: JsonSchema = {};
  for (const [keyword, value] of Object.entries(node)) (ANNOTATIONS.includes(keyword) ? outer : model)[keyword] = value;
  const note = `May hold a placeholder, resolved each time the request is sent, e.g. ${EXAMPLE[kind]}.`;
  if (typeof outer.markdownDescription === 'string') outer.markdownDescription = `${outer.markdownDescription} ${note}`;
  if (typeof outer.description === 'string') outer.description = `${outer.description} ${note.replace(/`/g, '')}`;
  const alternative = `Or a placeholder, e.g. ${PLACEHOLDER_EXAMPLE[kind]}.`;
  if (typeof model.patternErrorMessage === 'string') model.patternErrorMessage = `${model.patternErrorMessage} ${alternative}`;
  const pattern = kind === 'number' ? NUMERIC_PLACEHOLDER_PATTERN : PLACEHOLDER_IN_STRING_PATTERN;
  const wanted =
    kind === 'number'
      ? 'A placeholder here must be the whole string and give a number: {{$randomInt MIN MAX}}, {{$timestamp}}, {{$env NAME}} or {{$dotenv NAME}}.'
      : `Neither a valid value nor a placeholder such as ${PLACEHOLDER_EXAMPLE[kind]}.`;
  const placeholder = { type: 'string', pattern, patternErrorMessage: wanted };
  return { ...outer, anyOf: [model, placeholder] };
}

/**
 * The places (parent object and key) that hold the schema of `path`. `*` is an array's items or a record's
 * values; a nullable field's branches are all followed. A path into an open object that does not describe the
 * key ends there: any value is accepted already. A path the model's closed objects do not have is a mistake
 * in placeholderFields.ts, and stops the build.
 */
function slotsAt(schema: JsonSchema, path: readonly string[]): [JsonSchema, string][] {
  let nodes: JsonSchema[] = [schema];
  const slots: [JsonSchema, string][] = [];
  path.forEach((segment, depth) => {
    const next: JsonSchema[] = [];
    for (const node of nodes.flatMap(branches)) {
      const [holder, key] = segment === '*' ? (node.type === 'array' ? [node, 'items'] : [node, 'additionalProperties']) : [node.properties as JsonSchema | undefined, segment];
      const child = holder?.[key];
      if (typeof child === 'object' && child !== null && Object.keys(child).length > 0) {
        if (depth === path.length - 1) slots.push([holder as JsonSchema, key]);
        else next.push(child as JsonSchema);
      } else if (node.additionalProperties === false) {
        throw new Error(`The model has no field ${path.join('.')}; update placeholderFields.ts with the model.`);
      }
    }
    nodes = next;
  });
  return slots;
}

function branches(node: JsonSchema): JsonSchema[] {
  const anyOf = node.anyOf as JsonSchema[] | undefined;
  return anyOf ? anyOf.filter((branch) => branch.type === 'object' || branch.type === 'array') : [node];
}
