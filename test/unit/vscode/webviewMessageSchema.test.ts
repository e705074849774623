import * as assert from 'node:assert/strict';
import type * as z from 'zod/mini';
import { MESSAGE_LIMITS, PANEL_ACTIONS, RESULT_OUTCOMES, panelStateSchema, restoredPanelStateSchema, webviewMessageSchema } from '../../../src/vscode/webviewMessageSchema';
import type { FromWebview, PanelAction, ResultView } from '../../../src/vscode/resultView';
import { EVERY_FROM_WEBVIEW } from '../../helpers/webviewMessages';

// The schemas are zod values and the view types are TypeScript types, declared apart (the schemas load with the
// model bundle, the types cost nothing). These lines stop compiling when the two drift (a new button, outcome or
// message type).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const typesAgree: [Same<(typeof PANEL_ACTIONS)[number], PanelAction>, Same<(typeof RESULT_OUTCOMES)[number], ResultView['outcome']>, Same<z.output<ReturnType<typeof webviewMessageSchema>>, FromWebview>] = [
  true,
  true,
  true,
];

function parse(raw: unknown): FromWebview | undefined {
  const parsed = webviewMessageSchema().safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

function restore(state: unknown): Record<string, unknown> | undefined {
  const parsed = restoredPanelStateSchema().safeParse(state);
  return parsed.success ? parsed.data.view : undefined;
}

const LINK = 'https://checkout-staging.xendit.co/sessions/ps-6750f6f1a1b2c3d4e5f60718';

describe('webview message schema', () => {
  it('is declared in step with the result view types', () => assert.deepEqual(typesAgree, [true, true, true]));

  it('accepts every FromWebview shape as a fresh object with only the known fields', () => {
    for (const message of EVERY_FROM_WEBVIEW) {
      const raw = { ...message, injected: '<img src=x onerror=alert(1)>', view: { actions: ['refresh'] } };
      const parsed = parse(raw);
      assert.deepEqual(parsed, message);
      assert.notEqual(parsed, raw);
    }
  });

  it('keeps the limits inclusive', () => {
    assert.ok(parse({ type: 'openLink', url: 'h'.repeat(MESSAGE_LIMITS.url) }));
    assert.ok(parse({ type: 'revealPath', path: 'p'.repeat(MESSAGE_LIMITS.path) }));
    assert.ok(parse({ type: 'rendered', outcome: 'session', status: 'S'.repeat(MESSAGE_LIMITS.status), firstPaintMs: 1 }));
  });

  const rendered = { type: 'rendered', outcome: 'session', firstPaintMs: 5 };
  const malformed: [string, unknown][] = [
    ['undefined', undefined],
    ['null', null],
    ['a number', 0],
    ['a string', 'ready'],
    ['an array', []],
    ['an array holding a message', [{ type: 'ready' }]],
    ['an object without a type', {}],
    ['a numeric type', { type: 1 }],
    ['a type in another case', { type: 'READY' }],
    ['an array as the type', { type: ['ready'] }],
    ['a type named after an Object.prototype member', { type: 'constructor' }],
    ['a type named toString', { type: 'toString' }],
    ['a type named __proto__', { type: '__proto__' }],
    ['a message type the extension only sends', { type: 'result', view: {} }],
    ['rendered without firstPaintMs', { type: 'rendered', outcome: 'session' }],
    ['rendered without outcome', { type: 'rendered', firstPaintMs: 5 }],
    ['a negative firstPaintMs', { ...rendered, firstPaintMs: -1 }],
    ['a NaN firstPaintMs', { ...rendered, firstPaintMs: NaN }],
    ['an infinite firstPaintMs', { ...rendered, firstPaintMs: Infinity }],
    ['a negatively infinite firstPaintMs', { ...rendered, firstPaintMs: -Infinity }],
    ['a firstPaintMs over an hour', { ...rendered, firstPaintMs: MESSAGE_LIMITS.firstPaintMs + 1 }],
    ['a firstPaintMs as a string', { ...rendered, firstPaintMs: '5' }],
    ['a firstPaintMs as an array', { ...rendered, firstPaintMs: [5] }],
    ['an unknown outcome', { ...rendered, outcome: 'other' }],
    ['an oversized status', { ...rendered, status: 'S'.repeat(MESSAGE_LIMITS.status + 1) }],
    ['an empty status', { ...rendered, status: '' }],
    ['a numeric status', { ...rendered, status: 7 }],
    ['a null status', { ...rendered, status: null }],
    ['a fractional seq', { ...rendered, seq: 1.5 }],
    ['a negative seq', { ...rendered, seq: -1 }],
    ['an unsafe integer seq', { ...rendered, seq: 2 ** 53 }],
    ['a NaN seq', { ...rendered, seq: NaN }],
    ['a seq as a string', { ...rendered, seq: '3' }],
    ['an empty url', { type: 'openLink', url: '' }],
    ['an oversized url', { type: 'openLink', url: 'h'.repeat(MESSAGE_LIMITS.url + 1) }],
    ['a url in an array', { type: 'openLink', url: [LINK] }],
    ['a url as an object that prints as one', { type: 'openLink', url: { toString: () => LINK } }],
    ['openLink without a url', { type: 'openLink' }],
    ['copy of something else', { type: 'copy', what: 'everything' }],
    ['copy of nothing', { type: 'copy' }],
    ['an oversized path', { type: 'revealPath', path: 'p'.repeat(MESSAGE_LIMITS.path + 1) }],
    ['an empty path', { type: 'revealPath', path: '' }],
    ['a path as an object', { type: 'revealPath', path: { toString: () => 'x' } }],
    ['autoRefresh with a number', { type: 'autoRefresh', on: 1 }],
    ['autoRefresh with a string', { type: 'autoRefresh', on: 'true' }],
    ['autoRefresh without on', { type: 'autoRefresh' }],
  ];
  for (const [what, raw] of malformed) {
    it(`refuses ${what}`, () => assert.equal(parse(raw), undefined));
  }

  it('does not carry a __proto__ key into the message or onto Object.prototype', () => {
    const raw: unknown = JSON.parse(`{"type":"openLink","url":"${LINK}","__proto__":{"polluted":true,"url":"https://evil.example"}}`);
    const parsed = parse(raw);
    assert.deepEqual(parsed, { type: 'openLink', url: LINK });
    assert.equal(Object.getPrototypeOf(parsed), Object.prototype);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(parse(JSON.parse('{"__proto__":{"type":"ready"}}')), undefined, 'a type on the own __proto__ key is not the message type');
  });
});

describe('panel state schema (what the webview saves)', () => {
  const uri = 'file:///w/payment-link-save.session.json';
  const parsePanel = (state: unknown) => {
    const parsed = panelStateSchema().safeParse(state);
    return parsed.success ? parsed.data : undefined;
  };

  it('reads the request URI and the auto-refresh toggle, and nothing else', () => {
    assert.deepEqual(parsePanel({ requestUri: uri, autoRefresh: true, view: { actions: ['refresh'] } }), { requestUri: uri, autoRefresh: true });
    assert.deepEqual(parsePanel({ requestUri: uri }), { requestUri: uri });
    assert.ok(parsePanel({ requestUri: 'u'.repeat(MESSAGE_LIMITS.requestUri) }));
  });

  for (const state of [undefined, null, {}, { requestUri: '' }, { requestUri: 7 }, { requestUri: 'u'.repeat(MESSAGE_LIMITS.requestUri + 1) }, { requestUri: uri, autoRefresh: 'yes' }]) {
    it(`refuses ${JSON.stringify(state)?.slice(0, 40)}`, () => assert.equal(parsePanel(state), undefined));
  }
});

describe('restored panel state schema', () => {
  const view = {
    requestUri: 'file:///w/payment-link-save.session.json',
    requestLabel: 'payment-link-save.session.json',
    target: { kind: 'sandbox', label: 'Sandbox (offline)', baseUrl: 'http://127.0.0.1:4010' },
    operation: 'create',
    sentAt: '2030-01-01T00:00:00.000Z',
    outcome: 'session',
    http: { status: 201, statusText: 'Created' },
    session: { id: 'ps-6750f6f1a1b2c3d4e5f60718', status: 'ACTIVE', paymentLinkUrl: LINK },
    headers: [['request-id', 'req-1']],
    requestOptions: [],
    body: { payment_session_id: 'ps-6750f6f1a1b2c3d4e5f60718' },
    actions: [...PANEL_ACTIONS],
  };

  it('keeps the whole view, the fields it does not check included', () => {
    assert.deepEqual(restore({ view, autoRefresh: true }), view);
    const apiError = { errorCode: 'API_VALIDATION_ERROR', message: 'bad', errors: [{ path: 'amount', message: 'x' }], explanation: 'e' };
    assert.deepEqual(restore({ view: { ...view, outcome: 'apiError', session: undefined, apiError } })?.apiError, apiError);
    assert.ok(restore({ view: { ...view, requestLabel: '', actions: [], http: undefined } }), 'an empty label and no buttons are a view');
    assert.ok(restore({ view: { ...view, requestUri: 'u'.repeat(MESSAGE_LIMITS.requestUri), requestLabel: 'l'.repeat(MESSAGE_LIMITS.requestLabel) } }));
  });

  const broken: [string, unknown][] = [
    ['no state', undefined],
    ['null', null],
    ['an array', [view]],
    ['a state without a view', {}],
    ['a null view', { view: null }],
    ['a view as an array', { view: [view] }],
    ['an empty requestUri', { view: { ...view, requestUri: '' } }],
    ['an oversized requestUri', { view: { ...view, requestUri: 'u'.repeat(MESSAGE_LIMITS.requestUri + 1) } }],
    ['a numeric requestUri', { view: { ...view, requestUri: 1 } }],
    ['an oversized requestLabel', { view: { ...view, requestLabel: 'l'.repeat(MESSAGE_LIMITS.requestLabel + 1) } }],
    ['a missing requestLabel', { view: { ...view, requestLabel: undefined } }],
    ['an unknown outcome', { view: { ...view, outcome: 'x' } }],
    ['an unknown action', { view: { ...view, actions: ['refresh', 'runShell'] } }],
    ['actions that are not an array', { view: { ...view, actions: 'refresh' } }],
    ['a session with a numeric id', { view: { ...view, session: { id: 1, status: 'ACTIVE' } } }],
    ['a session without a status', { view: { ...view, session: { id: 'ps-1' } } }],
    ['a null session', { view: { ...view, session: null } }],
    ['an apiError without errors', { view: { ...view, apiError: { errorCode: 'X' } } }],
    ['an apiError whose errors are an object', { view: { ...view, apiError: { errors: { 0: 'x' } } } }],
    ['an http status as a string', { view: { ...view, http: { status: '201' } } }],
    ['a NaN http status', { view: { ...view, http: { status: NaN } } }],
  ];
  for (const [what, state] of broken) {
    it(`refuses ${what}`, () => assert.equal(restore(state), undefined));
  }

  it('does not carry a __proto__ key into the view or onto Object.prototype', () => {
    const state: unknown = JSON.parse(JSON.stringify({ view }).replace('{"requestUri"', '{"__proto__":{"polluted":true,"actions":["refresh"]},"requestUri"'));
    const restored = restore(state);
    assert.ok(restored);
    assert.equal(Object.getPrototypeOf(restored), Object.prototype);
    assert.equal(Object.hasOwn(restored, '__proto__'), false);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
});
