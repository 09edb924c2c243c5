import type { Coverage } from "../kernel/strategies/coverage";

const KINDS = new Set(["exhaustive", "pct", "random"]);

/**
 * Each test's stated coverage from a stored grade report (Submission.report's `coverage`, by
 * test id: lib/grader/queue/stored-report.ts). The report was bounded and checked when it was
 * recorded; this only guards against reports written before coverage was stored, or in another
 * shape, which then show no coverage.
 */
export function coverageByTest(report: unknown): Map<string, Coverage> {
  const out = new Map<string, Coverage>();
  const coverage = (report as { coverage?: unknown } | null)?.coverage;
  if (!coverage || typeof coverage !== "object" || Array.isArray(coverage)) return out;
  for (const [id, c] of Object.entries(coverage as Record<string, unknown>)) {
    if (c && typeof c === "object" && KINDS.has((c as { kind?: unknown }).kind as string)) out.set(id, c as Coverage);
  }
  return out;
}
