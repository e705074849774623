// The sandbox in its own process, as a remote API would be: its work is then not on the measuring process's
// event loop. Its first line names its URL and a test key.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** Starts `script` (a built sandbox entry) on a free port, with `extraArgs`; resolves once it has printed its banner. */
export async function startSandboxProcess(script, extraArgs = []) {
  const child = spawn(process.execPath, [script, '--port', '0', '--quiet', ...extraArgs], { stdio: ['ignore', 'pipe', 'inherit'] });
  const first = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the sandbox did not start within 10 s')), 10_000);
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      resolve(line);
    });
    child.once('exit', (code) => reject(new Error(`the sandbox exited with ${code}`)));
  });
  const baseUrl = /(http:\/\/127\.0\.0\.1:\d+)/.exec(first)?.[1];
  const key = /(xnd_development_\S+)/.exec(first)?.[1];
  if (!baseUrl || !key) throw new Error(`unexpected sandbox banner: ${first.replace(/xnd_\S+/g, '[key]')}`);
  const stop = () =>
    new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
  return { baseUrl, key, stop, pid: child.pid };
}
