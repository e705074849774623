// The JUnit writer on its own: what XML cannot carry (control characters, lone surrogates) is replaced, the
// rest is escaped, and the counts add up. The process tests read real reports back.
import * as assert from 'node:assert/strict';
import { escapeXml, junitReport } from '../../../src/cli/junit';
import { childrenNamed, parseXml } from './junitXml';

describe('junitReport', () => {
  it('escapes markup and replaces characters XML 1.0 cannot hold', () => {
    assert.equal(escapeXml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
    assert.equal(escapeXml('bell\u0007 nul\u0000 tab\t lf\n'), 'bell\ufffd nul\ufffd tab\t lf\n');
    assert.equal(escapeXml('lone \ud800 pair \ud83d\ude00'), 'lone \ufffd pair \ud83d\ude00');
  });

  it('writes a suite whose counts match its cases, and which reads back value for value', () => {
    const xml = junitReport({
      name: 'xendit-sessions create',
      timestamp: new Date('2030-01-01T00:00:00.123Z'),
      cases: [
        { classname: 'a.session.json', name: 'order-1', seconds: 0.0421, output: '201 ACTIVE' },
        { classname: 'b.session.json', name: 'order <2>', seconds: 0.01, failure: { type: 'INVALID_AMOUNT', message: '400 "x" & y', details: 'line 1\nline 2' } },
        { classname: 'c.session.json', name: 'order-3', seconds: 1, error: { type: 'refused', message: 'no answer', details: '\u001b[31mred\u001b[0m' } },
      ],
    });
    const suite = childrenNamed(parseXml(xml), 'testsuite')[0];
    assert.ok(suite);
    assert.deepEqual(
      { ...suite.attributes },
      { name: 'xendit-sessions create', tests: '3', failures: '1', errors: '1', time: '1.052', skipped: '0', timestamp: '2030-01-01T00:00:00' },
    );
    const [passed, failed, broken] = childrenNamed(suite, 'testcase');
    assert.equal(passed?.attributes.time, '0.042');
    assert.equal(childrenNamed(passed!, 'system-out')[0]?.text, '201 ACTIVE');
    assert.equal(failed?.attributes.name, 'order <2>');
    assert.deepEqual({ ...childrenNamed(failed!, 'failure')[0]?.attributes }, { type: 'INVALID_AMOUNT', message: '400 "x" & y' });
    assert.equal(childrenNamed(failed!, 'failure')[0]?.text, 'line 1\nline 2');
    assert.equal(childrenNamed(broken!, 'error')[0]?.text, '\ufffd[31mred\ufffd[0m');
  });

  it('keeps tabs and line breaks in attributes and carriage returns in text, which XML parsers otherwise normalize', () => {
    const message = 'first line\nsecond\tcolumn\r\nthird';
    const xml = junitReport({
      name: 'xendit-sessions create',
      timestamp: new Date('2030-01-01T00:00:00Z'),
      cases: [{ classname: 'a\tb.session.json', name: 'order\n1', seconds: 0, failure: { type: 'INVALID_REQUEST', message, details: 'windows\r\nlines\rold mac' } }],
    });
    const testcase = childrenNamed(childrenNamed(parseXml(xml), 'testsuite')[0]!, 'testcase')[0]!;
    assert.deepEqual([testcase.attributes.classname, testcase.attributes.name], ['a\tb.session.json', 'order\n1']);
    const failure = childrenNamed(testcase, 'failure')[0];
    assert.equal(failure?.attributes.message, message);
    assert.equal(failure?.text, 'windows\r\nlines\rold mac');
  });
});
