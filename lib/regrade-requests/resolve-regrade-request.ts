import { z } from "zod";
import { db } from "../db";
import { ApiError } from "../http/api-error";
import type { CurrentUser } from "../auth/current-user";
import { recordAudit } from "../audit/record-audit";
import { text } from "../http/input-schemas";
import type { GradeJobNotifier } from "../grader/queue/grade-job";
import { overrideGrade } from "../gradebook/override-grade";
import { requestCourseRegrade } from "../regrade/request-course-regrade";
import { notifyRegradeRequest } from "./notify-regrade-request";
import { findRegradeRequestFor } from "./regrade-request-access";

const comment = text().trim().max(4000);

/** What staff decide: rerun the hidden tests on the submission, set the score by hand, or decline (saying why). */
export const regradeDecision = z.discriminatedUnion("action", [
  z.strictObject({ action: z.literal("regrade"), comment: comment.optional() }),
  z.strictObject({ action: z.literal("override"), score: z.number().min(0).max(100_000), comment: comment.min(1, "say why the score changes") }),
  z.strictObject({ action: z.literal("decline"), comment: comment.min(1, "say why the request is declined") }),
]);
export type RegradeDecision = z.infer<typeof regradeDecision>;

/**
 * Closes an open request. The request is claimed first (OPEN → ACCEPTED/DECLINED in one
 * conditional update), so two instructors deciding at once cannot both regrade or override;
 * the loser gets 409. Accepting then reuses the existing tools, each with its own audit entry:
 * a regrade batch of this one submission (lib/regrade) or a grade override (the final-grade
 * rules of ADR 005 apply unchanged). If that step fails the claim is undone, so the request is
 * never shown as accepted without its effect.
 */
export async function resolveRegradeRequest(viewer: CurrentUser, courseId: string, requestId: string, decision: RegradeDecision, notify?: GradeJobNotifier) {
  const { request } = await findRegradeRequestFor(viewer, courseId, "INSTRUCTOR", requestId);
  const status = decision.action === "decline" ? "DECLINED" : "ACCEPTED";
  const now = new Date();
  const claimed = await db().regradeRequest.updateMany({ where: { id: requestId, status: "OPEN" }, data: { status, resolvedById: viewer.id, resolvedAt: now, outcome: decision.action === "regrade" ? "REGRADED" : decision.action === "override" ? "OVERRIDDEN" : null } });
  if (claimed.count === 0) throw new ApiError(409, "This request has already been answered.");

  let effect: { regradeBatchId?: string; overrideId?: string } = {};
  try {
    if (decision.action === "regrade") {
      effect = { regradeBatchId: (await requestCourseRegrade(viewer.id, courseId, { scope: "submission", submissionId: request.submissionId }, notify)).batchId };
    } else if (decision.action === "override") {
      effect = { overrideId: (await overrideGrade(viewer.id, courseId, { assignmentId: request.assignmentId, userId: request.userId, score: decision.score, comment: decision.comment })).id };
    }
  } catch (error) {
    await db().regradeRequest.update({ where: { id: requestId }, data: { status: "OPEN", resolvedById: null, resolvedAt: null, outcome: null } });
    throw error;
  }

  await db().$transaction(async (tx) => {
    await tx.regradeRequest.update({ where: { id: requestId }, data: effect });
    const body = decision.comment?.trim() || (decision.action === "regrade" ? "Accepted: the submission is being regraded." : "");
    await tx.regradeRequestMessage.create({ data: { requestId, authorId: viewer.id, kind: status === "DECLINED" ? "DECLINE" : "ACCEPT", body } });
    await recordAudit(tx, {
      actorId: viewer.id,
      courseId,
      action: `regrade-request.${decision.action === "decline" ? "decline" : "accept"}`,
      details: { requestId, submissionId: request.submissionId, userId: request.userId, action: decision.action, ...effect, ...(decision.action === "override" ? { score: decision.score } : {}) },
    });
  });
  await notifyRegradeRequest(requestId, status === "DECLINED" ? "declined" : "accepted");
  return { id: requestId, status, ...effect };
}
