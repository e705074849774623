// The one redaction every log line, message, panel payload and copied command goes through:
// it removes secret keys (and their Basic-auth Base64 form) and Authorization header values.

export const REDACTED = '[redacted]';

const KEY_PATTERN = /xnd_(?:development|production)_[A-Za-z0-9_\-=+/]+/g;
/**
 * A credential after an auth scheme. It must look like a token (a digit, an upper-case letter or Base64
 * punctuation somewhere), so prose such as "Basic authentication" is left alone.
 */
const AUTH_VALUE_PATTERN = /\b([Bb]asic|[Bb]earer|BASIC|BEARER)\s+(?=[A-Za-z0-9+/=._-]*[0-9A-Z+/=])[A-Za-z0-9+/=._-]{8,}/g;
const SECRET_HEADER = /^(authorization|proxy-authorization|x-api-key)$/i;

/** Replaces the given secrets (raw, Base64 `key:` and Base64 `key`) and anything shaped like a Xendit secret key. */
export function redactText(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret) continue;
    for (const form of secretForms(secret)) if (out.includes(form)) out = out.split(form).join(REDACTED);
  }
  return out.replace(KEY_PATTERN, REDACTED).replace(AUTH_VALUE_PATTERN, (_m, scheme: string) => `${scheme} ${REDACTED}`);
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
