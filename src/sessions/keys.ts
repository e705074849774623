// What kind of Xendit key a string is, from its documented prefix. The key itself is never echoed.

export type KeyKind = 'test' | 'live' | 'public' | 'unknown';

export function classifyKey(key: string): KeyKind {
  if (/^xnd_development_[A-Za-z0-9]{8,}/.test(key)) return 'test';
  if (/^xnd_production_[A-Za-z0-9]{8,}/.test(key)) return 'live';
  if (/^xnd_public_/.test(key)) return 'public';
  return 'unknown';
}
