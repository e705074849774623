// The one redaction every log line, message, panel payload and copied command goes through:
// it removes secret keys (raw, Base64 or percent-encoded) and the credential of an Authorization-like header.

export const REDACTED = '[redacted]';

const KEY_PATTERN = /xnd_(?:development|production)_[A-Za-z0-9_\-=+/]+/g;
/**
 * A Xendit secret key in Base64, as Basic auth carries it (`key:` encoded, so the key starts the Base64 text),
 * percent-encoded or not: it starts with the Base64 of the key's prefix, whole bytes only.
 */
const BASE64_KEY_PATTERN = new RegExp(
  `(?:${['xnd_development_', 'xnd_production_'].map(base64Prefix).join('|')})(?:[A-Za-z0-9+/=]|%2[BbFf]|%3[Dd]){4,}`,
  'g',
);
/**
 * The value of an Authorization-like header, written as a header line (`Authorization: Basic …`), a cURL `-H`, a
 * JSON member (escaped too, as in JSON inside JSON), a `[name, value]` pair (JSON or Node's inspect) or a query
 * parameter: the name, its separator, an optional scheme, then the credential. The header name is required, so
 * text in a request body that merely reads like a scheme ("Basic Membership") is left as it is: what is shown and
 * copied must be what is sent. (A request field named `authorization` is taken for a header and redacted.)
 */
const HEADER_CREDENTIAL_PATTERN =
  /(?<![\w-])((?:proxy-)?authorization|x-api-key)((?:\\?["'])?\s*[:=]\s*(?:\\?["'])?\s*|\\?["']\s*,\s*\\?["'])((?:basic|bearer)\s+)?([A-Za-z0-9+/=._~-]{8,})/gi;
/** A credential looks like a token: a digit, an upper-case letter or Base64 punctuation somewhere ("Basic authentication" is prose). */
const TOKEN_SHAPE = /[0-9A-Z+/=]/;
const SECRET_HEADER = /^(authorization|proxy-authorization|x-api-key)$/i;

/**
 * Replaces the given secrets (raw, Base64 `key:` and Base64 `key`), anything shaped like a Xendit secret key or its
 * Base64 form, and the credential of an Authorization-like header.
 */
export function redactText(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret) continue;
    for (const form of secretForms(secret)) if (out.includes(form)) out = out.split(form).join(REDACTED);
  }
  return out
    .replace(KEY_PATTERN, REDACTED)
    .replace(BASE64_KEY_PATTERN, REDACTED)
    .replace(HEADER_CREDENTIAL_PATTERN, (whole, name: string, separator: string, scheme: string | undefined, credential: string) =>
      // In a list, AUTHORIZATION in capitals is the old session type among other values, not a header's name.
      TOKEN_SHAPE.test(credential) && !(separator.includes(',') && name === name.toUpperCase()) ? `${name}${separator}${scheme ?? ''}${REDACTED}` : whole,
    );
}

/** The Base64 of `text`'s first whole 3-byte groups: what any Base64 text that starts with `text` starts with. */
function base64Prefix(text: string): string {
  const whole = Math.floor(Buffer.byteLength(text) / 3) * 3;
  return Buffer.from(text).subarray(0, whole).toString('base64');
}

/**
 * A deep copy with every string redacted, and the value of any Authorization-like header replaced, whether
 * the headers are an object (`{ authorization: ... }`) or a list of `[name, value]` pairs.
 */
export function redact<T>(value: T, secrets: readonly string[] = []): T {
  return redactValue(value, secrets, new WeakSet()) as T;
}

function redactValue(value: unknown, secrets: readonly string[], seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return redactText(value, secrets);
  if (value instanceof Error) {
    const copy = new Error(redactText(value.message, secrets));
    copy.name = value.name;
    return copy;
  }
  if (Array.isArray(value)) {
    if (seen.has(value)) return '[circular]';
    seen.add(value);
    if (value.length === 2 && typeof value[0] === 'string' && SECRET_HEADER.test(value[0])) return [value[0], REDACTED];
    return value.map((v) => redactValue(v, secrets, seen));
  }
  if (value && typeof value === 'object') {
    if (seen.has(value)) return '[circular]';
    seen.add(value);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_HEADER.test(k) ? REDACTED : redactValue(v, secrets, seen);
    return out;
  }
  return value;
}

/**
 * The forms a key can leak in: itself, and Base64 of `key:` (Basic auth) and of `key`, padded or not; and each of
 * those percent-encoded, as a URL (a redirect's Location, a query) carries it. The key itself comes first.
 */
export function secretForms(secret: string): string[] {
  const forms = new Set<string>([secret]);
  for (const s of [`${secret}:`, secret]) {
    const b64 = Buffer.from(s, 'utf8').toString('base64');
    forms.add(b64);
    forms.add(b64.replace(/=+$/, ''));
  }
  for (const form of [...forms]) forms.add(encodeURIComponent(form));
  return [...forms];
}
