import { db } from "../db";
import { ApiError, notFoundError } from "../http/api-error";
import type { CurrentUser } from "../auth/current-user";
import { recordAudit } from "../audit/record-audit";
import { getSubmissionForViewer } from "../submissions/get-submission-for-viewer";
import { notifyRegradeRequest } from "./notify-regrade-request";
import { regradeRequestDeadline } from "./regrade-request-window";

export type OpenRegradeRequestInput = { submissionId: string; testId: string | null; message: string };

/**
 * A student asks for their graded submission to one of the course's assignments (or one of
 * its tests) to be looked at again. Refused when the assignment takes no requests, the
 * student has used its limit, its window has passed, or the same question is already open.
 *
 * The counterexample attached is the one the student was *shown*: the test's trace and replay
 * token as getSubmissionForViewer releases them (ADR 017). A hidden test whose details are
 * still held is attached by id only, so the thread, which the student reads, never becomes a
 * way around the release rules; staff see the full test on the submission page anyway.
 */
export async function openRegradeRequest(viewer: CurrentUser, courseId: string, input: OpenRegradeRequestInput, now = new Date()) {
  const submission = await db().submission.findUnique({
    where: { id: input.submissionId },
    select: { id: true, userId: true, status: true, gradedAt: true, assignment: { select: { id: true, courseId: true, dueAt: true, lateUntil: true, regradeRequestLimit: true, regradeRequestWindowDays: true } } },
  });
  // Someone else's submission, or one outside this course, is not found: its existence is not the asker's business.
  if (!submission || submission.userId !== viewer.id || submission.assignment?.courseId !== courseId) throw notFoundError("Submission");
  const assignment = submission.assignment;
  const enrolled = await db().enrollment.findUnique({ where: { courseId_userId: { courseId, userId: viewer.id } }, select: { role: true } });
  if (enrolled?.role !== "STUDENT") throw new ApiError(403, "Only the course's students can ask for a regrade.");
  if (submission.status !== "GRADED" && submission.status !== "COMPILE_ERROR") throw new ApiError(409, "Only a graded submission can be regraded.");
  if (assignment.regradeRequestLimit <= 0) throw new ApiError(403, "This assignment does not take regrade requests.");
  const extension = await db().extension.findUnique({ where: { assignmentId_userId: { assignmentId: assignment.id, userId: viewer.id } }, select: { dueAt: true, lateUntil: true } });
  const deadline = regradeRequestDeadline(assignment, extension, submission.gradedAt);
  if (now > deadline) throw new ApiError(403, `Regrade requests for this assignment closed on ${deadline.toISOString()}.`, { closedAt: deadline.toISOString() });

  const view = await getSubmissionForViewer(viewer, submission.id, now);
  const test = input.testId === null ? null : view.tests.find((t) => t.testId === input.testId);
  if (input.testId !== null && !test) throw notFoundError("Test");

  return db().$transaction(async (tx) => {
    // Counted inside the transaction so two quick clicks cannot both fit under the limit on SQLite;
    // on PostgreSQL a race can at worst let one extra through, which staff simply decline.
    const used = await tx.regradeRequest.count({ where: { assignmentId: assignment.id, userId: viewer.id } });
    if (used >= assignment.regradeRequestLimit) throw new ApiError(429, `You have used all ${assignment.regradeRequestLimit} regrade requests of this assignment.`, { limit: assignment.regradeRequestLimit });
    const duplicate = await tx.regradeRequest.count({ where: { submissionId: submission.id, testId: input.testId, status: "OPEN" } });
    if (duplicate > 0) throw new ApiError(409, "You already have an open request about this; add to its thread instead.");
    const request = await tx.regradeRequest.create({
      data: {
        courseId,
        assignmentId: assignment.id,
        submissionId: submission.id,
        userId: viewer.id,
        testId: test?.testId ?? null,
        testTitle: test?.title ?? null,
        replay: test?.replay ?? null,
        trace: test?.trace ? JSON.stringify(test.trace) : null,
        messages: { create: { authorId: viewer.id, kind: "REQUEST", body: input.message } },
      },
    });
    await recordAudit(tx, { actorId: viewer.id, courseId, action: "regrade-request.open", details: { requestId: request.id, assignmentId: assignment.id, submissionId: submission.id, testId: input.testId } });
    return request;
  }).then(async (request) => {
    await notifyRegradeRequest(request.id, "opened");
    return { id: request.id, status: request.status };
  });
}
