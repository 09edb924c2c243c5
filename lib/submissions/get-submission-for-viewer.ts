import { db } from "../db";
import { forbiddenError, notFoundError } from "../http/api-error";
import type { CurrentUser } from "../auth/current-user";
import { toStatusViews } from "../grader/queue/get-submission-status";
import { hiddenDetailsRelease } from "./hidden-details-release";
import { coverageByTest } from "./coverage-by-test";

/**
 * Whether the viewer is staff for this submission: admins; an instructor of the assignment's
 * course (the student being enrolled there); for practice, an instructor of a course the
 * student is in that assigns this exercise. Practice of anything else is the student's own
 * business, not every instructor's who happens to share a course with them.
 */
async function isStaffFor(viewer: CurrentUser, submission: { userId: string; exerciseId: string; assignment: { courseId: string } | null }): Promise<boolean> {
  if (viewer.role === "ADMIN") return true;
  if (viewer.role !== "INSTRUCTOR") return false;
  const studentIn = { enrollments: { some: { userId: submission.userId } } };
  const course = submission.assignment ? { id: submission.assignment.courseId, ...studentIn } : { assignments: { some: { exerciseId: submission.exerciseId } }, ...studentIn };
  return (await db().enrollment.count({ where: { userId: viewer.id, role: "INSTRUCTOR", course } })) > 0;
}

/**
 * A submission as the viewer may see it: its owner (hidden tests' messages, traces and replay
 * tokens only once hiddenDetailsRelease allows; public tests always, their code is served to
 * the browser anyway), the course's staff (everything). Others get 403/404. The results
 * panel, its live stream, the history's "open results" and replay all read through here.
 */
export async function getSubmissionForViewer(viewer: CurrentUser, submissionId: string, now = new Date()) {
  const submission = await db().submission.findUnique({
    where: { id: submissionId },
    include: {
      exercise: { select: { slug: true, titleKo: true, titleEn: true } },
      assignment: { select: { id: true, title: true, courseId: true, testVisibility: true, dueAt: true, lateUntil: true } },
      results: { orderBy: { id: "asc" } },
    },
  });
  if (!submission) throw notFoundError("Submission");
  const own = submission.userId === viewer.id;
  const staff = !own && (await isStaffFor(viewer, submission));
  if (!own && !staff) throw forbiddenError();

  const release = staff ? { visible: true, releasesAt: null } : await hiddenDetailsRelease(db(), submission, now);
  const [status] = await toStatusViews(db(), [submission]);
  const report = submission.report ? (JSON.parse(submission.report) as Record<string, unknown>) : null;
  const coverage = coverageByTest(report);
  return {
    ...status,
    id: submission.id,
    /** Whether the viewer is the submission's owner (staff read it too). */
    own,
    exercise: submission.exercise,
    assignmentId: submission.assignmentId,
    assignment: submission.assignment ? { id: submission.assignment.id, title: submission.assignment.title, courseId: submission.assignment.courseId } : null,
    practice: submission.assignmentId === null,
    source: submission.source,
    submittedAt: submission.submittedAt.toISOString(),
    late: submission.late,
    latePenalty: submission.latePenalty,
    stale: submission.stale,
    compile: report?.compile ?? null,
    verdict: report?.verdict ?? null,
    error: report?.error ?? null,
    detailsVisible: release.visible,
    detailsReleaseAt: release.releasesAt?.toISOString() ?? null,
    tests: submission.results.map((r) =>
      release.visible || !r.hidden
        ? { testId: r.testId, title: r.title, passed: r.passed, points: r.points, maxPoints: r.maxPoints, message: r.message, hidden: r.hidden, replay: r.replay, trace: r.trace ? (JSON.parse(r.trace) as unknown) : null, coverage: coverage.get(r.testId) ?? null }
        : { testId: r.testId, title: r.title, passed: r.passed, points: r.points, maxPoints: r.maxPoints, message: "", hidden: r.hidden, replay: null, trace: null, coverage: coverage.get(r.testId) ?? null },
    ),
  };
}
