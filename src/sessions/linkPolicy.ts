// Decides which URLs the playground may hand to the operating system: payment links come from an untrusted API.

import { type Phrase, phrase, refusal } from './phrase';

/** A refusal says why in English (`reason`) and as a phrase for the editor's language (`says`). */
export type LinkVerdict = { readonly ok: true; readonly url: URL } | { readonly ok: false; readonly reason: string; readonly says: Phrase };

/** The bidi marks (Arabic letter mark, LRM, RLM), embeddings and overrides, and isolates. */
const BIDI_CONTROLS = '\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';

/**
 * A global regex matching one character that is invisible yet changes what text around it looks like: C0 and C1
 * controls, DEL, and the bidi controls, which can reorder a host name or hide part of a string. With
 * `keepTabAndLineFeed`, tab and line feed (which a multi-line text shows as what they are) do not match.
 * The one definition: links (here), panel titles and the panel's text all use it. A new RegExp per call, as a
 * global one carries its lastIndex.
 */
export function invisibleCharacters(options: { readonly keepTabAndLineFeed?: boolean } = {}): RegExp {
  const controls = options.keepTabAndLineFeed ? '\\u0000-\\u0008\\u000b-\\u001f' : '\\u0000-\\u001f';
  return new RegExp(`[${controls}\\u007f-\\u009f${BIDI_CONTROLS}]`, 'g');
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase());
}

/**
 * Only https links open, plus plain http to the server that answered, when that server is on this machine (the
 * sandbox's checkout page; `answeredBy` is its base URL). Everything else (javascript:, command:, file:, data:,
 * vscode:, http on a real host or to another local port than the one that answered, credentials in the URL,
 * control characters that could disguise the host) is refused with a reason the user can act on.
 */
export function checkExternalLink(raw: unknown, answeredBy?: string): LinkVerdict {
  if (typeof raw !== 'string' || raw.trim() === '') {
    return refusal(phrase('The link is empty.'));
  }
  if (raw.length > 8192) {
    return refusal(phrase('The link is longer than {0} characters, so it was not opened.', 8192));
  }
  if (invisibleCharacters().test(raw)) {
    return refusal(phrase('The link contains control or text-direction characters that can disguise where it goes, so it was not opened.'));
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refusal(phrase('"{0}" is not a valid URL.', shorten(raw)));
  }
  if (url.username || url.password) {
    return refusal(phrase('The link to {0} carries a user name or password, so it was not opened.', url.hostname));
  }
  if (url.protocol === 'https:') return { ok: true, url };
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) {
    // A Xendit answer never links to this machine: only the local server that answered may (the sandbox).
    if (answeredBy !== undefined && sameLocalServer(answeredBy, url)) return { ok: true, url };
    return refusal(phrase('Plain http links open only to the local sandbox that answered; {0} is not it.', url.host));
  }
  if (url.protocol === 'http:') {
    return refusal(phrase('Only https links are opened; {0} was given over plain http.', url.hostname));
  }
  return refusal(phrase('Links with the "{0}" scheme are never opened; only https links (and the local sandbox\'s) are.', url.protocol));
}

/** Whether `link` goes to the server at `base` on this machine: same scheme and port, `localhost`, `127.0.0.1` and `[::1]` alike. */
function sameLocalServer(base: string, link: URL): boolean {
  try {
    const server = new URL(base);
    return isLoopbackHost(server.hostname) && server.protocol === link.protocol && server.port === link.port;
  } catch {
    return false;
  }
}

function shorten(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
