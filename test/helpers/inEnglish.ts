// What the CLI and the log read of a problem, a fix or a syntax error: the English only. The phrases beside it
// (`says`, `titleSays`, for the editor's language) are checked in test/unit/problemPhrases.test.ts.

/** `value` without its `says` and `titleSays` entries, at any depth. */
export function englishOnly<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => englishOnly(item)) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).filter(([key]) => key !== 'says' && key !== 'titleSays').map(([key, item]) => [key, englishOnly(item)]),
  ) as T;
}
