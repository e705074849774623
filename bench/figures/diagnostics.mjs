// How long the editor's check of a large request takes: analyzeRequestText (parse, model, rules,
// ranges) on a valid ~1 MB PAY request with thousands of items, the median of repeated runs; and how
// the time grows with the number of problems to locate (5,000 vs 10,000 items each with a bad url):
// locating is linear when doubling the problems about doubles the time.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { median } from '../lib/stats.mjs';

const TARGET_BYTES = 1024 * 1024;
const WARMUP_RUNS = 5;
const MEASURED_RUNS = 30;
const TIME_LIMIT_MS = 20_000;

/** A PAY request whose items add up to its amount, pretty-printed like a file a user keeps, about `bytes` long. */
function largeRequestText(bytes) {
  const items = [];
  const request = {
    reference_id: 'bench-large-order',
    session_type: 'PAY',
    currency: 'IDR',
    amount: 0,
    mode: 'PAYMENT_LINK',
    country: 'ID',
    description: 'A large basket to measure diagnostics',
    items,
    success_return_url: 'https://yourcompany.com/success/bench',
    cancel_return_url: 'https://yourcompany.com/cancel/bench',
  };
  // One pretty-printed item is about 250 bytes; add them in batches and re-measure the whole text.
  while (JSON.stringify(request, null, 2).length < bytes) {
    for (let batch = 0; batch < 200; batch++) {
      const index = items.length;
      const item = {
        reference_id: `sku-${index}`,
        type: 'PHYSICAL_PRODUCT',
        name: `Item number ${index}`,
        net_unit_amount: 1000 + index,
        quantity: 1 + (index % 3),
        category: 'General merchandise',
        url: `https://yourcompany.com/items/${index}`,
        description: `A realistic description of item ${index}`,
      };
      items.push(item);
      request.amount += item.net_unit_amount * item.quantity;
    }
  }
  return { text: JSON.stringify(request, null, 2), items: items.length };
}

/** A PAY request with `count` items, each with a url missing its scheme: one problem per item. */
function requestWithProblems(count) {
  const items = Array.from({ length: count }, (_, index) => ({ reference_id: `sku-${index}`, type: 'PHYSICAL_PRODUCT', name: `Item ${index}`, category: 'Bulk', net_unit_amount: 1, quantity: 1, url: `shop.example/${index}` }));
  const request = { reference_id: 'bench-problems', session_type: 'PAY', currency: 'IDR', amount: count, mode: 'PAYMENT_LINK', country: 'ID', items };
  return JSON.stringify(request, null, 2);
}

/** Median time of analyzeRequestText over repeated runs, bounded by MEASURED_RUNS and TIME_LIMIT_MS. */
function medianMs(analyzeRequestText, text, now) {
  const started = performance.now();
  const times = [];
  for (let run = 0; run < WARMUP_RUNS + MEASURED_RUNS && performance.now() - started < TIME_LIMIT_MS; run++) {
    const begin = performance.now();
    analyzeRequestText(text, { now });
    if (run >= WARMUP_RUNS) times.push(performance.now() - begin);
  }
  return { median: median(times), runs: times.length };
}

export async function measure({ root }) {
  const require = createRequire(import.meta.url);
  const { analyzeRequestText } = require(join(root, 'out', 'src', 'sessions', 'requestDocument.js'));
  const { text, items } = largeRequestText(TARGET_BYTES);
  const now = new Date();

  const check = analyzeRequestText(text, { now });
  if (check.syntaxErrors.length > 0 || check.problems.length > 0) {
    throw new Error(`the bench request is not clean: ${JSON.stringify([...check.syntaxErrors, ...check.problems].slice(0, 3))}`);
  }

  const clean = medianMs(analyzeRequestText, text, now);

  const counts = [5000, 10000];
  const withProblems = counts.map((count) => {
    const problemText = requestWithProblems(count);
    const found = analyzeRequestText(problemText, { now }).problems.length;
    if (found !== count) throw new Error(`expected ${count} problems, found ${found}`);
    return medianMs(analyzeRequestText, problemText, now);
  });
  return {
    diagnostics_ms_1mb: {
      value: Math.round(clean.median * 10) / 10,
      unit: 'ms',
      goal: 50,
      note: `median of ${clean.runs} runs after ${WARMUP_RUNS} warm-ups; ${(text.length / 1024).toFixed(0)} KB, ${items} items, no problems`,
    },
    diagnostics_ms_5000_problems: {
      value: Math.round(withProblems[0].median * 10) / 10,
      unit: 'ms',
      note: `median of ${withProblems[0].runs} runs; 5,000 items, each with a problem located at its value`,
    },
    diagnostics_problem_scaling: {
      value: Math.round((withProblems[1].median / withProblems[0].median) * 100) / 100,
      unit: 'x',
      goal: 2.5,
      note: 'time for 10,000 problems over time for 5,000: about 2 when locating is linear, 4 when quadratic',
    },
  };
}
