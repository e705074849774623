// What is sent for a request file: the file's JSON without the `$schema` key, which points the editor at the JSON
// schema and which the API does not know. The extension, the CLI and the sandbox all strip it here.

/** A copy of `value` without `$schema` when it is a JSON object that has one; anything else as it is. */
export function withoutSchemaKey(value: Record<string, unknown>): Record<string, unknown>;
export function withoutSchemaKey(value: unknown): unknown;
export function withoutSchemaKey(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, '$schema')) return value;
  const { $schema: _schema, ...body } = value as Record<string, unknown>;
  return body;
}
