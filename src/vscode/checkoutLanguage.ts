// The sandbox checkout page in VS Code's display language, from the extension's own l10n bundles: each of the
// page's sentences is a vscode.l10n.t call here (so `npm run l10n` exports it and the translation test checks
// it), asked with its holes as arguments so the translated template keeps `{0}`… for the sandbox to fill.
import * as vscode from 'vscode';
import type { CheckoutLanguage, CheckoutMessage } from '../sandbox/checkoutText';

export function displayCheckoutLanguage(): CheckoutLanguage {
  const templates: Record<CheckoutMessage, string> = {
    'Sandbox checkout · {0}': vscode.l10n.t('Sandbox checkout · {0}', '{0}'),
    'Xendit Sessions Playground · local sandbox checkout (no real payment)': vscode.l10n.t('Xendit Sessions Playground · local sandbox checkout (no real payment)'),
    'Reference {0} · session {1} · {2} · {3}': vscode.l10n.t('Reference {0} · session {1} · {2} · {3}', '{0}', '{1}', '{2}', '{3}'),
    'Status: {0}': vscode.l10n.t('Status: {0}', '{0}'),
    Item: vscode.l10n.t('Item'),
    Qty: vscode.l10n.t('Qty'),
    Unit: vscode.l10n.t('Unit'),
    'Pay {0}': vscode.l10n.t('Pay {0}', '{0}'),
    'Save payment details': vscode.l10n.t('Save payment details'),
    'Save my payment details for next time': vscode.l10n.t('Save my payment details for next time'),
    Cancel: vscode.l10n.t('Cancel'),
    'Payment received.': vscode.l10n.t('Payment received.'),
    'Payment details saved.': vscode.l10n.t('Payment details saved.'),
    'Payment request {0}.': vscode.l10n.t('Payment request {0}.', '{0}'),
    'Payment token {0}.': vscode.l10n.t('Payment token {0}.', '{0}'),
    'This session was cancelled.': vscode.l10n.t('This session was cancelled.'),
    'This session has expired.': vscode.l10n.t('This session has expired.'),
    'Return to the merchant': vscode.l10n.t('Return to the merchant'),
    'Expires at {0}.': vscode.l10n.t('Expires at {0}.', '{0}'),
    'Not found': vscode.l10n.t('Not found'),
    'No sandbox session has this id. Sessions live in memory and vanish when the sandbox stops.': vscode.l10n.t(
      'No sandbox session has this id. Sessions live in memory and vanish when the sandbox stops.',
    ),
  };
  return { tag: vscode.env.language, templates };
}
