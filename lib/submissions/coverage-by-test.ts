import type { Coverage } from "../kernel/strategies/coverage";

const KINDS = new Set(["exhaustive", "pct", "random"]);

/**
 * Each test's stated coverage (TestReport.coverage) from a stored grade report, by test id.
 * The report was bounded and checked when it was recorded; this only guards against reports
 * written before coverage existed or in another shape, which then show no coverage.
 */
export function coverageByTest(report: unknown): Map<string, Coverage> {
  const out = new Map<string, Coverage>();
  const tests = (report as { tests?: unknown } | null)?.tests;
  if (!Array.isArray(tests)) return out;
  for (const t of tests as Array<{ id?: unknown; coverage?: unknown }>) {
    const c = t?.coverage as { kind?: unknown } | undefined;
    if (typeof t?.id === "string" && c && typeof c === "object" && KINDS.has(c.kind as string)) out.set(t.id, c as Coverage);
  }
  return out;
}
