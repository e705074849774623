// The only way the CLI writes: every line (and the JUnit report) passes through the same redaction as the extension's log, with the
// run's own secrets (the key, a webhook token) added, so nothing printed can carry them.
import * as fs from 'node:fs';
import { redactText } from '../sessions/redact';

/** Where one of the CLI's streams goes. */
export interface Sink {
  write(text: string): void;
  /** Calls back once everything written so far has left the process. */
  flush(done: () => void): void;
}

export class Output {
  private readonly secrets: string[] = [];

  constructor(
    private readonly stdout: Sink = sinkFor(1, () => process.stdout),
    private readonly stderr: Sink = sinkFor(2, () => process.stderr),
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

  /** Calls back once both streams are written out. */
  flush(done: () => void): void {
    let pending = 2;
    const one = () => {
      if (--pending === 0) done();
    };
    this.stdout.flush(one);
    this.stderr.flush(one);
  }
}

/**
 * A pipe, a socket or a file (CI logs, `| jq`, a parent process such as the tests) is written with fs.writeSync:
 * process.stdout would first build a stream for it, loading Node's net and stream modules (about 6 ms of a
 * `validate`, which needs neither). A terminal gets Node's own stream, which knows how to talk to a console.
 */
function sinkFor(fd: number, stream: () => NodeJS.WriteStream): Sink {
  let plain = false;
  try {
    const stat = fs.fstatSync(fd);
    plain = stat.isFIFO() || stat.isSocket() || stat.isFile();
  } catch {
    // No such descriptor (closed by the caller): Node's stream copes with that.
  }
  return plain ? new DescriptorSink(fd) : new StreamSink(stream());
}

/** Writes at once. A reader that went away (`| head`) ends the output quietly; a full non-blocking pipe is waited on. */
export class DescriptorSink implements Sink {
  private closed = false;

  constructor(private readonly fd: number) {}

  write(text: string): void {
    if (this.closed) return;
    const bytes = Buffer.from(text, 'utf8');
    let offset = 0;
    while (offset < bytes.length) {
      try {
        offset += fs.writeSync(this.fd, bytes, offset);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') {
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
          continue;
        }
        // EPIPE and the like: nobody reads any more, so nothing more is written.
        this.closed = true;
        return;
      }
    }
  }

  flush(done: () => void): void {
    done();
  }
}

class StreamSink implements Sink {
  constructor(private readonly stream: NodeJS.WriteStream) {
    // A reader that goes away early is no reason to crash.
    stream.on('error', () => undefined);
  }

  write(text: string): void {
    this.stream.write(text);
  }

  flush(done: () => void): void {
    this.stream.write('', done);
  }
}
