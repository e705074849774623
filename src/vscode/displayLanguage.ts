// Phrases (src/sessions/phrase.ts) in VS Code's display language: each template is looked up in the extension's l10n
// bundle, where `npm run l10n` put it, and English is used where the bundle has no entry.
import * as vscode from 'vscode';
import { type Phrase, type Say, say } from '../sessions/phrase';

export const inDisplayLanguage: Say = (template, args) => vscode.l10n.t(template, ...args);

export function sayInDisplayLanguage(phrases: Phrase | readonly Phrase[]): string {
  return say(phrases, inDisplayLanguage);
}
