// Entry of dist/client.js: the HTTP client and the embedded sandbox, loaded on the first send.
export * from './sessions/client';
export * from './sessions/redact';
export * from './sandbox/sandboxServer';
export * from './sessions/requestExport';
