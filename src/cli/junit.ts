// A JUnit XML report of a `create` batch, the format CI servers show as test results: one test case per file.
// Everything in it comes from request files or API answers, so every value is escaped.

export interface JunitCase {
  /** The request file's path. */
  readonly classname: string;
  /** The request's reference_id (the file name when it has none). */
  readonly name: string;
  readonly seconds: number;
  /** The request was refused: by validation, or by the API. */
  readonly failure?: { readonly type: string; readonly message: string; readonly details: string };
  /** No usable answer: a network error. */
  readonly error?: { readonly type: string; readonly message: string; readonly details: string };
  /** What was created, for a passing case. */
  readonly output?: string;
}

export interface JunitSuite {
  readonly name: string;
  readonly timestamp: Date;
  readonly cases: readonly JunitCase[];
}

/** Characters XML 1.0 cannot carry at all, even escaped; a response body may hold any of them. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text as element content. A carriage return is written as a reference: a parser turns a raw CR LF into LF.
 */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;');
}

/** Text as an attribute value: a parser turns a raw tab or line break there into a space, references it keeps. */
function escapeXmlAttribute(text: string): string {
  return escapeXml(text).replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

function attributes(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([name, value]) => ` ${name}="${escapeXmlAttribute(String(value))}"`)
    .join('');
}

function seconds(value: number): string {
  return (Math.round(value * 1000) / 1000).toFixed(3);
}

export function junitReport(suite: JunitSuite): string {
  const failures = suite.cases.filter((c) => c.failure).length;
  const errors = suite.cases.filter((c) => c.error).length;
  const time = seconds(suite.cases.reduce((sum, c) => sum + c.seconds, 0));
  const counts = { tests: suite.cases.length, failures, errors, time };
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes({ name: 'xendit-sessions', ...counts })}>`,
    `  <testsuite${attributes({ name: suite.name, ...counts, skipped: 0, timestamp: suite.timestamp.toISOString().replace(/\.\d{3}Z$/, '') })}>`,
  ];
  for (const c of suite.cases) {
    const head = `    <testcase${attributes({ classname: c.classname, name: c.name, time: seconds(c.seconds) })}`;
    const problem = c.failure ? { tag: 'failure', ...c.failure } : c.error ? { tag: 'error', ...c.error } : undefined;
    if (problem) {
      lines.push(`${head}>`);
      lines.push(`      <${problem.tag}${attributes({ type: problem.type, message: problem.message })}>${escapeXml(problem.details)}</${problem.tag}>`);
      lines.push('    </testcase>');
    } else if (c.output) {
      lines.push(`${head}>`, `      <system-out>${escapeXml(c.output)}</system-out>`, '    </testcase>');
    } else {
      lines.push(`${head}/>`);
    }
  }
  lines.push('  </testsuite>', '</testsuites>', '');
  return lines.join('\n');
}
