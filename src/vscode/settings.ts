// Reads the extension's settings. Those that decide where the key goes are application-scoped, and only the
// user's own (global) value is read, so a workspace's .vscode/settings.json can never steer them.
import * as vscode from 'vscode';
import { isLoopbackHost } from '../sessions/linkPolicy';

export const DEFAULT_API_BASE_URL = 'https://api.xendit.co';

export interface Settings {
  readonly apiBaseUrl: string;
  /** Why the configured base URL was not used, when it was refused. */
  readonly apiBaseUrlProblem?: string;
  readonly requestTimeoutSeconds: number;
  readonly confirmLiveRequests: boolean;
  readonly forUserId?: string;
  readonly withSplitRule?: string;
}

function userValue<T>(config: vscode.WorkspaceConfiguration, key: string, fallback: T): T {
  const inspected = config.inspect<T>(key);
  return inspected?.globalValue ?? inspected?.defaultValue ?? fallback;
}

/** https only, except http on a loopback address (a local mock or proxy). Returns a reason when refused. */
export function checkApiBaseUrl(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return vscode.l10n.t('"{0}" is not a URL.', raw);
  }
  if (url.username || url.password) return vscode.l10n.t('it must not carry a user name or password.');
  if (url.search || url.hash) return vscode.l10n.t('it must not carry a query or fragment.');
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return undefined;
  return vscode.l10n.t('it must use https (plain http is allowed only for 127.0.0.1 or localhost); got {0}.', `${url.protocol}//${url.host}`);
}

export function readSettings(): Settings {
  const config = vscode.workspace.getConfiguration('xendit');
  // An empty value is a cleared one, as for the other settings: the default, not a URL refused as "".
  const configured = String(userValue(config, 'apiBaseUrl', DEFAULT_API_BASE_URL)).trim().replace(/\/+$/, '') || DEFAULT_API_BASE_URL;
  const problem = checkApiBaseUrl(configured);
  const timeout = Number(config.get('requestTimeoutSeconds', 30));
  const text = (key: string) => {
    const v = config.get<string>(key, '');
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
  };
  return {
    apiBaseUrl: problem ? DEFAULT_API_BASE_URL : configured,
    apiBaseUrlProblem: problem
      ? vscode.l10n.t('Nothing was sent: the user setting xendit.apiBaseUrl is refused because {0} Fix it in your user settings, or clear it to use {1}.', problem, DEFAULT_API_BASE_URL)
      : undefined,
    requestTimeoutSeconds: Number.isFinite(timeout) && timeout >= 1 && timeout <= 600 ? timeout : 30,
    confirmLiveRequests: userValue<boolean>(config, 'confirmLiveRequests', true) !== false,
    forUserId: text('forUserId'),
    withSplitRule: text('withSplitRule'),
  };
}
