// Entry point the extension host loads (extensionTestsPath): runs every *.test.js beside it with mocha.
// The same module runs under @vscode/test-electron on a desktop and inside code-server here.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { note, reportLines } from './report';

function findTests(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.test.js'))
    .map((d) => path.join(d.parentPath ?? d.path, d.name))
    .sort();
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
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  const grep = process.env.XSP_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const file of findTests(__dirname)) mocha.addFile(file);
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
