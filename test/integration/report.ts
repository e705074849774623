// Lines for the suite's report. The extension host's console is VS Code's own (not reassignable, and not
// forwarded to the terminal by code-server), so index.ts collects the report here and writes it to a file.
import { format } from 'node:util';

export const reportLines: string[] = [];

/** Print a line in the test report (and the extension host's console). */
export function note(...args: unknown[]): void {
  const line = format(...args);
  reportLines.push(line);
  console.log(line);
}
