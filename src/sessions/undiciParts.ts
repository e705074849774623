// The parts of undici the client uses, each from its own module: undici's index also evaluates fetch, WebSocket,
// the caches, cookies, mocks and proxies, which were most of dist/client.js and of its load time.
// undici's package.json has no `exports` map, so these paths are reachable; they have no .d.ts, so the types
// come from the index's declarations of the same objects.
import type * as Undici from 'undici';

export type { Dispatcher } from 'undici';

/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS modules without declarations, typed below */
/** The same class as undici's `Agent`. */
export const Agent = require('undici/lib/dispatcher/agent.js') as typeof Undici.Agent;
/** The same module as undici's `errors`: the classes its dispatchers throw. */
export const errors = require('undici/lib/core/errors.js') as typeof Undici.errors;
/** `Dispatcher.prototype.request`, which undici's index installs on the prototype; called with the dispatcher as `this`. */
const dispatcherRequest = require('undici/lib/api/api-request.js') as (this: Undici.Dispatcher, options: Undici.Dispatcher.RequestOptions) => Promise<Undici.Dispatcher.ResponseData>;
const { parseURL } = require('undici/lib/core/util.js') as { parseURL(url: string): URL };
/* eslint-enable @typescript-eslint/no-require-imports */

export type RequestOptions = Omit<Undici.Dispatcher.RequestOptions, 'origin' | 'path'> & { readonly dispatcher: Undici.Dispatcher };

/**
 * undici's `request(url, options)` for a caller that always names its dispatcher: the URL is checked and split
 * as the index does (same errors for a bad URL), and nothing falls back to the global dispatcher. The options
 * object, one per call, becomes the dispatch options, where the index would copy it.
 */
export function request(url: string, options: RequestOptions): Promise<Undici.Dispatcher.ResponseData> {
  if (!url) throw new errors.InvalidArgumentError('invalid url');
  const parsed = parseURL(url);
  const dispatch = options as RequestOptions & Undici.Dispatcher.RequestOptions;
  dispatch.origin = parsed.origin;
  dispatch.path = parsed.search ? `${parsed.pathname}${parsed.search}` : parsed.pathname;
  return dispatcherRequest.call(options.dispatcher, dispatch);
}

/**
 * undici's `ProxyAgent`, evaluated on first use: most clients send without a proxy. It is the class undici's index
 * exports, taken from its own module so that it shares this bundle's Agent, Pool, Client and parser instead of
 * carrying a second copy of undici (about 530 KB of the package). The one thing the index would add is `connect`
 * on every dispatcher (the CONNECT tunnel), installed here on this copy's Dispatcher the first time.
 */
export function proxyAgentClass(): typeof Undici.ProxyAgent {
  /* eslint-disable @typescript-eslint/no-require-imports -- on purpose: loaded only when a proxy is used */
  const Dispatcher = require('undici/lib/dispatcher/dispatcher.js') as typeof Undici.Dispatcher;
  const proto = Dispatcher.prototype as { connect?: unknown };
  if (typeof proto.connect !== 'function') proto.connect = require('undici/lib/api/api-connect.js') as unknown;
  return require('undici/lib/dispatcher/proxy-agent.js') as typeof Undici.ProxyAgent;
  /* eslint-enable @typescript-eslint/no-require-imports */
}

/** undici's `Pool` (what ProxyAgent connects to the proxy with by default), evaluated with the proxy code. */
export function poolClass(): typeof Undici.Pool {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- on purpose: loaded only when a proxy is used
  return require('undici/lib/dispatcher/pool.js') as typeof Undici.Pool;
}
