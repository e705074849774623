// The built CLI on request files that are not plain UTF-8: UTF-16 with its byte order mark (what Windows
// PowerShell's `>` writes) is read as such, and bytes that are not UTF-8 stop every command that reads a request
// file with one message, before anything is sent. Real files in a temp folder, a real sandbox on 127.0.0.1.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { json, useCliFixture, valid, type Entry } from './cliFixture';

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function utf16(text: string, bigEndian: boolean): Buffer {
  const bytes = Buffer.from(`\ufeff${text}`, 'utf16le');
  return bigEndian ? bytes.swap16() : bytes;
}

describe('xendit-sessions on request files in other encodings (the built CLI)', function () {
  const fx = useCliFixture(this);
  const { cli, file, postsSeen } = fx;

  it('reads UTF-16 LE and BE with their byte order mark as it reads UTF-8, with or without one: same problems, same places', async () => {
    // Windows line ends, as PowerShell writes them; the amount's value is line 4, column 13.
    const text = ['{', '  "reference_id": "cli-encoded-1",', '  "description": "Kopi café ☕",', '  "amount": "ten thousand",', '  "session_type": "PAY",', '  "currency": "IDR",', '  "mode": "PAYMENT_LINK",', '  "country": "ID"', '}', ''].join('\r\n');
    const files: Record<string, Buffer> = {
      'utf8.session.json': Buffer.from(text),
      'utf8-bom.session.json': Buffer.concat([UTF8_BOM, Buffer.from(text)]),
      'utf16le.session.json': utf16(text, false),
      'utf16be.session.json': utf16(text, true),
    };
    for (const [name, bytes] of Object.entries(files)) writeFileSync(file(name), bytes);
    const run = await cli(['validate', '--format', 'json', ...Object.keys(files)]);
    assert.equal(run.code, 1, run.stdout + run.stderr);
    const checked = json(run) as { file: string; problems: Entry['problems'] }[];
    assert.deepEqual(checked.map((c) => c.file), Object.keys(files));
    for (const { file: name, problems } of checked) {
      assert.deepEqual(
        problems.map((p) => [p.severity, p.line, p.column, p.code]),
        [['error', 4, 13, 'INVALID_AMOUNT']],
        name,
      );
    }
  });

  it('sends what a UTF-16 file says, accents and all', async () => {
    writeFileSync(file('powershell.session.json'), utf16(`${JSON.stringify({ ...valid, reference_id: 'cli-utf16-1', description: 'Kopi café ☕' }, null, 2)}\r\n`, false));
    const run = await cli(['create', '--format', 'json', '--base-url', fx.sandbox.baseUrl, 'powershell.session.json']);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const [entry] = json(run) as Entry[];
    assert.equal(entry?.outcome, 'session');
    assert.equal((JSON.parse(entry?.result?.request.body ?? '{}') as { description?: string }).description, 'Kopi café ☕');
  });

  it('refuses a file that is not UTF-8 (café in Latin-1) with one message that names it, its line and the fix, and sends nothing', async () => {
    const text = JSON.stringify({ ...valid, reference_id: 'cli-latin1-1', description: 'Kopi café' }, null, 2);
    const line = text.split('\n').findIndex((l) => l.includes('café')) + 1;
    writeFileSync(file('latin1.session.json'), Buffer.from(text, 'latin1'));
    const commands = [
      ['validate', 'valid.session.json', 'latin1.session.json'],
      ['create', '--base-url', fx.sandbox.baseUrl, 'valid.session.json', 'latin1.session.json'],
      ['trigger', 'completed', 'latin1.session.json', '--base-url', fx.sandbox.baseUrl],
    ];
    for (const args of commands) {
      const before = postsSeen();
      const run = await cli(args);
      assert.equal(run.code, 4, `${args[0]}: ${run.stdout}${run.stderr}`);
      assert.equal(run.stdout, '', args[0]);
      assert.match(
        run.stderr,
        new RegExp(`^xendit-sessions: Cannot read latin1\\.session\\.json: it is not valid UTF-8 \\(line ${line} holds bytes that are not\\), and the API takes UTF-8 JSON\\. Save it as UTF-8 and run again .*"Save with Encoding" → UTF-8\\)\\. No file was checked or sent\\.\\n`),
        args[0],
      );
      assert.equal(run.stderr.match(/latin1\.session\.json/g)?.length, 1, run.stderr);
      assert.doesNotMatch(run.stderr, /\ufffd/);
      assert.equal(postsSeen(), before, `${args[0]} sent a request`);
    }
  });

  it('refuses a UTF-16 byte order mark over bytes that are not UTF-16, and UTF-32, with the same advice', async () => {
    const files: Record<string, { bytes: Buffer; says: RegExp }> = {
      'lone-surrogate.session.json': { bytes: utf16('{"description": "\ud800"}', false), says: /starts with a UTF-16 byte order mark but is not valid UTF-16/ },
      'odd-length.session.json': { bytes: Buffer.concat([utf16('{}', true), Buffer.from([0x0a])]), says: /starts with a UTF-16 byte order mark but is not valid UTF-16/ },
      'utf32.session.json': { bytes: Buffer.from([0xff, 0xfe, 0, 0, 0x7b, 0, 0, 0, 0x7d, 0, 0, 0]), says: /it is UTF-32/ },
      'utf32be.session.json': { bytes: Buffer.from([0, 0, 0xfe, 0xff, 0, 0, 0, 0x7b, 0, 0, 0, 0x7d]), says: /it is UTF-32/ },
    };
    for (const [name, { bytes, says }] of Object.entries(files)) {
      writeFileSync(file(name), bytes);
      const run = await cli(['validate', name]);
      assert.equal(run.code, 4, run.stdout + run.stderr);
      assert.match(run.stderr, says, name);
      assert.match(run.stderr, /the API takes UTF-8 JSON\. Save it as UTF-8 and run again/, name);
    }
  });

  it('refuses UTF-16 and UTF-32 without a byte order mark by their NUL bytes, with one message, and sends nothing', async () => {
    const text = `${JSON.stringify({ ...valid, reference_id: 'cli-no-bom-1' }, null, 2)}\n`;
    const utf32 = (bigEndian: boolean) => Buffer.concat([...text].map((c) => { const b = Buffer.alloc(4); if (bigEndian) b.writeUInt32BE(c.codePointAt(0)!); else b.writeUInt32LE(c.codePointAt(0)!); return b; }));
    const files: Record<string, Buffer> = {
      'utf16le-no-bom.session.json': Buffer.from(text, 'utf16le'),
      'utf16be-no-bom.session.json': Buffer.from(text, 'utf16le').swap16(),
      'utf32le-no-bom.session.json': utf32(false),
      'utf32be-no-bom.session.json': utf32(true),
    };
    for (const [name, bytes] of Object.entries(files)) {
      writeFileSync(file(name), bytes);
      for (const args of [['validate', name], ['create', '--base-url', fx.sandbox.baseUrl, name]]) {
        const before = postsSeen();
        const run = await cli(args);
        assert.equal(run.code, 4, `${name} ${args[0]}: ${run.stdout}${run.stderr}`);
        assert.match(run.stderr, /^xendit-sessions: Cannot read \S+: line 1 holds a NUL byte, which JSON text never does: it is likely UTF-16 or UTF-32 without a byte order mark, and the API takes UTF-8 JSON\./, name);
        assert.equal(run.stdout, '', name);
        assert.equal(run.stderr.split(name).length, 2, `one message about ${name}: ${run.stderr}`);
        assert.equal(postsSeen(), before, `${name} ${args[0]} sent a request`);
      }
    }
  });
});
