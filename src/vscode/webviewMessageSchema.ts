// The shapes the result panel's webview may post back and the state a panel may be restored from, as zod schemas.
// The protocol between the extension and its webview, so it lives with the shell; it imports no `vscode` and loads
// with the model bundle (dist/model.js), so zod stays off the activation path. src/vscode/webviewMessages.ts
// applies them, and a unit test keeps them in step with the types in src/vscode/resultView.ts.
// Each is built on its first use: they were 295 of the 1,296 zod objects model.js built as it loaded (counted),
// which neither the CLI nor the first Create Session needs before its panel answers.
import * as z from 'zod/mini';

export const MESSAGE_LIMITS = {
  url: 8192,
  path: 512,
  status: 64,
  /** An hour: anything slower than that is not a measurement worth keeping. */
  firstPaintMs: 3_600_000,
  requestUri: 8192,
  requestLabel: 512,
} as const;

/** ResultView['outcome']. */
export const RESULT_OUTCOMES = ['session', 'apiError', 'unexpectedResponse', 'networkError'] as const;
/** PanelAction: the buttons the extension handles. */
export const PANEL_ACTIONS = [
  'openLink', 'copyLink', 'copyId', 'openBody', 'refresh', 'cancelSession', 'autoRefresh', 'copyAsCurl', 'copyAsCode', 'showRequest', 'paySandbox', 'expireSandbox',
] as const;
/** Messages that carry nothing but their type. */
const BARE_MESSAGE_TYPES = ['ready', 'openBody', 'refresh', 'cancelSession', 'copyAsCurl', 'copyAsCode', 'showRequest', 'paySandbox', 'expireSandbox'] as const;

const boundedString = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

/** `build`, called once, on the first call of the function returned. */
function builtOnFirstUse<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => (built ??= build());
}

/**
 * A FromWebview message. Objects here strip what they do not declare, so a parsed message is a fresh object with
 * only the known fields: a newer panel script that adds one stays compatible, and nothing else gets through.
 * z.number() refuses NaN and infinities; z.int() is a safe integer.
 */
export const webviewMessageSchema = builtOnFirstUse(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.enum(BARE_MESSAGE_TYPES) }),
    z.object({
      type: z.literal('rendered'),
      outcome: z.enum(RESULT_OUTCOMES),
      status: z.optional(boundedString(MESSAGE_LIMITS.status)),
      firstPaintMs: z.number().check(z.minimum(0), z.maximum(MESSAGE_LIMITS.firstPaintMs)),
      seq: z.optional(z.int().check(z.minimum(0))),
    }),
    z.object({ type: z.literal('openLink'), url: boundedString(MESSAGE_LIMITS.url) }),
    z.object({ type: z.literal('copy'), what: z.enum(['link', 'id', 'body']) }),
    z.object({ type: z.literal('revealPath'), path: boundedString(MESSAGE_LIMITS.path) }),
    z.object({ type: z.literal('autoRefresh'), on: z.boolean() }),
  ]),
);

/**
 * What a webview saves with setState: which request's panel it is, and whether its auto-refresh is on. What the panel shows comes back from the store
 * of shown sessions (src/vscode/shownSessions.ts), not from the webview.
 */
export const panelStateSchema = builtOnFirstUse(() => z.object({ requestUri: boundedString(MESSAGE_LIMITS.requestUri), autoRefresh: z.optional(z.boolean()) }));

/**
 * What a webview of an earlier version saved with setState (the whole view), as far as the extension reads it. Only those fields are checked; the view
 * keeps the rest (loose objects), which the webview renders defensively.
 */
export const restoredPanelStateSchema = builtOnFirstUse(() =>
  z.object({
    view: z.looseObject({
      requestUri: boundedString(MESSAGE_LIMITS.requestUri),
      requestLabel: z.string().check(z.maxLength(MESSAGE_LIMITS.requestLabel)),
      outcome: z.enum(RESULT_OUTCOMES),
      actions: z.array(z.enum(PANEL_ACTIONS)),
      session: z.optional(z.looseObject({ id: z.string(), status: z.string() })),
      apiError: z.optional(z.looseObject({ errors: z.array(z.unknown()) })),
      http: z.optional(z.looseObject({ status: z.number() })),
    }),
  }),
);
