// The result panel's own words in VS Code's display language, from the extension's l10n bundles. Each is a literal
// vscode.l10n.t call (so `npm run l10n` exports it and the translation test checks it), asked with its holes as
// arguments so the translated template keeps `{0}`… for the webview to fill (src/webview/i18n.ts).
import * as vscode from 'vscode';
import type { PanelString } from './panelStringKeys';

export function panelStrings(): Record<PanelString, string> {
  return {
    'Refresh': vscode.l10n.t('Refresh'),
    'Cancel session': vscode.l10n.t('Cancel session'),
    'Copy as cURL': vscode.l10n.t('Copy as cURL'),
    'Copy as code': vscode.l10n.t('Copy as code'),
    'Show request as sent': vscode.l10n.t('Show request as sent'),
    'Pay (sandbox)': vscode.l10n.t('Pay (sandbox)'),
    'Expire now (sandbox)': vscode.l10n.t('Expire now (sandbox)'),
    'Result actions': vscode.l10n.t('Result actions'),
    'Auto-refresh until final': vscode.l10n.t('Auto-refresh until final'),
    'Creating session…': vscode.l10n.t('Creating session…'),
    'Refreshing…': vscode.l10n.t('Refreshing…'),
    'Canceling session…': vscode.l10n.t('Canceling session…'),
    'Waiting for the result…': vscode.l10n.t('Waiting for the result…'),
    'Create session': vscode.l10n.t('Create session'),
    'Get session': vscode.l10n.t('Get session'),
    'API error': vscode.l10n.t('API error'),
    'No response': vscode.l10n.t('No response'),
    'Unexpected response': vscode.l10n.t('Unexpected response'),
    'Request': vscode.l10n.t('Request'),
    'Target': vscode.l10n.t('Target'),
    'LIVE': vscode.l10n.t('LIVE'),
    'Operation': vscode.l10n.t('Operation'),
    'Sent': vscode.l10n.t('Sent'),
    'First byte': vscode.l10n.t('First byte'),
    'Total': vscode.l10n.t('Total'),
    'UNKNOWN': vscode.l10n.t('UNKNOWN'),
    'Session status: {0}': vscode.l10n.t('Session status: {0}', '{0}'),
    'Session': vscode.l10n.t('Session'),
    'Status': vscode.l10n.t('Status'),
    'Session id': vscode.l10n.t('Session id'),
    'Copy id': vscode.l10n.t('Copy id'),
    'Reference id': vscode.l10n.t('Reference id'),
    'Session type': vscode.l10n.t('Session type'),
    'Mode': vscode.l10n.t('Mode'),
    'Amount': vscode.l10n.t('Amount'),
    'Payment request id': vscode.l10n.t('Payment request id'),
    'Payment token id': vscode.l10n.t('Payment token id'),
    'Open payment link': vscode.l10n.t('Open payment link'),
    'Copy link': vscode.l10n.t('Copy link'),
    'Payment link': vscode.l10n.t('Payment link'),
    'Created': vscode.l10n.t('Created'),
    'Updated': vscode.l10n.t('Updated'),
    'Expires': vscode.l10n.t('Expires'),
    'Error code': vscode.l10n.t('Error code'),
    'Message': vscode.l10n.t('Message'),
    'Problems ({0})': vscode.l10n.t('Problems ({0})', '{0}'),
    'Show this field in the request file': vscode.l10n.t('Show this field in the request file'),
    'Show {0} in the request file': vscode.l10n.t('Show {0} in the request file', '{0}'),
    'Network error': vscode.l10n.t('Network error'),
    'Kind': vscode.l10n.t('Kind'),
    'Reason': vscode.l10n.t('Reason'),
    'Content type': vscode.l10n.t('Content type'),
    'First bytes of the body': vscode.l10n.t('First bytes of the body'),
    'Request options': vscode.l10n.t('Request options'),
    'Response headers': vscode.l10n.t('Response headers'),
    'Response body': vscode.l10n.t('Response body'),
    'Open in editor': vscode.l10n.t('Open in editor'),
    'Copy JSON': vscode.l10n.t('Copy JSON'),
    'The body was too large to keep across a reload. Refresh to see it again.': vscode.l10n.t('The body was too large to keep across a reload. Refresh to see it again.'),
    'The panel could not show this result: {0}': vscode.l10n.t('The panel could not show this result: {0}', '{0}'),
    '{0} ms': vscode.l10n.t('{0} ms', '{0}'),
    '{0} s': vscode.l10n.t('{0} s', '{0}'),
    '{0} min {1} s': vscode.l10n.t('{0} min {1} s', '{0}', '{1}'),
    '{0} h {1} min': vscode.l10n.t('{0} h {1} min', '{0}', '{1}'),
    '{0} d {1} h': vscode.l10n.t('{0} d {1} h', '{0}', '{1}'),
    'expires in {0}': vscode.l10n.t('expires in {0}', '{0}'),
    'expired {0} ago': vscode.l10n.t('expired {0} ago', '{0}'),
    '1 item': vscode.l10n.t('1 item'),
    '{0} items': vscode.l10n.t('{0} items', '{0}'),
    '1 key': vscode.l10n.t('1 key'),
    '{0} keys': vscode.l10n.t('{0} keys', '{0}'),
    'Show {0} more ({1} not shown)': vscode.l10n.t('Show {0} more ({1} not shown)', '{0}', '{1}'),
    'Show all {0} characters': vscode.l10n.t('Show all {0} characters', '{0}'),
    'Invisible character U+{0}': vscode.l10n.t('Invisible character U+{0}', '{0}'),
  };
}

let meta: string | undefined;

/**
 * The table as a <meta name="xsp-strings"> tag for the panel page. Only our own words go in, never response data;
 * the JSON is written with \u escapes for the characters that could end the attribute or open markup. Built for the
 * first page and reused: the display language is fixed for the life of an extension host (VS Code restarts it when
 * the language changes), and every new panel's page carries it.
 */
export function panelStringsMeta(): string {
  if (meta === undefined) {
    const json = JSON.stringify(panelStrings()).replace(/[&<>']/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    meta = `<meta name="xsp-strings" content='${json}'>`;
  }
  return meta;
}
