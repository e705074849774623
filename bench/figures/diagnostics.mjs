// How long the editor's check of a large request takes: analyzeRequestText (parse, model, rules,
// ranges) on a valid ~1 MB PAY request with thousands of items, the median of repeated runs.
import { createRequire } from 'node:module';
import { join } from 'node:path';

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

export async function measure({ root }) {
  const require = createRequire(import.meta.url);
  const { analyzeRequestText } = require(join(root, 'out', 'src', 'sessions', 'requestDocument.js'));
  const { text, items } = largeRequestText(TARGET_BYTES);
  const now = new Date();

  const check = analyzeRequestText(text, { now });
  if (check.syntaxErrors.length > 0 || check.problems.length > 0) {
    throw new Error(`the bench request is not clean: ${JSON.stringify([...check.syntaxErrors, ...check.problems].slice(0, 3))}`);
  }

  const started = performance.now();
  const times = [];
  for (let run = 0; run < WARMUP_RUNS + MEASURED_RUNS && performance.now() - started < TIME_LIMIT_MS; run++) {
    const begin = performance.now();
    analyzeRequestText(text, { now });
    if (run >= WARMUP_RUNS) times.push(performance.now() - begin);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  return {
    diagnostics_ms_1mb: {
      value: Math.round(median * 10) / 10,
      unit: 'ms',
      goal: 50,
      note: `median of ${times.length} runs after ${WARMUP_RUNS} warm-ups; ${(text.length / 1024).toFixed(0)} KB, ${items} items, no problems`,
    },
  };
}
