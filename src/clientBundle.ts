// Entry of dist/client.js: the HTTP client and the embedded sandbox, loaded on the first send.
import type * as SandboxServer from './sandbox/sandboxServer';

export * from './sessions/client';
export * from './sessions/redact';
export * from './sessions/requestExport';
export * from './sessions/handlerCheck';
export type { SandboxHandle, SandboxOptions } from './sandbox/sandboxServer';

/**
 * The sandbox (a node:http server, node:crypto for its ids) is evaluated on its first use: a send to a base URL,
 * which is every `xendit-sessions create --base-url`, never needs it. esbuild bundles a required module behind a
 * function that runs it once.
 */
function sandboxServer(): typeof SandboxServer {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- on purpose: a static import would run it at load
  return require('./sandbox/sandboxServer') as typeof SandboxServer;
}

export const startSandbox: typeof SandboxServer.startSandbox = (options) => sandboxServer().startSandbox(options);
export const sandboxTestKey: typeof SandboxServer.sandboxTestKey = () => sandboxServer().sandboxTestKey();
