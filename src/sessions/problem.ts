// The one shape every check reports in: the zod model, the cross-field rules, the sandbox and the editor all speak it.
import { type Phrase, say } from './phrase';

export type Severity = 'error' | 'warning';

/** A path into the request JSON, as zod reports it: object keys and array indexes. */
export type JsonPath = readonly (string | number)[];

/**
 * A fix's title: English (`title`, what the CLI and the tests read) and, where a check built it, the same words as a
 * phrase (`titleSays`) for the editor's display language. Build both with `titled`.
 */
interface Titled {
  readonly title: string;
  readonly titleSays?: Phrase;
}

/**
 * A change to the request that resolves a problem without guessing. The shell turns it into a text edit
 * (jsonc-parser `modify`), so the user's formatting survives.
 */
export type Fix =
  | (Titled & { readonly kind: 'set'; readonly path: JsonPath; readonly value: unknown })
  | (Titled & { readonly kind: 'remove'; readonly path: JsonPath })
  /**
   * The value's own text in the file, put in double quotes (`quote`) or taken out of them (`unquote`, for a string
   * that holds a JSON number): the digits stay as written, where a parsed number would lose some (`1.50`, a
   * 19-digit id).
   */
  | (Titled & { readonly kind: 'quote' | 'unquote'; readonly path: JsonPath })
  /** Several changes made as one, in order (e.g. move a key: set it in its new place, remove the old one); `path` names the fix. */
  | (Titled & { readonly kind: 'edits'; readonly path: JsonPath; readonly edits: readonly FixStep[] });

/** One change of a multi-step fix. */
export type FixStep = { readonly kind: 'set'; readonly path: JsonPath; readonly value: unknown } | { readonly kind: 'remove'; readonly path: JsonPath };

export interface Problem {
  readonly severity: Severity;
  readonly path: JsonPath;
  /** What is wrong and how to fix it, in one or two sentences a payments developer understands. */
  readonly message: string;
  /** The same sentence as a phrase, for the editor's display language: `say(says) === message`. Build both with `spoken`. */
  readonly says: Phrase;
  /** The API's error code for this problem where the API documents one (e.g. MISSING_CUSTOMER), else API_VALIDATION_ERROR. */
  readonly code: string;
  /** Which check found it: the zod model ('schema'), a named cross-field rule, or the check for secret keys in a body. */
  readonly source: 'schema' | 'secrets' | `rule:${string}`;
  readonly fix?: Fix;
}

/** A problem's text: the phrase, and its English from it, so the two never differ. */
export function spoken(says: Phrase): { readonly message: string; readonly says: Phrase } {
  return { message: say(says), says };
}

/** A fix's title: the phrase, and its English from it. */
export function titled(titleSays: Phrase): Titled {
  return { title: say(titleSays), titleSays };
}
