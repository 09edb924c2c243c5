import { db } from "../db";
import type { GradebookAssignment } from "./load-course-assignments";

/**
 * The hidden tests that fail most, per exercise assignment, over every graded submission:
 * failures, runs, and the most common failure message (grouped in SQL on the
 * (testId, passed) index; messages only for the failing rows).
 */
export async function analyticsFailingTests(assignments: readonly GradebookAssignment[], limit = 8) {
  // Two grouped queries per assignment, all assignments at once (a course has a handful).
  const exercises = assignments.filter((x) => x.kind === "EXERCISE");
  return Promise.all(exercises.map((a) => failingTestsOf(a, limit)));
}

async function failingTestsOf(a: GradebookAssignment, limit: number) {
  const where = { hidden: true, submission: { assignmentId: a.id } };
  const [runs, messages] = await Promise.all([
    db().testResult.groupBy({ by: ["testId", "passed"], where, _count: { _all: true } }),
    db().testResult.groupBy({ by: ["testId", "message"], where: { ...where, passed: false }, _count: { _all: true } }),
  ]);
  const tests = new Map<string, { testId: string; failures: number; runs: number; message: string; messageCount: number }>();
  for (const r of runs) {
    const t = tests.get(r.testId) ?? { testId: r.testId, failures: 0, runs: 0, message: "", messageCount: 0 };
    t.runs += r._count._all;
    if (!r.passed) t.failures += r._count._all;
    tests.set(r.testId, t);
  }
  for (const m of messages) {
    const t = tests.get(m.testId);
    if (t && m._count._all > t.messageCount) Object.assign(t, { message: m.message, messageCount: m._count._all });
  }
  const ranked = [...tests.values()].filter((t) => t.failures > 0).sort((x, y) => y.failures - x.failures || x.testId.localeCompare(y.testId));
  return { assignmentId: a.id, title: a.title, tests: ranked.slice(0, limit) };
}
