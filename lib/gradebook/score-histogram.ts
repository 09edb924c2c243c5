/**
 * Counts of scores (as a fraction of the maximum) in `buckets` equal bands, the top band
 * including 100 %; scores above the maximum (overrides with extra credit) land in it too.
 */
export function scoreHistogram(scores: readonly number[], maxScore: number, buckets = 10): Array<{ band: string; count: number }> {
  const counts = new Array<number>(buckets).fill(0);
  for (const s of scores) {
    const ratio = maxScore > 0 ? s / maxScore : 0;
    counts[Math.min(buckets - 1, Math.max(0, Math.floor(ratio * buckets)))]++;
  }
  const width = 100 / buckets;
  return counts.map((count, i) => ({ band: `${Math.round(i * width)}–${Math.round((i + 1) * width)}%`, count }));
}
