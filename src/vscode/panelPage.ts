// The result panel's page and title: what the workbench draws itself, so nothing in them is rendered by our script.
// The page carries no result data, only the panel's own script and styles and a fresh nonce; the data arrives by
// postMessage.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { panelStringsMeta } from './panelStrings';
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

/** The panel's script and styles, read once from the extension's own files (they do not change while it runs). */
const inlined = new Map<string, string | undefined>();
function ownFile(mediaRoot: vscode.Uri, name: string): string | undefined {
  const file = vscode.Uri.joinPath(mediaRoot, name);
  const key = file.toString();
  if (!inlined.has(key)) {
    let content: string | undefined;
    try {
      content = file.scheme === 'file' ? readFileSync(file.fsPath, 'utf8') : undefined;
    } catch {
      content = undefined;
    }
    // Text that would close its element early cannot go inline; it is then loaded from its URI instead.
    inlined.set(key, content !== undefined && !/<\/(script|style)/i.test(content) ? content : undefined);
  }
  return inlined.get(key);
}

/**
 * The page of a panel under a strict CSP with a fresh nonce. Its script and styles are written into the page
 * (with the nonce) rather than fetched: in the browser workbench each fetch goes through the webview's service
 * worker to the extension host and back, before the first result can be drawn.
 */
export function panelHtml(webview: vscode.Webview, mediaRoot: vscode.Uri): string {
  const n = nonce();
  const css = ownFile(mediaRoot, 'panel.css');
  const js = ownFile(mediaRoot, 'panel.js');
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource} 'nonce-${n}'`,
    `script-src 'nonce-${n}'`,
    `img-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  const style = css !== undefined
    ? `<style nonce="${escapeAttr(n)}">${css}</style>`
    : `<link rel="stylesheet" href="${escapeAttr(webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'panel.css')).toString())}">`;
  const script = js !== undefined
    ? `<script nonce="${escapeAttr(n)}">${js}</script>`
    : `<script nonce="${escapeAttr(n)}" src="${escapeAttr(webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'panel.js')).toString())}"></script>`;
  return `<!DOCTYPE html>
<html lang="${escapeAttr(vscode.env.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
${panelStringsMeta()}
${style}
<title>${escapeAttr(vscode.l10n.t('Session result'))}</title>
</head>
<body>
<main id="root" aria-busy="true"><p class="placeholder">${escapeAttr(vscode.l10n.t('Waiting for the result…'))}</p></main>
${script}
</body>
</html>`;
}
