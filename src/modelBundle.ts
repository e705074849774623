// Entry of dist/model.js: the request model, loaded on first use (see src/vscode/engine.ts).
export * from './sessions/schema';
export * from './sessions/rules';
export * from './sessions/validate';
export * from './sessions/requestDocument';
export * from './sessions/examples';
export * from './sessions/fixEdits';
export * from './sessions/jsonPath';
