// The only way the CLI writes: every line (and the JUnit report) passes through the same redaction as the extension's log, with the
// run's own secrets (the key, a webhook token) added, so nothing printed can carry them.
import { redactText } from '../sessions/redact';

export class Output {
  private readonly secrets: string[] = [];

  constructor(
    private readonly stdout: NodeJS.WritableStream = process.stdout,
    private readonly stderr: NodeJS.WritableStream = process.stderr,
  ) {}

  addSecret(secret: string | undefined): void {
    if (secret) this.secrets.push(secret);
  }

  /** For what the CLI writes to files (the JUnit report): the same redaction as its output. */
  redact(text: string): string {
    return redactText(text, this.secrets);
  }

  /** Results: what a script reads from stdout. */
  out(text: string): void {
    this.stdout.write(`${this.redact(text)}\n`);
  }

  /** Diagnostics and progress: stderr, so `--format json` output stays one document. */
  err(text: string): void {
    this.stderr.write(`${this.redact(text)}\n`);
  }

  json(value: unknown): void {
    this.out(JSON.stringify(value, null, 2));
  }
}
