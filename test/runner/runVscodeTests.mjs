// Runs the integration suite (out/test/integration/index.js) inside a real VS Code extension host.
//   node test/runner/runVscodeTests.mjs             code-server + headless Chromium (works offline, here)
//   node test/runner/runVscodeTests.mjs --desktop   @vscode/test-electron (downloads VS Code; needs the internet)
// Options: --grep <pattern>  run only matching tests; --keep  keep the workspace copy for inspection;
//          --tests <file>  another test module (the benchmark's measurements run this way).
// Prints the suite's own report and exits with its result.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureTools } from './tools.mjs';
import { launchBrowser, startCodeServer, workbenchUrl } from './codeServer.mjs';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const argv = process.argv.slice(2);
const desktop = argv.includes('--desktop');
const keep = argv.includes('--keep');
const grepAt = argv.indexOf('--grep');
const grep = grepAt >= 0 ? argv[grepAt + 1] : process.env.XSP_TEST_GREP;
// A bound on a run that hangs, not a goal: on a busy machine the suite has taken over 15 minutes.
const SUITE_TIMEOUT_MS = Number(process.env.XSP_SUITE_TIMEOUT_MINUTES || 40) * 60_000;

const testsAt = argv.indexOf('--tests');
const testsPath = testsAt >= 0 ? resolve(argv[testsAt + 1]) : join(root, 'out', 'test', 'integration', 'index.js');
if (!existsSync(testsPath)) {
  console.error(`${testsPath} is missing: build the tests first (node scripts/build.mjs --tests).`);
  process.exit(2);
}
if (!existsSync(join(root, 'dist', 'extension.js'))) {
  console.error('dist/extension.js is missing: run npm run build first.');
  process.exit(2);
}

// The tests write files (new requests, edits): give them a throwaway copy of the fixture workspace.
const scratch = mkdtempSync(join(tmpdir(), 'xsp-workspace-'));
const workspace = join(scratch, 'workspace');
cpSync(join(root, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
const reportFile = join(scratch, 'report.json');
const env = {
  XSP_TEST_REPORT: reportFile,
  XSP_REPO_ROOT: root,
  ...(grep ? { XSP_TEST_GREP: grep } : {}),
  // One file or a few alone (XSP_TEST_FILES=securityFaults.test.js), and the files in a shuffled order (XSP_TEST_SHUFFLE=seed).
  ...(process.env.XSP_TEST_FILES ? { XSP_TEST_FILES: process.env.XSP_TEST_FILES } : {}),
  ...(process.env.XSP_TEST_SHUFFLE ? { XSP_TEST_SHUFFLE: process.env.XSP_TEST_SHUFFLE } : {}),
  ...(process.env.XSP_BENCH_OUT ? { XSP_BENCH_OUT: process.env.XSP_BENCH_OUT } : {}),
  // Tests that would skip for a missing tool fail instead in CI, where .ci/run installs it.
  ...(process.env.CI ? { CI: process.env.CI } : {}),
};

function printReport(label) {
  if (!existsSync(reportFile)) return null;
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  console.log(report.output);
  console.log(`\n${label}: ${report.passes} passed, ${report.failures} failed${report.pending ? `, ${report.pending} skipped` : ''}`);
  return report;
}

async function runDesktop() {
  const { runTests } = await import('@vscode/test-electron');
  Object.assign(process.env, env);
  try {
    await runTests({
      extensionDevelopmentPath: root,
      extensionTestsPath: testsPath,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    });
    printReport('integration (desktop VS Code)');
    return 0;
  } catch (err) {
    printReport('integration (desktop VS Code)');
    console.error(String(err));
    return 1;
  }
}

async function runCodeServer() {
  const tools = ensureTools();
  const verbose = process.env.XSP_VERBOSE === '1';
  const server = await startCodeServer({
    tools,
    smokeTestDriver: true,
    env,
    onOutput: verbose ? (l) => console.log(`[code-server] ${l}`) : undefined,
  });
  let browser;
  try {
    browser = await launchBrowser(tools);
    const page = await browser.newPage();
    let settle;
    const exitCode = new Promise((r) => (settle = r));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      if (verbose) console.log(`[workbench:${type}]`, ...(Array.isArray(args) ? args : [args]));
    });
    await page.exposeFunction('codeAutomationExit', (code) => settle(code));
    page.on('pageerror', (e) => verbose && console.log(`[page error] ${e.message}`));
    // The suite's own end (codeAutomationExit) or SUITE_TIMEOUT_MS bounds the run: waiting for the page's load
    // event too failed runs on a busy machine at playwright's 30 s default, before a test had started.
    await page.goto(
      workbenchUrl(server, { folder: workspace, extensionDevelopmentPath: root, extensionTestsPath: testsPath }),
      { waitUntil: 'commit', timeout: 120_000 },
    );
    const timer = setTimeout(() => settle('timeout'), SUITE_TIMEOUT_MS);
    const code = await exitCode;
    clearTimeout(timer);
    const report = printReport('integration (VS Code in code-server)');
    if (code === 'timeout') {
      console.error(`The integration suite did not finish within ${SUITE_TIMEOUT_MS / 60000} minutes.`);
      return 1;
    }
    if (!report) {
      console.error(`The extension host ended (exit ${code}) without a test report. code-server said:\n${server.output.slice(-60).join('\n')}`);
      return 1;
    }
    return code === 0 && report.failures === 0 ? 0 : 1;
  } finally {
    await browser?.close().catch(() => {});
    await server.stop();
  }
}

let status = 1;
try {
  status = desktop ? await runDesktop() : await runCodeServer();
} catch (err) {
  console.error(err instanceof Error ? err.stack : err);
} finally {
  if (!keep) rmSync(scratch, { recursive: true, force: true, maxRetries: 3 });
  else console.log(`workspace kept at ${workspace}`);
}
process.exit(status);
