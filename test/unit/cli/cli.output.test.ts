// The built CLI's code cache, and how it writes its output into pipes, files and a reader that goes away.
// Shared setup (session files, sandbox, keys) is in cliFixture.ts; all traffic stays on 127.0.0.1.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useCliFixture, valid } from './cliFixture';
import { cliPath, runCli, startCli, waitFor, type CliRun } from './cliProcess';

describe('xendit-sessions (the built CLI, run as a process)', function () {
  const fx = useCliFixture(this);
  const { file, env } = fx;

  describe('the code cache', () => {
    /** A runner whose code cache lives in a home of its own, and that cache's folder. */
    function withOwnCache(): { cacheDir: string; run(args: string[]): Promise<CliRun> } {
      const home = mkdtempSync(join(fx.dir, 'home-'));
      return {
        cacheDir: join(home, 'cache', 'xendit-sessions'),
        run: (args) => runCli(args, { cwd: fx.dir, env: { ...env(), HOME: home, XDG_CACHE_HOME: join(home, 'cache') } }),
      };
    }

    it('is written on the first run and used after; a corrupt cache is replaced, never trusted', async () => {
      const { cacheDir, run } = withOwnCache();
      assert.equal((await run(['validate', 'valid.session.json'])).code, 0);
      const [model] = readdirSync(cacheDir).filter((name) => name.startsWith('model-'));
      assert.ok(model, 'no cache for the model bundle');
      const written = readFileSync(join(cacheDir, model));
      assert.equal((await run(['validate', 'valid.session.json'])).code, 0);
      assert.deepEqual(readFileSync(join(cacheDir, model)), written, 'a usable cache was rewritten');
      writeFileSync(join(cacheDir, model), Buffer.alloc(written.length, 7));
      const afterCorruption = await run(['validate', 'invalid.session.json']);
      assert.equal(afterCorruption.code, 1, afterCorruption.stderr);
      assert.match(afterCorruption.stdout, /invalid\.session\.json:5:13: error/);
      assert.deepEqual(readdirSync(cacheDir).filter((name) => name.startsWith('model-')), [model]);
      assert.notDeepEqual(readFileSync(join(cacheDir, model)), Buffer.alloc(written.length, 7));
    });

    // A create changes a V8 flag before it loads the client, and V8 refuses a cache made under other flags: each
    // bundle's cache must be made under the flags its next load sees, whichever command comes next.
    it('stays valid from one command to the next: no cache is rewritten once every bundle has one', async () => {
      const cached = withOwnCache();
      const cacheDir = cached.cacheDir;
      const run = async (args: string[], expectedCode = 0) => {
        const result = await cached.run(args);
        assert.equal(result.code, expectedCode, `${args.join(' ')}: ${result.stdout}${result.stderr}`);
      };
      const create = ['create', '--target', 'sandbox', '--base-url', fx.sandbox.baseUrl, 'valid.session.json'];
      const snapshot = () => Object.fromEntries(readdirSync(cacheDir).map((name) => [name, readFileSync(join(cacheDir, name)).toString('base64')]));
      await run(create);
      const first = snapshot();
      assert.deepEqual(Object.keys(first).map((name) => name.split('-')[0]).sort(), ['client', 'model']);
      // A get of an unknown id is answered 404 (exit 2): it still loads both bundles, which is all it is here for.
      const steps: [string[], number][] = [[['validate', 'valid.session.json'], 0], [create, 0], [['get', '--target', 'sandbox', '--base-url', fx.sandbox.baseUrl, 'ps-unknown'], 2], [['validate', 'valid.session.json'], 0]];
      for (const [args, expectedCode] of steps) {
        await run(args, expectedCode);
        assert.deepEqual(snapshot(), first, `the cache changed after ${args[0]}`);
      }
    });
  });

  // Pipes, sockets and files are written with fs.writeSync, a terminal through Node's stream (see output.ts).
  describe('output', () => {
    it('writes all of a large output through a pipe its reader drains slowly', async () => {
      // 4,000 empty items, each missing its six required fields: megabytes of problems as JSON.
      writeFileSync(file('many-problems.session.json'), JSON.stringify({ ...valid, items: Array.from({ length: 4000 }, () => ({})) }));
      const run = startCli(['validate', '--format', 'json', 'many-problems.session.json'], { cwd: fx.dir, env: env() });
      // The reader pauses until its own buffer is full, so it stops reading and the pipe behind it fills: the CLI
      // has to wait, not drop or fail.
      const stdout = run.child.stdout!;
      stdout.pause();
      await waitFor("the paused reader's buffer to fill", () => (stdout.readableLength >= stdout.readableHighWaterMark ? true : undefined));
      stdout.resume();
      const { code } = await run.exited;
      assert.equal(code, 1, run.stderr());
      assert.ok(run.stdout().length > 1024 * 1024, `only ${run.stdout().length} characters came through`);
      const [report] = JSON.parse(run.stdout()) as { errors: number; problems: unknown[] }[];
      assert.equal(report.errors, 24_000);
      assert.equal(report.problems.length, 24_000);
    });

    it('writes into a file given as its stdout', async () => {
      const outFile = file('validate-output.txt');
      const fd = openSync(outFile, 'w');
      try {
        const child = spawn(process.execPath, [cliPath, 'validate', 'invalid.session.json'], { cwd: fx.dir, env: { PATH: process.env.PATH, HOME: fx.dir }, stdio: ['ignore', fd, 'pipe'] });
        const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
        assert.equal(code, 1);
      } finally {
        closeSync(fd);
      }
      assert.match(readFileSync(outFile, 'utf8'), /^invalid\.session\.json:5:13: error/m);
    });

    it('keeps its exit code, and says nothing of an error, when the reader of its output goes away (| head)', async () => {
      const run = startCli(['validate', 'invalid.session.json', 'syntax.session.json'], { cwd: fx.dir, env: env() });
      run.child.stdout?.destroy();
      const { code } = await run.exited;
      assert.equal(code, 1);
      assert.doesNotMatch(run.stderr(), /internal error|EPIPE/);
    });
  });
});
