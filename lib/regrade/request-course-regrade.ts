import { db } from "../db";
import { ApiError, notFoundError } from "../http/api-error";
import { recordAudit } from "../audit/record-audit";
import { requestRegrade } from "../grader/queue/request-regrade";
import type { GradeJobNotifier } from "../grader/queue/grade-job";
import { regradeFilter } from "./regrade-filter";
import type { RegradeScope } from "./regrade-scope";

/**
 * Reruns the current hidden tests on the submissions in scope (only this course's exercise
 * assignments). The previous scores are read first and kept in a RegradeBatch, whose items
 * also name the grade run each submission was re-queued as, so progress and the summary of
 * changed scores can be followed later, across restarts. requestRegrade keeps the old score
 * and results in place until each new grade replaces them: an interrupted regrade loses
 * nothing. (Were the process to stop between re-queueing and writing the batch, the regrade
 * still happens; only its summary is missing.)
 */
export async function requestCourseRegrade(actorId: string, courseId: string, scope: RegradeScope, notify?: GradeJobNotifier) {
  const submissions = await db().submission.findMany({ where: regradeFilter(courseId, scope), select: { id: true, score: true, assignmentId: true } });
  if (scope.scope === "submission" && submissions.length === 0) throw notFoundError("Submission");
  if (submissions.length === 0) throw new ApiError(400, "There are no submissions to regrade.");
  const previous = new Map(submissions.map((s) => [s.id, s.score]));
  const jobs = await requestRegrade(db(), { submissionIds: submissions.map((s) => s.id) }, notify);
  return db().$transaction(async (tx) => {
    const batch = await tx.regradeBatch.create({
      data: {
        courseId,
        assignmentId: "assignmentId" in scope ? scope.assignmentId : submissions[0].assignmentId,
        requestedById: actorId,
        scope: scope.scope,
        items: { create: jobs.map((j) => ({ submissionId: j.submissionId, gradeRun: j.gradeRun, previousScore: previous.get(j.submissionId) ?? null })) },
      },
    });
    await recordAudit(tx, { actorId, courseId, action: "regrade.request", details: { batchId: batch.id, ...scope, submissions: jobs.length } });
    return { batchId: batch.id, submissions: jobs.length };
  });
}
