// Reading an answer: the body within its cap, the headers that matter, and what the body is (a session, a Xendit
// error, or something else, said in words).
import { STATUS_CODES } from 'node:http';
import type { ApiErrorEntry, ReceivedResponse, SentRequest, SessionsResult, Timings } from './client';
import { type Phrase, phrase, say } from './phrase';
import { ApiError, Session } from './schema';
import type { Dispatcher } from './undiciParts';

/** How much of an unusable body a result keeps, as text. */
export const FIRST_BYTES = 2048;

export class BodyTooLarge extends Error {
  constructor(readonly head: string) {
    super('response body over the cap');
  }
}

type Body = Dispatcher.ResponseData['body'];

/**
 * The body as text. A body that announces its length within the cap is read by undici in one go (the fast,
 * common case); any other is streamed and cut off past the cap.
 */
export function readBody(body: Body, contentLength: number | undefined, cap: number): Promise<string> {
  if (contentLength !== undefined && contentLength <= cap) return body.text();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    body.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > cap) {
        body.removeAllListeners('data');
        body.destroy();
        reject(new BodyTooLarge(Buffer.concat([...chunks, chunk]).subarray(0, FIRST_BYTES).toString('utf8')));
        return;
      }
      chunks.push(chunk);
    });
    body.once('end', () => resolve((chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size)).toString('utf8')));
    body.once('error', reject);
  });
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v.join(', ') : v;
}

function isMatteringHeader(name: string): boolean {
  return name === 'location' || name === 'request-id' || name === 'x-request-id' || name === 'xendit-request-id' || name === 'retry-after' || name.startsWith('rate-limit-') || name.startsWith('x-ratelimit-');
}

/**
 * The status and the headers that matter, each value passed through `scrub` (a server can echo anything in a
 * header, the key included).
 */
export function describeResponse(
  status: number,
  headers: Record<string, string | string[] | undefined>,
  scrub: (text: string) => string = (text) => text,
): { public: ReceivedResponse; status: number; contentLength?: number } {
  const mattering: [string, string][] = [];
  for (const name in headers) {
    if (!isMatteringHeader(name)) continue;
    const value = headerValue(headers[name]);
    if (value !== undefined) mattering.push([name, scrub(value)]);
  }
  const contentType = headerValue(headers['content-type']);
  const num = (name: string) => {
    const v = headerValue(headers[name]);
    const n = v === undefined || v === '' ? NaN : Number(v);
    return Number.isFinite(n) ? n : undefined;
  };
  const limit = num('rate-limit-limit');
  const remaining = num('rate-limit-remaining');
  const resetSeconds = num('rate-limit-reset');
  const hasRate = limit !== undefined || remaining !== undefined || resetSeconds !== undefined;
  return {
    status,
    contentLength: num('content-length'),
    public: {
      status,
      statusText: STATUS_CODES[status] ?? '',
      contentType: contentType === undefined ? undefined : scrub(contentType),
      headers: mattering,
      requestId: headerValue(headers['request-id']) ?? headerValue(headers['x-request-id']),
      rateLimit: hasRate ? { limit, remaining, resetSeconds } : undefined,
    },
  };
}

/** Why an answer could not be used: in English, and as a phrase for the editor's language. */
export function because(why: Phrase): { readonly reason: string; readonly reasonSays: readonly Phrase[] } {
  return { reason: say(why), reasonSays: [why] };
}

export function interpret(request: SentRequest, response: ReceivedResponse, timings: Timings, text: string): SessionsResult {
  const unexpected = (why: Phrase, body?: unknown): SessionsResult => ({ kind: 'unexpectedResponse', request, response, timings, ...because(why), firstBytes: text.slice(0, FIRST_BYTES), body });
  const location = response.headers.find(([name]) => name === 'location')?.[1];
  if (response.status >= 300 && response.status < 400 && location) {
    return unexpected(
      phrase(
        'The server answered {0} and points to {1} instead. Redirects are not followed, so the request and the key went nowhere else: if that is the right server, put it in the base URL.',
        response.status,
        location,
      ),
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    if (!/\bjson\b/i.test(response.contentType ?? '')) {
      const status = response.status;
      const type = response.contentType;
      if (status >= 500) {
        return unexpected(
          type
            ? phrase('The server answered {0} with "{1}" instead of JSON (often a proxy or load balancer error page).', status, type)
            : phrase('The server answered {0} with no content type instead of JSON (often a proxy or load balancer error page).', status),
        );
      }
      return unexpected(type ? phrase('The server answered {0} with "{1}" instead of JSON.', status, type) : phrase('The server answered {0} with no content type instead of JSON.', status));
    }
    return unexpected(
      text.length === 0 ? phrase('The response body is empty where JSON was expected.') : phrase('The JSON body is truncated or malformed ({0} characters received).', text.length),
    );
  }
  if (response.status >= 200 && response.status < 300) {
    const parsed = Session.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue.path.join('.');
      return unexpected(
        where ? phrase('The body does not look like a session: {0}: {1}.', where, issue.message) : phrase('The body does not look like a session: {0}.', issue.message),
        body,
      );
    }
    return { kind: 'session', request, response, timings, session: parsed.data, body };
  }
  const parsed = ApiError.safeParse(body);
  if (!parsed.success) return unexpected(phrase('The server answered {0} with JSON that is not a Xendit error body.', response.status), body);
  const errors: ApiErrorEntry[] = (parsed.data.errors ?? []).map((e: unknown) => {
    if (typeof e === 'string') return { message: e };
    const o = (e ?? {}) as Record<string, unknown>;
    const path = typeof o.path === 'string' ? o.path : Array.isArray(o.path) ? o.path.join('.') : typeof o.field === 'string' ? o.field : undefined;
    const message = typeof o.message === 'string' ? o.message : JSON.stringify(e);
    return path ? { path, message } : { message };
  });
  return { kind: 'apiError', request, response, timings, error: { errorCode: parsed.data.error_code, message: parsed.data.message, errors }, body };
}
