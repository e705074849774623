// The one shape every check reports in: the zod model, the cross-field rules, the sandbox and the editor all speak it.

export type Severity = 'error' | 'warning';

/** A path into the request JSON, as zod reports it: object keys and array indexes. */
export type JsonPath = readonly (string | number)[];

/**
 * A change to the request that resolves a problem without guessing. The shell turns it into a text edit
 * (jsonc-parser `modify`), so the user's formatting survives.
 */
export type Fix =
  | { readonly title: string; readonly kind: 'set'; readonly path: JsonPath; readonly value: unknown }
  | { readonly title: string; readonly kind: 'remove'; readonly path: JsonPath }
  /**
   * The value's own text in the file, put in double quotes (`quote`) or taken out of them (`unquote`, for a string
   * that holds a JSON number): the digits stay as written, where a parsed number would lose some (`1.50`, a
   * 19-digit id).
   */
  | { readonly title: string; readonly kind: 'quote' | 'unquote'; readonly path: JsonPath }
  /** Several changes made as one, in order (e.g. move a key: set it in its new place, remove the old one); `path` names the fix. */
  | { readonly title: string; readonly kind: 'edits'; readonly path: JsonPath; readonly edits: readonly FixStep[] };

/** One change of a multi-step fix. */
export type FixStep = { readonly kind: 'set'; readonly path: JsonPath; readonly value: unknown } | { readonly kind: 'remove'; readonly path: JsonPath };

export interface Problem {
  readonly severity: Severity;
  readonly path: JsonPath;
  /** What is wrong and how to fix it, in one or two sentences a payments developer understands. */
  readonly message: string;
  /** The API's error code for this problem where the API documents one (e.g. MISSING_CUSTOMER), else API_VALIDATION_ERROR. */
  readonly code: string;
  /** Which check found it: the zod model ('schema'), a named cross-field rule, or the check for secret keys in a body. */
  readonly source: 'schema' | 'secrets' | `rule:${string}`;
  readonly fix?: Fix;
}
