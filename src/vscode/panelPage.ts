// The result panel's page and title: what the workbench draws itself, so nothing in them is rendered by our script.
// The page carries no result data, only resource URIs and a fresh nonce; the data arrives by postMessage.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { ResultView } from './resultView';

const TITLE_MAX = 60;

function nonce(): string {
  return randomBytes(18).toString('base64');
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Titles are drawn by the workbench, not by our script, so direction overrides and controls are removed here. */
function plainTitle(s: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = s.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  return clean.length > TITLE_MAX ? `${clean.slice(0, TITLE_MAX - 1)}…` : clean;
}

export function labelFromUri(requestUri: string): string {
  try {
    const path = vscode.Uri.parse(requestUri).path;
    return path.slice(path.lastIndexOf('/') + 1) || requestUri;
  } catch {
    return requestUri;
  }
}

export function titleFor(label: string, view: ResultView | undefined): string {
  const name = plainTitle(label.replace(/\.session\.json$/i, '').replace(/\.jsonc?$/i, '')) || vscode.l10n.t('request');
  let state = '';
  if (view?.outcome === 'session' && view.session) state = view.session.status;
  else if (view?.http) state = String(view.http.status);
  else if (view?.outcome === 'networkError') state = vscode.l10n.t('network error');
  state = plainTitle(state).slice(0, 24);
  return state ? vscode.l10n.t('Session · {0} · {1}', name, state) : vscode.l10n.t('Session · {0}', name);
}

/** The page of a panel: its script and styles from `mediaRoot`, under a strict CSP with a fresh nonce. */
export function panelHtml(webview: vscode.Webview, mediaRoot: vscode.Uri): string {
  const script = webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'panel.js')).toString();
  const style = webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'panel.css')).toString();
  const n = nonce();
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `script-src 'nonce-${n}'`,
    `img-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${escapeAttr(style)}">
<title>Session result</title>
</head>
<body>
<main id="root" aria-busy="true"><p class="placeholder">Waiting for the result…</p></main>
<script nonce="${escapeAttr(n)}" src="${escapeAttr(script)}"></script>
</body>
</html>`;
}
