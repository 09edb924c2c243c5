/**
 * A date as "YYYY-MM-DD HH:mm UTC": the same text on the server and in the browser (no
 * hydration mismatch), unambiguous for a course spread over time zones.
 */
export function formatDate(d: Date | string | null): string {
  if (!d) return "";
  return `${new Date(d).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** A score with at most two decimals. */
export function formatScore(n: number | null): string {
  return n === null ? "—" : String(Math.round(n * 100) / 100);
}

/** A late penalty (a fraction) as a whole-percent deduction: 0.25 → "−25%". */
export function formatPenalty(p: number): string {
  return `−${Math.round(p * 100)}%`;
}
