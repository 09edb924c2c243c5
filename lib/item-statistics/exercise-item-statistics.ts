import { median } from "./statistics-math";

export type ExerciseResultRow = { testId: string; title: string; passed: boolean; failureKind: string | null; shape: string | null };
export type ExerciseSubmissionRow = { userId: string; submittedAt: Date; score: number | null; maxScore: number | null; results: readonly ExerciseResultRow[] };

export type ExerciseItemStats = {
  tests: Array<{ testId: string; title: string; n: number; passRate: number | null; failures: Array<{ kind: string; count: number; rate: number }> }>;
  /** Median number of submissions a student needed to first reach full marks (among those who did). */
  medianAttemptsToFullMarks: number | null;
  studentsWithFullMarks: number;
  students: number;
  /** The most common counterexample shapes over all failing tests, with how often each was seen. */
  shapes: Array<{ shape: string; count: number; tests: string[] }>;
};

/** Recorded failure class of a failing test; "unrecorded" where the stored result carries none. */
export const UNRECORDED = "unrecorded";

/**
 * Exercise item statistics from graded submissions: for each test, how many runs passed and,
 * of the failing ones, how many fell in each failure class; the attempts students needed to
 * reach full marks; and the counterexample shapes seen most often.
 */
export function exerciseItemStatistics(submissions: readonly ExerciseSubmissionRow[], topShapes = 10): ExerciseItemStats {
  const tests = new Map<string, { title: string; n: number; passed: number; failures: Map<string, number> }>();
  const shapes = new Map<string, { count: number; tests: Set<string> }>();
  for (const s of submissions) {
    for (const r of s.results) {
      const t = tests.get(r.testId) ?? { title: r.title, n: 0, passed: 0, failures: new Map<string, number>() };
      t.n++;
      if (r.passed) t.passed++;
      else {
        const kind = r.failureKind ?? UNRECORDED;
        t.failures.set(kind, (t.failures.get(kind) ?? 0) + 1);
        if (r.shape) {
          const sh = shapes.get(r.shape) ?? { count: 0, tests: new Set<string>() };
          sh.count++;
          sh.tests.add(r.testId);
          shapes.set(r.shape, sh);
        }
      }
      tests.set(r.testId, t);
    }
  }
  const byStudent = new Map<string, ExerciseSubmissionRow[]>();
  for (const s of submissions) byStudent.set(s.userId, [...(byStudent.get(s.userId) ?? []), s]);
  const attemptsToFull: number[] = [];
  for (const list of byStudent.values()) {
    const ordered = [...list].sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
    const first = ordered.findIndex((s) => s.score !== null && s.maxScore !== null && s.maxScore > 0 && s.score >= s.maxScore);
    if (first >= 0) attemptsToFull.push(first + 1);
  }
  return {
    tests: [...tests.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([testId, t]) => ({
        testId,
        title: t.title,
        n: t.n,
        passRate: t.n ? t.passed / t.n : null,
        failures: [...t.failures.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([kind, count]) => ({ kind, count, rate: count / t.n })),
      })),
    medianAttemptsToFullMarks: median(attemptsToFull),
    studentsWithFullMarks: attemptsToFull.length,
    students: byStudent.size,
    shapes: [...shapes.entries()]
      .sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))
      .slice(0, topShapes)
      .map(([shape, v]) => ({ shape, count: v.count, tests: [...v.tests].sort() })),
  };
}
