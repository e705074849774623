// Decides where a command sends requests and with which key, before anything is loaded or sent.
// Every refusal is a usage error that says what to change; the key itself is never part of a message.
import { classifyKey } from '../sessions/keys';
import type { ProxyChoice } from '../sessions/proxy';
import { isLoopbackHost } from '../sessions/linkPolicy';

export type TargetKind = 'sandbox' | 'test' | 'live';

export const TARGET_KINDS: readonly TargetKind[] = ['sandbox', 'test', 'live'];

export const XENDIT_BASE_URL = 'https://api.xendit.co';

export const KEY_VARIABLE = 'XENDIT_SECRET_KEY';

export interface TargetRequest {
  readonly kind: TargetKind;
  readonly baseUrl?: string;
  /** --yes: the user agreed to send with the live key. */
  readonly yes: boolean;
  /** The environment's XENDIT_SECRET_KEY, if any. */
  readonly envKey?: string;
  /** get and cancel look up an existing session, which only a running sandbox can still hold. */
  readonly needsExistingSessions: boolean;
}

export interface ResolvedTarget {
  readonly kind: TargetKind;
  /** Absent for a sandbox started for this command only. */
  readonly baseUrl?: string;
  /** Absent when a throwaway sandbox key is to be made (the environment has no test key). */
  readonly secretKey?: string;
  /** The proxy from HTTPS_PROXY and NO_PROXY; never for a sandbox. */
  readonly proxy?: ProxyChoice;
}

export type TargetResult = { readonly ok: true; readonly target: ResolvedTarget } | { readonly ok: false; readonly reason: string };

/** https only, except plain http on 127.0.0.1 or localhost (a sandbox, a local mock or proxy): the key goes there. */
export function checkBaseUrl(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `--base-url "${raw}" is not a URL; give one such as ${XENDIT_BASE_URL} or http://127.0.0.1:8000.`;
  }
  if (url.username || url.password) return '--base-url must not carry a user name or password: the key is sent in a header.';
  if (url.search || url.hash) return '--base-url must not carry a query or fragment.';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return undefined;
  return `--base-url must use https (plain http is allowed only for 127.0.0.1 or localhost), because the key travels with every request; got ${url.protocol}//${url.host}.`;
}

/** Why the key cannot be used for `kind`, or undefined when it can. Mirrors the editor's Set API Key wording. */
function keyProblem(key: string | undefined, kind: 'test' | 'live'): string | undefined {
  const other = kind === 'test' ? 'live' : 'test';
  if (key === undefined || key === '') {
    return `--target ${kind} needs a ${kind} secret key in ${KEY_VARIABLE} (it starts with ${kind === 'test' ? 'xnd_development_' : 'xnd_production_'}), or use --target sandbox to try requests offline.`;
  }
  if (/\s/.test(key)) return `${KEY_VARIABLE} contains spaces or line breaks; set it to the key alone.`;
  switch (classifyKey(key)) {
    case kind:
      return undefined;
    case 'public':
      return `${KEY_VARIABLE} holds a public key (xnd_public_…): it can only tokenize cards and cannot create sessions. Use a secret key from Settings → API Keys in the Xendit Dashboard.`;
    case 'unknown':
      return `${KEY_VARIABLE} does not look like a Xendit secret key: it should start with xnd_development_ (test mode) or xnd_production_ (live).`;
    default:
      return kind === 'test'
        ? `${KEY_VARIABLE} holds a live key (xnd_production_…), but --target test needs a test key (xnd_development_…). Set a test key, or use --target live --yes to send with the live key.`
        : `${KEY_VARIABLE} holds a ${other} key (xnd_development_…), but --target live needs a live key (xnd_production_…). Use --target test for a test key.`;
  }
}

export function resolveTarget(request: TargetRequest): TargetResult {
  const baseUrl = request.baseUrl?.trim().replace(/\/+$/, '');
  if (baseUrl !== undefined) {
    const problem = checkBaseUrl(baseUrl);
    if (problem) return { ok: false, reason: problem };
  }
  if (request.kind === 'sandbox') {
    // Only a test key goes to a sandbox; any other key in the environment is left unused rather than sent.
    const secretKey = request.envKey && classifyKey(request.envKey) === 'test' ? request.envKey : undefined;
    if (request.needsExistingSessions && baseUrl === undefined) {
      return {
        ok: false,
        reason:
          'A sandbox started for one command forgets its sessions when the command ends. Start one with `xendit-sessions sandbox`, create sessions with --base-url pointing at it, and pass the same --base-url here.',
      };
    }
    if (request.needsExistingSessions && secretKey === undefined) {
      return {
        ok: false,
        reason: `A sandbox shows a session only to the key that created it. Set ${KEY_VARIABLE} to a test key (any xnd_development_… key works with the sandbox) for both the create and this command.`,
      };
    }
    return { ok: true, target: { kind: 'sandbox', baseUrl, secretKey } };
  }
  const problem = keyProblem(request.envKey, request.kind);
  if (problem) return { ok: false, reason: problem };
  if (request.kind === 'live' && !request.yes) {
    return {
      ok: false,
      reason: '--target live sends with your live key: sessions are real and can take real money. Add --yes to confirm.',
    };
  }
  return { ok: true, target: { kind: request.kind, baseUrl: baseUrl ?? XENDIT_BASE_URL, secretKey: request.envKey } };
}
