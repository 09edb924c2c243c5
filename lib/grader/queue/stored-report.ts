import type { GradeReport } from "../types";

/**
 * What Submission.report holds (JSON): everything of the GradeReport except the per-test
 * results, which live in TestResult rows.
 */
export type StoredReport = Omit<GradeReport, "tests">;

export function toStoredReport(report: GradeReport): string {
  const { tests: _tests, ...stored } = report;
  return JSON.stringify(stored satisfies StoredReport);
}
