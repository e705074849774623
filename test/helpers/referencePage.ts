// Reads the create-session reference page the way a person does: the JSON blocks under its `...Example`
// headings, and the "Valid values" list of a field, so tests compare the model with the page itself.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { referenceDir } from './repoRoot';

export const referencePageText = readFileSync(join(referenceDir, 'create-session-api.txt'), 'utf8');
const lines = referencePageText.split(/\r?\n/);
const responsesLine = lines.indexOf('Responses');
if (responsesLine < 0) throw new Error('The reference page has no "Responses" line; the test helper needs updating.');

/** Every `<Name>Example` heading followed by a JSON block: request examples come before "Responses". */
function readExamples(): { requests: Map<string, unknown>; responses: Map<string, unknown> } {
  const requests = new Map<string, unknown>();
  const responses = new Map<string, unknown>();
  lines.forEach((line, index) => {
    if (!/^\w+Example$/.test(line) || lines[index + 1] !== '{') return;
    (index < responsesLine ? requests : responses).set(line, JSON.parse(jsonBlockFrom(index + 1)));
  });
  return { requests, responses };
}

/** The lines from `start` (an opening brace) through the brace that closes it, strings taken into account. */
function jsonBlockFrom(start: number): string {
  const text = lines.slice(start).join('\n');
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') {
      depth--;
      if (depth === 0) return text.slice(0, index + 1);
    }
  }
  throw new Error(`Unclosed JSON block at line ${start + 1} of the reference page`);
}

export const referenceExamples = readExamples();

/** The "Valid values[ ... ]" list that follows the first line naming `field` in the request section. */
export function validValuesOf(field: string): string[] {
  const fieldLine = lines.findIndex((line, index) => index < responsesLine && line === field);
  if (fieldLine < 0) throw new Error(`The reference page has no request field ${field}`);
  const valuesLine = lines.slice(fieldLine).find((line) => line.startsWith('Valid values'));
  if (!valuesLine) throw new Error(`No valid values after ${field}`);
  return JSON.parse(valuesLine.slice('Valid values'.length)) as string[];
}
