// Plain HTTP calls for the sandbox's tests, on their own keep-alive Agent, so the sandbox is tested without the
// client it also serves.
import { Agent, request } from 'undici';

export interface CallResult {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
  /** The body as JSON, or undefined when it is not JSON. */
  readonly json: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read fields freely
}

export interface CallOptions {
  /** Sent as Basic auth (the key as user name, empty password). */
  readonly key?: string;
  /** A literal Authorization header, for malformed-auth tests. */
  readonly authorization?: string;
  /** Sent as JSON. */
  readonly body?: unknown;
  /** Sent as it is (malformed JSON, form posts). */
  readonly rawBody?: string;
  readonly headers?: Record<string, string>;
}

export class HttpCaller {
  private readonly agent = new Agent({ keepAliveTimeout: 1_000 });

  constructor(private readonly baseUrl: string) {}

  async call(method: 'GET' | 'POST', path: string, options: CallOptions = {}): Promise<CallResult> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (options.key !== undefined) headers.authorization = `Basic ${Buffer.from(`${options.key}:`).toString('base64')}`;
    if (options.authorization !== undefined) headers.authorization = options.authorization;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    const url = path.startsWith('http') ? path : `${this.baseUrl}${path}`;
    const res = await request(url, { method, headers, body, dispatcher: this.agent });
    const text = await res.body.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.statusCode, headers: res.headers, text, json };
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}
