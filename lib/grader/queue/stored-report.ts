import type { Coverage } from "../../kernel/strategies/coverage";
import type { GradeReport } from "../types";

/**
 * What Submission.report holds (JSON): everything of the GradeReport except the per-test
 * results, which live in TestResult rows, and what each test's exploration covered, by test
 * id (small structured data the results panel and the instructor view render in the viewer's
 * language: lib/submissions/coverage-by-test.ts).
 */
export type StoredReport = Omit<GradeReport, "tests"> & { coverage?: Record<string, Coverage> };

export function toStoredReport(report: GradeReport): string {
  const { tests, ...rest } = report;
  const coverage: Record<string, Coverage> = {};
  for (const t of tests) if (t.coverage) coverage[t.id] = t.coverage;
  const stored: StoredReport = Object.keys(coverage).length ? { ...rest, coverage } : rest;
  return JSON.stringify(stored);
}
