// What a webhook handler answered, as the sandbox's deliveries and the handler check keep it. Xendit needs only
// the status code, so only the start of the body is read: a handler that streams a large page (an error page, a
// file) must not fill the extension host's memory. The kept text has the callback token removed before it is cut,
// so a token that straddles the cut does not leave its first characters behind.
import { REDACTED, redactText, secretForms } from './redact';

/** The most of an answer's body that is read; the rest is left unread and the connection let go. */
export const ANSWER_READ_BYTES = 16 * 1024;
/** A kept text never ends with this many characters or more of a secret's start. */
const SECRET_START_MIN = 4;

/** The start of `res`'s body as text (at most `maxBytes`), and whether there was more; '' when it cannot be read. */
export async function readAnswerHead(res: Response, maxBytes = ANSWER_READ_BYTES): Promise<{ text: string; more: boolean }> {
  if (!res.body) return { text: '', more: false };
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let more = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
      if (size > maxBytes) {
        more = true;
        break;
      }
    }
  } catch {
    // A body cut off (the handler closed the connection, the timeout): what came is what there is.
  }
  if (more) await reader.cancel().catch(() => undefined);
  // Not fatal: a character cut at maxBytes, or a handler's bytes that are not UTF-8, become U+FFFD.
  return { text: new TextDecoder().decode(Buffer.concat(chunks).subarray(0, maxBytes)), more };
}

/**
 * `text` as kept: the `secrets` removed (and any Xendit key), then cut to `limit` characters with `…`; a kept text
 * cut short (or read only in part, `more`) that ends with the start of a secret has that end replaced too.
 */
export function keptAnswer(text: string, limit: number, secrets: readonly string[], more = false): string {
  const clean = redactText(text, secrets);
  if (clean.length <= limit && !more) return clean;
  return `${withoutSecretStart(clean.slice(0, limit), secrets)}…`;
}

function withoutSecretStart(text: string, secrets: readonly string[]): string {
  for (const form of secrets.filter(Boolean).flatMap(secretForms)) {
    for (let k = Math.min(form.length - 1, text.length); k >= SECRET_START_MIN; k--) {
      if (text.endsWith(form.slice(0, k))) return `${text.slice(0, -k)}${REDACTED}`;
    }
  }
  return text;
}
