import { db } from "../db";
import { forbiddenError, notFoundError } from "../http/api-error";
import type { CurrentUser } from "../auth/current-user";
import { toStatusViews } from "../grader/queue/get-submission-status";

async function isStaffFor(viewer: CurrentUser, studentId: string, courseId: string | null): Promise<boolean> {
  if (viewer.role === "ADMIN") return true;
  if (viewer.role !== "INSTRUCTOR") return false;
  // Instructors see submissions of students in a course they teach (the assignment's, or any shared one for practice).
  const teaching = await db().enrollment.findMany({ where: { userId: viewer.id, role: "INSTRUCTOR", ...(courseId ? { courseId } : {}) }, select: { courseId: true } });
  if (teaching.length === 0) return false;
  const shared = await db().enrollment.count({ where: { userId: studentId, courseId: { in: teaching.map((t) => t.courseId) } } });
  return shared > 0;
}

/**
 * A submission as the viewer may see it: its owner (with test details per the assignment's
 * visibility policy), the course's instructors and admins (everything). Others get 403/404.
 */
export async function getSubmissionForViewer(viewer: CurrentUser, submissionId: string) {
  const submission = await db().submission.findUnique({
    where: { id: submissionId },
    include: { exercise: { select: { slug: true, titleKo: true, titleEn: true } }, assignment: { select: { courseId: true, testVisibility: true, dueAt: true } }, results: { orderBy: { id: "asc" } } },
  });
  if (!submission) throw notFoundError("Submission");
  const own = submission.userId === viewer.id;
  const staff = !own && (await isStaffFor(viewer, submission.userId, submission.assignment?.courseId ?? null));
  if (!own && !staff) throw forbiddenError();

  const visibility = submission.assignment?.testVisibility ?? "VISIBLE";
  const detailsVisible = staff || visibility === "VISIBLE" || (visibility === "AFTER_DUE" && submission.assignment!.dueAt <= new Date());
  const [status] = await toStatusViews(db(), [submission]);
  const report = submission.report ? (JSON.parse(submission.report) as Record<string, unknown>) : null;
  return {
    ...status,
    id: submission.id,
    exercise: submission.exercise,
    assignmentId: submission.assignmentId,
    source: submission.source,
    late: submission.late,
    latePenalty: submission.latePenalty,
    stale: submission.stale,
    compile: report?.compile ?? null,
    verdict: report?.verdict ?? null,
    error: report?.error ?? null,
    detailsVisible,
    tests: submission.results.map((r) =>
      detailsVisible
        ? { testId: r.testId, title: r.title, passed: r.passed, points: r.points, maxPoints: r.maxPoints, message: r.message, hidden: r.hidden, replay: r.replay, trace: r.trace ? (JSON.parse(r.trace) as unknown) : null }
        : { testId: r.testId, title: r.title, passed: r.passed, points: r.points, maxPoints: r.maxPoints, message: "", hidden: r.hidden, replay: null, trace: null },
    ),
  };
}
