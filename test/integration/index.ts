// Entry point the extension host loads (extensionTestsPath): runs every *.test.js beside it with mocha.
// The same module runs under @vscode/test-electron on a desktop and inside code-server here.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { auditKeyLeaks } from './keyLeakAudit';
import { note, reportLines } from './report';

function findTests(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.test.js'))
    .map((d) => path.join(d.parentPath ?? d.path, d.name))
    .sort();
}

/**
 * The files in an order drawn from `seed` (XSP_TEST_SHUFFLE): each file must pass in any order, and a seed
 * repeats an order that failed. A small linear congruential generator is enough to mix a dozen names.
 */
function shuffled(files: string[], seed: number): string[] {
  let state = seed >>> 0 || 1;
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const out = [...files];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as string, out[i] as string];
  }
  return out;
}

export async function run(): Promise<void> {
  // The runner may ask for a copy of the report in a file: code-server does not forward the
  // extension host's stdout, so the file is how the pass count reaches the terminal there.
  const reportFile = process.env.XSP_TEST_REPORT;
  // Mocha's reporters print through Base.consoleLog (bound when mocha loads): route it into the report.
  const base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  const originalBaseLog = base.consoleLog;
  base.consoleLog = note;
  note(`running in VS Code ${vscode.version} (${vscode.env.appName}, ${vscode.env.remoteName ? `remote: ${vscode.env.remoteName}, ` : ''}UI: ${vscode.UIKind[vscode.env.uiKind]})`);
  // The key leak audit runs once every file is done, whichever ran and in what order (see keyLeakAudit.ts).
  const mocha = new Mocha({
    ui: 'bdd',
    timeout: 60_000,
    color: false,
    reporter: 'spec',
    rootHooks: {
      afterAll: async function (this: Mocha.Context) {
        this.timeout(60_000);
        await auditKeyLeaks();
      },
    },
  });
  const grep = process.env.XSP_TEST_GREP;
  if (grep) mocha.grep(grep);
  // XSP_TEST_FILES: a comma-separated list of file names to run alone (e.g. securityFaults.test.js).
  const only = process.env.XSP_TEST_FILES?.split(',').map((f) => f.trim()).filter(Boolean);
  let files = findTests(__dirname).filter((file) => !only || only.includes(path.basename(file)));
  const seed = process.env.XSP_TEST_SHUFFLE;
  if (seed) {
    // activation.test.js checks the window as it starts (the extension not yet active), a state that only exists
    // before the first file runs: it stays first, and every other file is shuffled.
    const first = files.filter((f) => path.basename(f) === 'activation.test.js');
    files = [...first, ...shuffled(files.filter((f) => !first.includes(f)), Number(seed))];
    note(`files in the order of seed ${seed}: ${files.map((f) => path.basename(f)).join(', ')}`);
  }
  for (const file of files) mocha.addFile(file);
  try {
    const { failures, stats } = await new Promise<{ failures: number; stats: Mocha.Stats | undefined }>((resolve) => {
      const runner = mocha.run((failures) => resolve({ failures, stats: runner.stats }));
    });
    if (reportFile) {
      fs.writeFileSync(
        reportFile,
        JSON.stringify({ passes: stats?.passes ?? 0, failures, pending: stats?.pending ?? 0, output: reportLines.join('\n') }),
      );
    }
    if (failures > 0) throw new Error(`${failures} integration test(s) failed.`);
  } finally {
    base.consoleLog = originalBaseLog;
  }
}
