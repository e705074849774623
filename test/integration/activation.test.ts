// The extension as VS Code sees it: installed, activated by its first command, every command registered.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';

const EXTENSION_ID = 'xendit-playground.xendit-sessions-playground';

describe('extension', () => {
  it('is installed and not active before any command runs', () => {
    const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
    const json = vscode.workspace.textDocuments.filter((d) => d.languageId === 'json').map((d) => d.uri.toString());
    assert.equal(ext.isActive, false, `the extension activated before any of its commands ran; JSON documents open: ${json.join(', ') || 'none'}`);
  });

  it('activates on its first command', async () => {
    await vscode.commands.executeCommand('xendit.showLog');
    const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID)!;
    assert.equal(ext.isActive, true);
    assert.equal(typeof ext.exports.activationMs, 'number');
  });

  it('registers every command it contributes', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const contributed: { command: string }[] = ext.packageJSON.contributes.commands;
    assert.ok(contributed.length > 0);
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.map((c) => c.command).filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });

  it('ships the JSON schema it contributes for *.session.json', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const validations: { fileMatch: string; url: string }[] = ext.packageJSON.contributes.jsonValidation;
    const forSessions = validations.find((v) => v.fileMatch === '*.session.json');
    assert.ok(forSessions, 'no jsonValidation entry for *.session.json');
    const file = path.join(ext.extensionPath, forSessions.url);
    assert.ok(fs.existsSync(file), `${file} does not exist`);
    const schema = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert.equal(schema.type, 'object');
  });
});
