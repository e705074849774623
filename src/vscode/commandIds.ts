// Every command id the extension registers, in one place; package.json contributes the same ids.
export const CommandIds = {
  createSession: 'xendit.createSession',
  newSessionRequest: 'xendit.newSessionRequest',
  setApiKey: 'xendit.setApiKey',
  clearApiKey: 'xendit.clearApiKey',
  selectTarget: 'xendit.selectTarget',
  showLog: 'xendit.showLog',
} as const;

export type CommandId = (typeof CommandIds)[keyof typeof CommandIds];

/** What the CodeLens passes to Create Session after the request's URI, so that it knows a click ran it. */
export const FROM_CODE_LENS = 'codeLens';
