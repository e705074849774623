// Small node:http helpers the sandbox's routes share.
import type { IncomingMessage } from 'node:http';

/** The request body, or 'too-large' past `maxBytes` (read and dropped, so the client gets an answer, not a reset). */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > maxBytes) {
        tooLarge = true;
        chunks.length = 0;
        // Read and drop the excess so the client gets a 413 rather than a connection reset, as a gateway
        // would answer; only a runaway upload, past 32 times the cap, is cut off.
        if (size > 32 * maxBytes) req.destroy();
      } else if (!tooLarge) chunks.push(c);
    });
    req.on('end', () => resolve(tooLarge ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
