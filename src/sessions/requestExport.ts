// "Copy as cURL" and "Copy as code": the request exactly as sent, with the key read from $XENDIT_SECRET_KEY.
import type { SentRequest } from './client';

export const KEY_ENV_VAR = 'XENDIT_SECRET_KEY';

/** Headers worth copying: everything sent except Authorization (rebuilt from the variable) and User-Agent. */
function copiedHeaders(sent: SentRequest): [string, string][] {
  return sent.headers.filter(([k]) => k !== 'authorization' && k !== 'user-agent').map(([k, v]) => [k, v]);
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export function toCurl(sent: SentRequest): string {
  const lines = [`curl -sS -X ${sent.method} ${shellQuote(sent.url)}`, `  -u "$${KEY_ENV_VAR}:"`];
  for (const [k, v] of copiedHeaders(sent)) lines.push(`  -H ${shellQuote(`${k}: ${v}`)}`);
  if (sent.body !== undefined) lines.push(`  --data-raw ${shellQuote(prettyBody(sent.body))}`);
  return lines.join(' \\\n');
}

/**
 * Node 18+ with the global fetch: no dependency to install. Inside an async function rather than with top-level
 * await, so it runs as it is pasted, in a CommonJS file (a plain `.js` in most projects) as in an ES module.
 */
export function toNodeFetch(sent: SentRequest): string {
  const headers = copiedHeaders(sent).map(([k, v]) => `      ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  const body = sent.body !== undefined ? `    body: ${bodyExpression(prettyBody(sent.body))},\n` : '';
  return [
    `// ${sent.method} ${new URL(sent.url).pathname}: run with ${KEY_ENV_VAR} set (node 18 or later).`,
    'async function main() {',
    `  const key = process.env.${KEY_ENV_VAR};`,
    `  if (!key) throw new Error('Set ${KEY_ENV_VAR} to your Xendit secret key');`,
    `  const response = await fetch(${JSON.stringify(sent.url)}, {`,
    `    method: ${JSON.stringify(sent.method)},`,
    '    headers: {',
    "      authorization: 'Basic ' + Buffer.from(key + ':').toString('base64'),",
    ...headers,
    '    },',
    `${body}  });`,
    '  const text = await response.text();',
    '  console.log(response.status, text);',
    '}',
    '',
    'main().catch((error) => {',
    '  console.error(error);',
    '  process.exitCode = 1;',
    '});',
    '',
  ].join('\n');
}

/**
 * The body as code: an object literal, readable and editable, except where a key is `__proto__`, which a literal
 * takes for the object's prototype (JSON.stringify would then leave it out): there, the JSON text itself.
 */
function bodyExpression(pretty: string): string {
  return pretty.includes('"__proto__"') ? JSON.stringify(pretty) : `JSON.stringify(${indentJson(pretty, 4)})`;
}

function prettyBody(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

function indentJson(json: string, spaces: number): string {
  return json.replace(/\n/g, `\n${' '.repeat(spaces)}`);
}
