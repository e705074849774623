// What the panel's buttons hand outside the panel: the clipboard (id, link, body, cURL, code), editors (the body,
// the request as sent, a field of the request file) and the browser (the payment link, after the link policy).
// Everything is read from the store of shown sessions, so a panel restored after a reload copies what it shows.
import * as vscode from 'vscode';
import { checkExternalLink } from '../sessions/linkPolicy';
import { sayInDisplayLanguage } from './displayLanguage';
import { loadClient, loadModel } from './engine';
import type { ResultPanelManager } from './resultPanel';
import type { ShownSessions } from './shownSessions';
import type { UiHolder } from './ui';

export class SessionDocuments implements vscode.Disposable {
  private readonly linkOpened = new vscode.EventEmitter<string>();
  /** Fires when a payment link was handed to the browser. */
  readonly onDidOpenLink = this.linkOpened.event;

  constructor(
    private readonly shown: ShownSessions,
    private readonly panels: ResultPanelManager,
    private readonly ui: UiHolder,
  ) {}

  /** Copies the session's id or payment link, or the response body, and says so in the panel. */
  async copy(requestUri: string, what: 'link' | 'id' | 'body'): Promise<void> {
    const view = this.shown.get(requestUri)?.view;
    const s = view?.session;
    const text = what === 'link' ? s?.paymentLinkUrl : what === 'id' ? s?.id : JSON.stringify(view?.body ?? null, null, 2);
    if (!text) return;
    await this.ui.current.writeClipboard(text);
    const notice = what === 'link' ? vscode.l10n.t('Copied the payment link.') : what === 'id' ? vscode.l10n.t('Copied the session id.') : vscode.l10n.t('Copied the body.');
    await this.panels.notice(requestUri, 'info', notice);
  }

  /** Copies the last request as a cURL command or as Node.js code; the key is read from an environment variable. */
  async copyRequest(requestUri: string, as: 'curl' | 'code'): Promise<void> {
    const sent = this.shown.get(requestUri)?.lastRequest;
    if (!sent) return;
    const exporter = loadClient();
    const text = as === 'curl' ? exporter.toCurl(sent) : exporter.toNodeFetch(sent);
    await this.ui.current.writeClipboard(redact(text));
    const variable = `$${exporter.KEY_ENV_VAR}`;
    const notice = as === 'curl' ? vscode.l10n.t('Copied as cURL: the key is read from {0}.', variable) : vscode.l10n.t('Copied as Node.js code: the key is read from {0}.', variable);
    await this.panels.notice(requestUri, 'info', notice);
  }

  /** Opens the response body as JSON beside the panel. */
  async openBody(requestUri: string): Promise<void> {
    const document = await vscode.workspace.openTextDocument({ language: 'json', content: JSON.stringify(this.shown.get(requestUri)?.view?.body ?? null, null, 2) });
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }

  /** Opens the last request as sent (method, URL, headers with the key redacted, body) beside the panel. */
  async showRequest(requestUri: string): Promise<void> {
    const r = this.shown.get(requestUri)?.lastRequest;
    if (!r) return;
    const text = [`${r.method} ${r.url}`, ...r.headers.map(([k, v]) => `${k}: ${v}`), '', r.body ? prettyJson(r.body) : ''].join('\n');
    const document = await vscode.workspace.openTextDocument({ language: 'http', content: redact(text) });
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }

  /** Opens the request file with the field at `path` (from an API error) selected. */
  async revealPath(requestUri: string, path: string): Promise<void> {
    const uri = vscode.Uri.parse(requestUri, true);
    const document = await vscode.workspace.openTextDocument(uri);
    const model = loadModel();
    const range = model.locatePath(document.getText(), model.parsePathString(path));
    const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preserveFocus: false });
    if (range) {
      const start = document.positionAt(range.offset);
      const end = document.positionAt(range.offset + range.length);
      editor.selection = new vscode.Selection(start, end);
      editor.revealRange(new vscode.Range(start, end), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
  }

  /**
   * The base URL of the server that answered what a request's panel shows: the shown view's, which a request still
   * out (perhaps to another target) has not replaced yet.
   */
  serverOf(requestUri: string): string | undefined {
    const entry = this.shown.get(requestUri);
    return entry?.view?.target.baseUrl ?? entry?.target.baseUrl;
  }

  /**
   * Opens a link only after the link policy allows it: https, or plain http to `answeredBy` (the base URL of the
   * server that gave the link) when that is on this machine: the sandbox's checkout page.
   */
  async openLink(url: string, answeredBy?: string): Promise<boolean> {
    const verdict = checkExternalLink(url, answeredBy);
    if (!verdict.ok) {
      await this.ui.current.showErrorMessage(vscode.l10n.t('The link was not opened. {0}', sayInDisplayLanguage(verdict.says)), {});
      return false;
    }
    const opened = await this.ui.current.openExternal(vscode.Uri.parse(verdict.url.toString(), true));
    if (opened) this.linkOpened.fire(verdict.url.toString());
    return opened;
  }

  dispose(): void {
    this.linkOpened.dispose();
  }
}

export function redact(text: string): string {
  return loadClient().redactText(text);
}

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
