// "Did you mean": the known word within a small edit distance of a typed one.

/** The candidate within a small edit distance of `word` (typos, case), or undefined. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const target = word.toLowerCase();
  let best: string | undefined;
  const limit = target.length <= 4 ? 1 : target.length <= 8 ? 2 : 3;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const distance = editDistance(target, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
