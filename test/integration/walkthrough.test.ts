// The getting-started walkthrough in a real VS Code: it opens, every step's completion event is one the
// extension can raise, and going through the flow raises each of them. VS Code keeps the ticks in the
// workbench, out of the extension host's reach: the UI test (test/ui/playground.ui.mjs) reads the ticks
// themselves in the page.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/extension';
import { EXTENSION_ID, payOnCheckout, suiteHooks, waitFor, workspaceDir } from './helpers';

interface WalkthroughStep {
  id: string;
  title: string;
  description: string;
  media: { image?: string; altText?: string };
  completionEvents: string[];
}

function contributedWalkthrough(): { id: string; steps: WalkthroughStep[] } {
  const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
  const [walkthrough] = ext.packageJSON.contributes.walkthroughs as { id: string; steps: WalkthroughStep[] }[];
  return walkthrough;
}

describe('walkthrough', function () {
  this.timeout(60_000);
  let api: TestingApi;
  const restores = suiteHooks((a) => (api = a), { resetTargets: true });

  it('has five steps, each with an image it ships and a completion event the extension raises', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const { steps } = contributedWalkthrough();
    assert.deepEqual(steps.map((s) => s.id), ['target', 'request', 'send', 'pay', 'refresh']);
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const step of steps) {
      assert.ok(step.media.image && fs.existsSync(path.join(ext.extensionPath, step.media.image)), `step ${step.id}: image ${step.media.image} is missing`);
      assert.ok(step.media.altText, `step ${step.id} has no alt text`);
      assert.ok(step.completionEvents.length > 0, `step ${step.id} never completes`);
      for (const event of step.completionEvents) {
        const [kind, name] = event.split(/:(.*)/s);
        if (kind === 'onCommand') assert.ok(registered.has(name), `step ${step.id}: ${name} is not a registered command`);
        else assert.ok(kind === 'onContext' && /^xendit\.walkthrough\.\w+$/.test(name), `step ${step.id}: unexpected event ${event}`);
      }
      // The buttons in a step's text run commands the extension registers.
      for (const [, command] of step.description.matchAll(/\]\(command:([\w.]+)\)/g)) {
        assert.ok(registered.has(command), `step ${step.id} links to ${command}, which is not registered`);
      }
    }
  });

  it('opens, and going through the flow raises every step\'s completion event', async () => {
    const { id, steps } = contributedWalkthrough();
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#${id}`, false);

    // VS Code ticks onCommand steps when the command runs; record which of them this flow runs.
    const ran = new Set<string>();
    const target = vscode.Uri.file(path.join(workspaceDir(), 'walkthrough', 'first.session.json'));
    fs.mkdirSync(path.dirname(target.fsPath), { recursive: true });
    const opened: string[] = [];
    restores.push(
      api.ui.override({
        showQuickPick: async (items) => items.find((i) => i.label.includes('Sandbox') || i.label.includes('Pay: payment link')) ?? items[0],
        showSaveDialog: async () => target,
        openExternal: async (uri) => (opened.push(uri.toString()), true),
      }),
    );
    const run = async (command: string): Promise<void> => {
      await vscode.commands.executeCommand(command);
      ran.add(command);
    };
    await run('xendit.selectTarget');
    assert.equal(await api.targets.kind(), 'sandbox');
    await run('xendit.newSessionRequest');
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, target.fsPath);
    // The step's [Create Session] link is clicked on the Welcome page: no text editor is active then, and the new
    // request is in view beside it (a webview panel stands in for the Welcome page here).
    const welcome = vscode.window.createWebviewPanel('xsp-test-welcome', 'Welcome', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false });
    restores.push(() => welcome.dispose());
    await waitFor(() => (vscode.window.activeTextEditor === undefined ? true : undefined), 'a webview to be the active editor');
    await run('xendit.createSession');
    const uri = target.toString();
    const created = await api.actions.panels.whenRendered(uri);
    assert.equal(created.status, 'ACTIVE');

    const link = api.actions.panels.lastPosted(uri);
    assert.ok(link?.type === 'result' && link.view.session?.paymentLinkUrl, 'the panel shows no payment link');
    // The panel's Open payment link button, as the user presses it (the link policy knows which server answered).
    api.actions.panels.get(uri)!.handleMessage({ type: 'openLink', url: link.view.session.paymentLinkUrl });
    await waitFor(() => opened.length > 0 || undefined, 'the payment link to open');
    assert.deepEqual(opened, [link.view.session.paymentLinkUrl]);
    await payOnCheckout(link.view.session.paymentLinkUrl);
    const refreshed = await api.actions.refresh(uri);
    assert.equal(refreshed?.view.session?.status, 'COMPLETED');

    const marked = new Set(api.walkthrough.marked());
    for (const step of steps) {
      const done = step.completionEvents.some((event) => {
        const [kind, name] = event.split(/:(.*)/s);
        return kind === 'onCommand' ? ran.has(name) : marked.has(name);
      });
      assert.ok(done, `step "${step.title}" was not completed by the flow (events: ${step.completionEvents.join(', ')})`);
    }
  });
});
