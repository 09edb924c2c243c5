import { db } from "../db";
import { notFoundError } from "../http/api-error";
import { toStatusViews } from "../grader/queue/get-submission-status";
import { counterexampleTrace } from "./counterexample-trace";
import { coverageByTest } from "../submissions/coverage-by-test";

/**
 * A submission to one of the course's assignments, everything included (staff view): the
 * code, the grader's report, every test (hidden ones too) with its message, replay token, the
 * counterexample's trace, parsed for the timeline view, and what its exploration covered. 404 when it belongs to another course.
 */
export async function getCourseSubmission(courseId: string, submissionId: string) {
  const submission = await db().submission.findFirst({
    where: { id: submissionId, assignment: { courseId } },
    include: {
      user: { select: { id: true, name: true, email: true, studentId: true } },
      assignment: { select: { id: true, title: true } },
      exercise: { select: { slug: true, titleEn: true, titleKo: true } },
      results: { orderBy: { id: "asc" } },
    },
  });
  if (!submission) throw notFoundError("Submission");
  const report = submission.report ? (JSON.parse(submission.report) as { verdict?: string; error?: string; compile?: { diagnostics?: Array<{ line: number; column: number; severity: string; message: string }> } }) : null;
  const [status] = await toStatusViews(db(), [submission]);
  const coverage = coverageByTest(report);
  return {
    ...submission,
    live: status,
    report,
    results: submission.results.map((r) => ({ ...r, trace: counterexampleTrace(r.trace), coverage: coverage.get(r.testId) ?? null })),
  };
}
