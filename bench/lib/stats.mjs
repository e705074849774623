// Small statistics shared by the figure modules.

/** The median of `values` (the upper middle one for an even count); the input is left unsorted. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
