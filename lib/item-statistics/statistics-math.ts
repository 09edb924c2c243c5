/** Small, dependency-free statistics for item analysis. Empty inputs give null, never NaN. */

export function mean(xs: readonly number[]): number | null {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
}

export function median(xs: readonly number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * Pearson's correlation of paired values; with a 0/1 `x` this is the point-biserial
 * correlation. Null when either side has no variance (everyone right, or all equal totals):
 * the item then says nothing about who knows more.
 */
export function pearson(x: readonly number[], y: readonly number[]): number | null {
  const n = x.length;
  if (n < 2 || y.length !== n) return null;
  const mx = mean(x)!;
  const my = mean(y)!;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  if (sxx === 0 || syy === 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}

/**
 * The upper-lower discrimination index: the item's mean score in the top 27 % of takers by
 * total minus that in the bottom 27 % (at least one taker per group). Ties in the total are
 * broken by the given order, so the result is deterministic. Null under two takers.
 */
export function upperLower(items: readonly number[], totals: readonly number[], fraction = 0.27): number | null {
  const n = items.length;
  if (n < 2) return null;
  const group = Math.max(1, Math.round(n * fraction));
  const order = items.map((_, i) => i).sort((a, b) => totals[b] - totals[a] || a - b);
  const upper = mean(order.slice(0, group).map((i) => items[i]))!;
  const lower = mean(order.slice(n - group).map((i) => items[i]))!;
  return upper - lower;
}
