// Entry of dist/cli.js, the `xendit-sessions` command: reads the command line, runs one command, exits with its code.
// This bundle stays small; the model and the HTTP client are separate bundles that only the commands using them load.
import { PRODUCT_VERSION } from '../sessions/version';
import { parseArgs, USAGE, UsageError } from './args';
import { saveCodeCache } from './bundles';
import { runCreate, runLookup, runSandbox, runValidate } from './commands';
import { ExitCode } from './format';
import { Output } from './output';
import { runListen, runTrigger } from './webhookCommands';

async function run(argv: readonly string[], out: Output): Promise<number> {
  if (argv.length === 0) {
    out.err(USAGE);
    return ExitCode.usage;
  }
  const command = parseArgs(argv);
  switch (command.name) {
    case 'help':
      out.out(USAGE);
      return ExitCode.ok;
    case 'version':
      out.out(PRODUCT_VERSION);
      return ExitCode.ok;
    case 'validate':
      return runValidate(command, process.env, out);
    case 'create':
      return runCreate(command, process.env, out);
    case 'get':
    case 'cancel':
      return runLookup(command, process.env, out);
    case 'sandbox':
      return runSandbox(command, process.env, out);
    case 'listen':
      return runListen(command, process.env, out);
    case 'trigger':
      return runTrigger(command, process.env, out);
  }
}

const out = new Output();

/**
 * Exits as soon as the output is written rather than when the event loop drains: a keep-alive socket or a
 * sandbox timer must not hold a CI step open. The writes are flushed first (a terminal is written asynchronously).
 */
function exit(code: number): void {
  saveCodeCache();
  out.flush(() => process.exit(code));
}

// Whatever the command, the environment's key is never printed, even by one that does not send it.
out.addSecret(process.env.XENDIT_SECRET_KEY);
run(process.argv.slice(2), out).then(exit, (err: unknown) => {
  if (err instanceof UsageError) {
    out.err(`xendit-sessions: ${err.message}\nRun \`xendit-sessions --help\` for the commands, options and exit codes.`);
    exit(ExitCode.usage);
    return;
  }
  out.err(`xendit-sessions: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\nPlease report it, with the command you ran.`);
  exit(ExitCode.internal);
});
