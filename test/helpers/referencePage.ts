// The API reference as test data: test/fixtures/api-reference/ holds the create-session page's fields, valid
// values and examples, and the documented error codes, so tests compare the model with the docs without
// reading anything outside the repository.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './repoRoot';

export interface ReferenceField {
  name: string;
  type: string;
  required: boolean;
  nullable: boolean;
  enum?: string[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  fields?: ReferenceField[];
}

interface CreateSessionPage {
  request: { fields: ReferenceField[]; examples: Record<string, unknown> };
  response: { status: number; fields: ReferenceField[]; examples: Record<string, unknown> };
}

export const referenceDir = join(repoRoot, 'test', 'fixtures', 'api-reference');

function readReference<T>(file: string): T {
  return JSON.parse(readFileSync(join(referenceDir, file), 'utf8')) as T;
}

const createSessionPage = readReference<CreateSessionPage>('create-session.json');

/** The page's `<Name>Example` bodies: requests, and the 201 response. */
export const referenceExamples = {
  requests: new Map(Object.entries(createSessionPage.request.examples)),
  responses: new Map(Object.entries(createSessionPage.response.examples)),
};

/** The request fields in the page's order, each nested field after its parent. */
function* allFields(fields: ReferenceField[]): Generator<ReferenceField> {
  for (const field of fields) {
    yield field;
    if (field.fields) yield* allFields(field.fields);
  }
}

/** The valid values of the first request field named `field` (nested fields included), as the page lists them. */
export function validValuesOf(field: string): string[] {
  const found = [...allFields(createSessionPage.request.fields)].find((candidate) => candidate.name === field);
  if (!found) throw new Error(`The reference has no request field ${field}`);
  if (!found.enum) throw new Error(`The reference lists no valid values for ${field}`);
  return found.enum;
}

/** Every error code the docs name, with its HTTP status. */
export const referenceErrorCodes = readReference<{ codes: { code: string; status: number }[] }>('errors.json').codes;
