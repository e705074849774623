// A Xendit secret key inside a request body. The API would take it as any other text and keep it in the session,
// where its webhooks, the dashboard and anyone with the session's id can read it: nothing about it is "rejected",
// so it is not a rule of the model (the sandbox, like the API, accepts it). Every surface that sends refuses it.
import { isPlainObject, pathPhrase } from './jsonPath';
import { findSecretKeys } from './keyScanner';
import { type Phrase, phrase } from './phrase';
import { type JsonPath, spoken } from './problem';
import type { Finding } from './validate';

export const SECRET_KEY_IN_REQUEST = 'SECRET_KEY_IN_REQUEST';

const AFTER = phrase(
  "Sent, it would be stored in the session, where its webhooks, the dashboard and anyone with the session's id can read it. Remove it: the key belongs only in the Authorization header, which is added for you.",
);

/** The kind of the most dangerous secret key in `text`, if it holds one. */
function keyIn(text: string): 'live' | 'test' | undefined {
  const kinds = findSecretKeys(text).map((k) => k.kind);
  return kinds.includes('live') ? 'live' : kinds[0];
}

/**
 * An error for each string in `value` that holds a secret key (underlining the string), and for each object key that
 * does (underlining the object), at any depth. The messages name where, never the key: below an object key that is
 * a key, nothing is looked at, as every path there would quote it.
 */
export function secretKeyFindings(value: unknown): Finding[] {
  const findings: Finding[] = [];
  const found = (path: JsonPath, says: Phrase): void => {
    findings.push({ problem: { severity: 'error', path, code: SECRET_KEY_IN_REQUEST, source: 'secrets', ...spoken(says) }, anchor: 'value', schemaCovered: false });
  };
  // Without recursion: a file nested deeper than the call stack allows is still searched to the bottom.
  const pending: { node: unknown; path: JsonPath }[] = [{ node: value, path: [] }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { node, path } = next;
    if (typeof node === 'string') {
      const kind = keyIn(node);
      if (kind) found(path, kind === 'live' ? phrase('{0} holds a Xendit live secret key. {1}', pathPhrase(path), AFTER) : phrase('{0} holds a Xendit test secret key. {1}', pathPhrase(path), AFTER));
    } else if (Array.isArray(node)) {
      for (let index = node.length - 1; index >= 0; index--) pending.push({ node: node[index], path: [...path, index] });
    } else if (isPlainObject(node)) {
      for (const [key, item] of Object.entries(node).reverse()) {
        const kind = keyIn(key);
        if (kind) found(path, kind === 'live' ? phrase('A key in {0} is a Xendit live secret key. {1}', pathPhrase(path), AFTER) : phrase('A key in {0} is a Xendit test secret key. {1}', pathPhrase(path), AFTER));
        else pending.push({ node: item, path: [...path, key] });
      }
    }
  }
  return findings;
}
