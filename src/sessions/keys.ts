// What kind of Xendit key a string is, from its documented prefix. The key itself is never echoed.

export type KeyKind = 'test' | 'live' | 'public' | 'unknown';

/** Base64-like characters, as Xendit's keys have; a bare prefix, or a key with a space in it, is not a key. */
const BODY = '[A-Za-z0-9+/=_-]{8,}$';
const TEST = new RegExp(`^xnd_development_${BODY}`);
const LIVE = new RegExp(`^xnd_production_${BODY}`);

/** `public` keys (`xnd_public…`) only tokenize cards: they cannot create sessions. */
export function classifyKey(key: string): KeyKind {
  if (TEST.test(key)) return 'test';
  if (LIVE.test(key)) return 'live';
  if (key.startsWith('xnd_public')) return 'public';
  return 'unknown';
}
