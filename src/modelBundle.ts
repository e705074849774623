// Entry of dist/model.js: the request model and the result panel's message schemas, loaded on first use (see src/vscode/engine.ts).
export * from './sessions/schema';
export * from './sessions/rules';
export * from './sessions/validate';
export * from './sessions/requestDocument';
export * from './sessions/placeholderAssist';
export * from './sessions/examples';
export * from './sessions/fixEdits';
export * from './sessions/jsonPath';
export * from './vscode/webviewMessageSchema';
