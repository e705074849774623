// VS Code's proxy settings for the test and live targets: http.proxy (else HTTPS_PROXY and the other standard
// variables of the extension host's environment), http.noProxy with NO_PROXY, http.proxyStrictSSL, and
// http.proxySupport "off". Only the user's own values are read: a workspace must not route the key elsewhere.
// The sandbox never goes through a proxy (its target never asks), nor does any loopback host.
import * as vscode from 'vscode';
import { chooseProxy, type ProxyDecision } from '../sessions/proxy';

function userValue<T>(config: vscode.WorkspaceConfiguration, key: string): T | undefined {
  const inspected = config.inspect<T>(key);
  return inspected?.globalValue ?? inspected?.defaultValue;
}

/** The proxy for requests to `baseUrl`, none, or why the configured one cannot be used. */
export function proxyFor(baseUrl: string, env: NodeJS.ProcessEnv = process.env): ProxyDecision {
  const http = vscode.workspace.getConfiguration('http');
  if (userValue<string>(http, 'proxySupport') === 'off') return { ok: true };
  const proxy = userValue<string>(http, 'proxy');
  const noProxy = userValue<unknown>(http, 'noProxy');
  return chooseProxy(baseUrl, {
    proxy: typeof proxy === 'string' && proxy.trim() ? { url: proxy, source: 'http.proxy' } : undefined,
    noProxy: Array.isArray(noProxy) ? noProxy.filter((h): h is string => typeof h === 'string') : undefined,
    strictSSL: userValue<boolean>(http, 'proxyStrictSSL') !== false,
    env,
  });
}
