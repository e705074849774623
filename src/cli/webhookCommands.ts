// `xendit-sessions listen` and `trigger`: the webhook side of a Sessions integration from a terminal, like
// `stripe listen --forward-to` and `stripe trigger`, offline. listen runs a sandbox that forwards its events to
// the developer's handler and prints each event and delivery; trigger makes an event happen on a running one.
import type { DeliveryAttempt, WebhookChange, WebhookRecord } from '../sandbox/webhookDispatcher';
import { UsageError } from './args';
import { loadClient, loadModel } from './bundles';
import { withoutSchemaKey } from '../sessions/requestBody';
import { checkFile, readRequestFiles, startPortSandbox, stopSignal, type CommandOf } from './commands';
import { ExitCode, exitCodeOf, problemLine, resultLines } from './format';
import type { Output } from './output';
import { checkBaseUrl, KEY_VARIABLE } from './target';
import { classifyKey } from '../sessions/keys';
import { chooseCallbackToken, madeTokenLine } from '../sessions/forwardUrl';

function eventLine(r: WebhookRecord): string {
  return `${r.created}  ${r.event}  ${r.sessionId}  ${r.referenceId}  ${r.status}  ${r.id}`;
}

function attemptLine(r: WebhookRecord, a: DeliveryAttempt): string {
  const outcome = a.status !== undefined ? `HTTP ${a.status}` : `failed: ${a.error ?? 'no answer'}`;
  const answer = a.answer ? `  answer: ${a.answer.replace(/\s+/g, ' ').slice(0, 120)}` : '';
  const next = r.nextAttemptAt && !(a.status !== undefined && a.status < 300 && a.status >= 200) ? `  next attempt at ${r.nextAttemptAt}` : '';
  return `  → ${a.kind === 'resend' ? 'resend' : `attempt ${a.attempt}`}  ${outcome}  ${a.durationMs} ms${answer}${next}`;
}

/** Runs until SIGINT or SIGTERM, printing each event and delivery; resolves 0. */
export async function runListen(command: CommandOf<'listen'>, env: NodeJS.ProcessEnv, out: Output): Promise<number> {
  const { token, made } = chooseCallbackToken(command.callbackToken, env);
  const lib = loadClient(undefined, { longRunning: true });
  const sandbox = await startPortSandbox(lib, {
    port: command.port,
    webhookUrl: command.forwardTo,
    callbackToken: token,
    log: command.verbose ? (line) => out.err(`[sandbox] ${line}`) : undefined,
  });
  out.out(`Xendit sandbox on ${sandbox.baseUrl}`);
  // Shown once, before it joins the secrets every later line is cleaned of.
  if (made) out.err(madeTokenLine(token));
  out.addSecret(token);
  out.err(
    `Forwarding payment_session webhooks to ${command.forwardTo} with x-callback-token. Make one happen with: xendit-sessions trigger completed --base-url ${sandbox.baseUrl} (or pay a session's payment link). Ctrl+C stops it.`,
  );
  // Printed as the changes happen, before this process could end; the first delivery usually follows the event.
  const writer = (change: WebhookChange) => {
    if (change.kind === 'event') out.out(eventLine(change.record));
    else if (change.kind === 'attempt') out.out(attemptLine(change.record, change.attempt));
    // 'stopped' follows a target turned off, which listen never does.
  };
  sandbox.webhooks.onChange(writer);
  await stopSignal();
  const pending = sandbox.webhooks.events().filter((r) => r.outcome === 'pending').length;
  await sandbox.close();
  out.err(`stopped${pending > 0 ? ` (${pending} event${pending === 1 ? '' : 's'} still waiting for a retry were not delivered)` : ''}`);
  return ExitCode.ok;
}

/** A small valid PAY request, for a trigger without a file. */
function defaultRequest(): Record<string, unknown> {
  return { reference_id: `trigger-${Date.now()}`, session_type: 'PAY', currency: 'IDR', amount: 10000, mode: 'PAYMENT_LINK', country: 'ID' };
}

export async function runTrigger(command: CommandOf<'trigger'>, env: NodeJS.ProcessEnv, out: Output): Promise<number> {
  const baseUrl = command.baseUrl?.replace(/\/+$/, '');
  if (baseUrl === undefined) throw new UsageError('trigger needs the running sandbox\'s URL: --base-url http://127.0.0.1:PORT (the first line `xendit-sessions listen` or `sandbox` prints).');
  const problem = checkBaseUrl(baseUrl);
  if (problem) throw new UsageError(problem);
  if (!/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/i.test(baseUrl)) throw new UsageError(`--base-url must be a sandbox on this machine (http://127.0.0.1:PORT): Xendit itself has no trigger routes; got ${baseUrl}.`);
  let body: unknown = defaultRequest();
  if (command.file !== undefined) {
    const [input] = readRequestFiles([command.file]);
    const checked = checkFile(loadModel(), input.file, input.text, env);
    for (const p of checked.problems) out.err(problemLine(input.file, p));
    if (checked.syntaxError || checked.errors > 0) {
      out.err(`✖ ${input.file}: not sent, it has errors; fix them (xendit-sessions validate ${input.file}) and trigger again.`);
      return ExitCode.invalid;
    }
    body = withoutSchemaKey(checked.value);
  }
  const envKey = env[KEY_VARIABLE];
  out.addSecret(envKey);
  const lib = loadClient(baseUrl);
  const secretKey = envKey && classifyKey(envKey) === 'test' ? envKey : lib.sandboxTestKey();
  out.addSecret(secretKey);
  const client = new lib.SessionsClient({ baseUrl, secretKey });
  const created = await client.createSession(body);
  if (created.kind !== 'session') {
    for (const line of resultLines(created, { label: 'create' })) out.err(line);
    return exitCodeOf(created);
  }
  const id = created.session.payment_session_id;
  const action = command.event === 'completed' ? 'complete' : 'expire';
  let res: Response;
  try {
    res = await fetch(`${baseUrl}/_sandbox/sessions/${encodeURIComponent(id)}/${action}`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${secretKey}:`).toString('base64')}` },
      signal: AbortSignal.timeout(10_000),
    });
  } catch (err) {
    out.err(`✖ ${baseUrl} did not answer the trigger: ${err instanceof Error ? ((err.cause as Error | undefined)?.message ?? err.message) : String(err)}`);
    return ExitCode.network;
  }
  const answer = (await res.json().catch(() => undefined)) as { status?: string; message?: string } | undefined;
  if (!res.ok) {
    const hint = res.status === 404 && !answer?.message?.startsWith('No session') ? ' Is --base-url a playground sandbox (`xendit-sessions listen` or `sandbox`)?' : '';
    out.err(`✖ the sandbox refused to ${action} ${id}: HTTP ${res.status} ${answer?.message ?? ''}${hint}`);
    return ExitCode.apiError;
  }
  const event = `payment_session.${command.event}`;
  if (command.format === 'json') out.json({ event, payment_session_id: id, reference_id: created.session.reference_id, status: answer?.status });
  else out.out(`✔ ${event}  ${id}  ${created.session.reference_id}  ${answer?.status ?? ''}  (the sandbox sends it to its forward URL, if it has one)`);
  return ExitCode.ok;
}
