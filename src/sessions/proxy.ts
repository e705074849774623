// Which proxy, if any, carries the requests to a base URL: an explicit one (VS Code's http.proxy) before the
// standard environment variables, with NO_PROXY (and VS Code's http.noProxy) honoured. A loopback host (the
// sandbox, a local mock) is never proxied. The proxy URL may carry a user name and password: only `shown`
// (scheme, host and port) is ever printed, and `secrets` lists the forms the credentials can leak in.
import { type Phrase, phrase, refusal } from './phrase';
import { secretForms } from './redact';

export interface ProxySources {
  /** An explicit proxy URL and where it was set (e.g. VS Code's http.proxy); it wins over the environment. */
  readonly proxy?: { readonly url: string; readonly source: string };
  /** Hosts never proxied besides NO_PROXY's (VS Code's http.noProxy), in NO_PROXY's forms. */
  readonly noProxy?: readonly string[];
  /** Where HTTPS_PROXY, HTTP_PROXY and NO_PROXY (either case) are read. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** false: certificates are not checked on proxied connections (VS Code's http.proxyStrictSSL). Default true. */
  readonly strictSSL?: boolean;
}

export interface ProxyChoice {
  /** The proxy's URL as configured, credentials included: for the connection only, never to print. */
  readonly url: string;
  /** scheme://host:port, safe to print. */
  readonly shown: string;
  /** Where it was set: "the setting http.proxy", "HTTPS_PROXY", ... */
  readonly source: string;
  readonly strictSSL: boolean;
  /** The credentials as they could appear in text: to redact. */
  readonly secrets: readonly string[];
}

/** A refusal says why in English (`reason`) and as a phrase for the editor's language (`says`). */
export type ProxyDecision =
  | { readonly ok: true; readonly proxy?: ProxyChoice }
  /** `source`: where the refused proxy was set (a setting such as http.proxy, or an environment variable). */
  | { readonly ok: false; readonly reason: string; readonly says: Phrase; readonly source: string };

/** Checked in this order; VS Code and undici's EnvHttpProxyAgent also fall back from HTTPS_PROXY to HTTP_PROXY. */
const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'] as const;
const NO_PROXY_VARIABLES = ['NO_PROXY', 'no_proxy'] as const;

/** The proxy for requests to `targetUrl`, none, or why the configured one cannot be used. */
export function chooseProxy(targetUrl: string, sources: ProxySources): ProxyDecision {
  let target: URL;
  try {
    target = new URL(targetUrl);
  } catch {
    return { ok: true };
  }
  const configured = configuredProxy(sources);
  if (!configured) return { ok: true };
  const host = target.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const port = target.port || (target.protocol === 'https:' ? '443' : '80');
  if (isLoopback(host)) return { ok: true };
  const noProxy = [...(sources.noProxy ?? []), ...NO_PROXY_VARIABLES.flatMap((v) => splitList(sources.env[v]))];
  if (noProxy.some((entry) => bypasses(entry, host, port))) return { ok: true };
  return parseProxy(configured.url, configured.source, sources.strictSSL !== false);
}

function configuredProxy(sources: ProxySources): { url: string; source: string } | undefined {
  const explicit = sources.proxy?.url.trim();
  if (explicit && sources.proxy) return { url: explicit, source: sources.proxy.source };
  for (const name of PROXY_VARIABLES) {
    const value = sources.env[name]?.trim();
    if (value) return { url: value, source: name };
  }
  return undefined;
}

function parseProxy(raw: string, source: string, strictSSL: boolean): ProxyDecision {
  // "proxy.corp:3128", as many environments set it, means http://.
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    // The value is not repeated: it may hold a password.
    return { ...refusal(phrase('The proxy set in {0} is not a valid URL. Nothing was sent. Set it to http://host:port (or https://), with user:password@ before the host if the proxy needs them.', source)), source };
  }
  const shown = `${url.protocol}//${url.host}`;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ...refusal(phrase('The proxy {0} set in {1} is not an http:// or https:// proxy, the only kinds supported. Nothing was sent.', shown, source)), source };
  }
  const secrets: string[] = [];
  // The password is the secret. A user name alone is one only when no password comes with it (a token given as
  // the user name): otherwise a common word ("proxy", "admin") would be cut out of every message that holds it.
  for (const part of url.password ? [url.password] : [url.username]) {
    if (!part) continue;
    secrets.push(part);
    const decoded = safeDecode(part);
    if (decoded !== part) secrets.push(decoded);
  }
  if (url.username || url.password) {
    // The Proxy-Authorization header's Base64, which secretForms derives from "user:password".
    secrets.push(...secretForms(`${safeDecode(url.username)}:${safeDecode(url.password)}`).slice(1));
  }
  return { ok: true, proxy: { url: url.href, shown, source, strictSSL, secrets: [...new Set(secrets.filter((s) => s.length >= 3))] } };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function splitList(value: string | undefined): string[] {
  return value ? value.split(/[\s,]+/).filter(Boolean) : [];
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * One NO_PROXY entry as curl reads it: `*` matches every host; `example.com`, `.example.com` and `*.example.com`
 * match that domain and its subdomains; an IP address matches itself; `:port` after any of them limits it to
 * that port. (CIDR ranges are not supported.)
 */
function bypasses(rawEntry: string, host: string, port: string): boolean {
  let entry = rawEntry.trim().toLowerCase();
  if (entry === '*') return true;
  const withPort = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(entry);
  if (withPort) {
    if (withPort[2] !== port) return false;
    entry = withPort[1];
  }
  entry = entry.replace(/^\[|\]$/g, '').replace(/^\*?\./, '');
  if (!entry) return false;
  return host === entry || host.endsWith(`.${entry}`);
}
