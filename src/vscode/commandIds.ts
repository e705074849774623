// Every command id the extension registers, in one place; package.json contributes the same ids.
export const CommandIds = {
  showLog: 'xendit.showLog',
} as const;

export type CommandId = (typeof CommandIds)[keyof typeof CommandIds];
