// Xendit: Check Webhook Handler: a sample payment_session.completed and .expired, each with the right callback
// token, with a wrong one and with none, sent once to the forward URL; says whether the handler accepted the right
// ones (2xx) and refused the others. Each probe is logged, without the token.
import * as vscode from 'vscode';
import type { HandlerCheckResult, HandlerProbe } from '../sessions/handlerCheck';
import { withDelayedProgress } from './delayedProgress';
import { loadClient } from './engine';
import type { OutputLog } from './outputLog';
import type { UiHolder } from './ui';
import { readForwardUrl, type WebhookForwarding } from './webhookForwarding';

export async function runHandlerCheck(forwarding: WebhookForwarding, ui: UiHolder, log: OutputLog): Promise<HandlerCheckResult | undefined> {
  const { url, problem } = readForwardUrl();
  if (!url) {
    const open = vscode.l10n.t('Open Settings');
    const message = problem ?? vscode.l10n.t('Set xendit.webhooks.forwardUrl to your handler\'s URL first (https, or http on localhost): the check sends its sample events there.');
    if ((await ui.current.showErrorMessage(message, {}, open)) === open) void vscode.commands.executeCommand('workbench.action.openSettings', 'xendit.webhooks.forwardUrl');
    return undefined;
  }
  const token = await forwarding.ensureToken();
  log.channel.info(`handler check: sending sample events to ${url}, each with the callback token, a wrong one and none`);
  // Six requests, each waiting at most 10 s: a notification with Cancel shows once it takes a moment.
  const stop = new AbortController();
  const result = await withDelayedProgress(ui.current, vscode.l10n.t('Checking the webhook handler at {0}…', url), loadClient().checkHandler(url, token, { signal: stop.signal }), () => stop.abort());
  for (const p of result.probes) log.channel.info(`handler check: ${probeLine(p)}`);
  if (result.stopped) {
    log.channel.info('handler check: cancelled');
    return result;
  }
  const failed = result.probes.filter((p) => !p.passed);
  log.channel.info(`handler check: ${failed.length === 0 ? 'passed' : `${failed.length} of ${result.probes.length} probes failed`}`);
  if (failed.length === 0) {
    void ui.current.showInformationMessage(
      vscode.l10n.t('Your webhook handler at {0} passed: it accepted payment_session.completed and payment_session.expired with the right callback token (2xx), and refused both with a wrong token and with none.', url),
      {},
    );
  } else {
    void ui.current.showWarningMessage(vscode.l10n.t('Your webhook handler at {0} failed the check: {1}', url, failed.map(probeProblem).join(' ')), {
      detail: result.probes.map(probeLine).join('\n'),
    });
  }
  return result;
}

function probeLine(p: HandlerProbe): string {
  const token = p.token === 'right' ? vscode.l10n.t('right token') : p.token === 'wrong' ? vscode.l10n.t('wrong token') : vscode.l10n.t('no token');
  const answer = p.status !== undefined ? `HTTP ${p.status}` : vscode.l10n.t('no answer ({0})', p.error ?? '');
  return `${p.passed ? '✔' : '✖'} ${p.event}, ${token}: ${answer}`;
}

function probeProblem(p: HandlerProbe): string {
  if (p.status === undefined) return vscode.l10n.t('{0} got no answer ({1}).', p.event, p.error ?? '');
  if (p.token === 'right') return vscode.l10n.t('it refused {0} with the right token (HTTP {1}): it should answer 2xx.', p.event, p.status);
  return p.token === 'wrong'
    ? vscode.l10n.t('it accepted {0} with a wrong token (HTTP {1}): it must check x-callback-token and refuse (e.g. 401).', p.event, p.status)
    : vscode.l10n.t('it accepted {0} with no x-callback-token at all (HTTP {1}): it must refuse a request without the token, not only one with a wrong token.', p.event, p.status);
}
