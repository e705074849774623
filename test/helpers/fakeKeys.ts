// Keys for tests, made at run time from random bytes: the repository never holds a literal that looks like a key.
import { randomBytes } from 'node:crypto';

export type FakeKeyKind = 'test' | 'live' | 'public';

const PREFIX: Record<FakeKeyKind, string> = {
  test: ['xnd', 'development', ''].join('_'),
  live: ['xnd', 'production', ''].join('_'),
  public: ['xnd', 'public', 'development', ''].join('_'),
};

/** A random key of the kind's shape: Base64 characters, as Xendit's keys have (`+` and `/` included). */
export function fakeKey(kind: FakeKeyKind): string {
  return PREFIX[kind] + randomBytes(36).toString('base64').replace(/=+$/, '');
}
