// Runs every figure module in bench/figures/, writes bench/results.json and prints a table.
// Each module exports `measure(ctx)` resolving to { name: { value, unit, goal?, better?, note? } }.
// Usage: npm run bench [-- --only name1,name2]
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const onlyArg = process.argv.indexOf('--only');
const only = onlyArg > 0 ? new Set(process.argv[onlyArg + 1].split(',')) : null;

const modules = readdirSync(join(root, 'bench', 'figures'))
  .filter((f) => f.endsWith('.mjs'))
  .sort();

const results = {};
for (const file of modules) {
  const name = file.replace(/\.mjs$/, '');
  if (only && !only.has(name)) continue;
  const mod = await import(pathToFileURL(join(root, 'bench', 'figures', file)).href);
  const started = Date.now();
  try {
    Object.assign(results, await mod.measure({ root }));
  } catch (err) {
    console.error(`bench: ${name} failed: ${err instanceof Error ? err.stack : err}`);
    process.exitCode = 1;
  }
  console.error(`bench: ${name} took ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const payload = { measuredAt: new Date().toISOString(), node: process.version, figures: results };
writeFileSync(join(root, 'bench', 'results.json'), JSON.stringify(payload, null, 2) + '\n');

const rows = Object.entries(results).map(([k, f]) => {
  const goal = f.goal === undefined ? '' : `${f.better === 'higher' ? '>=' : '<='} ${f.goal}`;
  const met = f.goal === undefined ? '' : (f.better === 'higher' ? f.value >= f.goal : f.value <= f.goal) ? 'yes' : 'NO';
  return [k, String(f.value), f.unit, goal, met, f.note ?? ''];
});
const header = ['figure', 'value', 'unit', 'goal', 'met', 'note'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r) => r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
console.log(`\nwritten to bench/results.json`);
