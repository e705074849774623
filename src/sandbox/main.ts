// `npm run sandbox -- --port N [--webhook-url URL --callback-token T] [--rate-limit] [--max-sessions N]
// [--reject-active-reference-reuse]`: the
// embedded sandbox on its own.
import { checkForwardUrl, chooseCallbackToken, madeTokenLine } from '../sessions/forwardUrl';
import { sandboxTestKey, startSandbox } from './sandboxServer';

function usage(message: string): never {
  console.error(`${message}\nusage: sandbox [--port N] [--webhook-url URL] [--callback-token TOKEN] [--rate-limit] [--max-sessions N] [--reject-active-reference-reuse] [--quiet]`);
  process.exit(4);
}

export async function main(argv: string[]): Promise<void> {
  let port = 0;
  let webhookUrl: string | undefined;
  let callbackToken: string | undefined;
  let rateLimit = false;
  let quiet = false;
  let rejectActiveReferenceReuse = false;
  let maxSessions: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => argv[++i] ?? usage(`${arg} needs a value`);
    if (arg === '--port') {
      port = Number(value());
      if (!Number.isInteger(port) || port < 0 || port > 65535) usage('--port takes a number from 0 to 65535 (0 picks a free port)');
    } else if (arg === '--webhook-url') {
      webhookUrl = value();
      // The callback token goes with every delivery: https, or plain http only on this machine.
      const problem = checkForwardUrl(webhookUrl);
      if (problem) usage(`--webhook-url: ${problem}`);
    }
    else if (arg === '--callback-token') callbackToken = value();
    else if (arg === '--rate-limit') rateLimit = true;
    else if (arg === '--quiet') quiet = true;
    else if (arg === '--reject-active-reference-reuse') rejectActiveReferenceReuse = true;
    else if (arg === '--max-sessions') {
      maxSessions = Number(value());
      if (!Number.isInteger(maxSessions) || maxSessions < 1) usage('--max-sessions takes a whole number of sessions, 1 or more');
    }
    else usage(`unknown option ${arg}`);
  }
  // A sandbox that forwards webhooks always sends a token, as Xendit does: given, from the environment, or made.
  const callback = webhookUrl === undefined ? undefined : chooseCallbackToken(callbackToken, process.env);
  const sandbox = await startSandbox({ port, webhookUrl, callbackToken: callback?.token, rateLimit, maxSessions, rejectActiveReferenceReuse, log: quiet ? undefined : (line) => console.error(`[sandbox] ${line}`) });
  const stop = () => {
    void sandbox.close().then(() => process.exit(0));
  };
  // Handlers first: whoever reads the line below may signal at once.
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  console.log(`Xendit sandbox on ${sandbox.baseUrl} · test key: ${sandboxTestKey()}`);
  if (callback?.made) console.error(madeTokenLine(callback.token));
}

if (require.main === module) {
  void main(process.argv.slice(2)).catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  });
}
