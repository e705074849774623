// In test runs only: a record of everything the extension showed or handed out (messages, input prompts,
// clipboard text, webview messages), so the security suite can prove no key ever appears in any of it.

export class Transcript {
  readonly entries: string[] = [];

  add(kind: string, value: unknown): void {
    let text: string;
    try {
      text = typeof value === 'string' ? value : JSON.stringify(value);
    } catch {
      text = String(value);
    }
    this.entries.push(`${kind}: ${text}`);
  }
}
