// The one redaction every log line, message, panel payload and copied command goes through:
// it removes secret keys (and their Basic-auth Base64 form) and Authorization header values.

export const REDACTED = '[redacted]';

const KEY_PATTERN = /xnd_(?:development|production)_[A-Za-z0-9_\-=+/]+/g;
const AUTH_VALUE_PATTERN = /\b(Basic|Bearer)\s+[A-Za-z0-9+/=._-]{8,}/gi;

/** Replaces the given secrets (raw, Base64 `key:` and Base64 `key`) and anything shaped like a Xendit secret key. */
export function redactText(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret) continue;
    for (const form of secretForms(secret)) out = out.split(form).join(REDACTED);
  }
  return out.replace(KEY_PATTERN, REDACTED).replace(AUTH_VALUE_PATTERN, (_m, scheme: string) => `${scheme} ${REDACTED}`);
}

/** A deep copy with every string redacted and any `authorization` key's value replaced. */
export function redact<T>(value: T, secrets: readonly string[] = []): T {
  return redactValue(value, secrets, new WeakSet()) as T;
}

function redactValue(value: unknown, secrets: readonly string[], seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return redactText(value, secrets);
  if (value instanceof Error) return new Error(redactText(value.message, secrets));
  if (Array.isArray(value)) {
    if (seen.has(value)) return '[circular]';
    seen.add(value);
    return value.map((v) => redactValue(v, secrets, seen));
  }
  if (value && typeof value === 'object') {
    if (seen.has(value)) return '[circular]';
    seen.add(value);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = /^(authorization|proxy-authorization|x-api-key)$/i.test(k) ? REDACTED : redactValue(v, secrets, seen);
    }
    return out;
  }
  return value;
}

/** The forms a key can leak in: itself, and Base64 of `key:` (Basic auth) and of `key`. */
export function secretForms(secret: string): string[] {
  const forms = new Set<string>([secret]);
  for (const s of [`${secret}:`, secret]) {
    const b64 = Buffer.from(s, 'utf8').toString('base64');
    forms.add(b64);
    forms.add(b64.replace(/=+$/, ''));
  }
  return [...forms];
}
