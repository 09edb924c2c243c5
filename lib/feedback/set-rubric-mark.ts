import { db } from "../db";
import { ApiError, notFoundError } from "../http/api-error";
import { recordAudit } from "../audit/record-audit";
import { courseSubmissionRef } from "./course-submission-ref";

/**
 * Applies a rubric item to a submission, or removes it. The item must belong to the
 * submission's own assignment, and an archived item can be removed but not newly applied.
 * Applying twice is a no-op (one mark per item and submission).
 */
export async function setRubricMark(actorId: string, courseId: string, submissionId: string, input: { itemId: string; applied: boolean }) {
  const submission = await courseSubmissionRef(courseId, submissionId);
  const item = await db().rubricItem.findFirst({ where: { id: input.itemId, assignmentId: submission.assignmentId } });
  if (!item) throw notFoundError("Rubric item");
  if (input.applied && item.archived) throw new ApiError(400, "This rubric item is archived.", { field: "itemId" });
  return db().$transaction(async (tx) => {
    const existing = await tx.rubricMark.findUnique({ where: { rubricItemId_submissionId: { rubricItemId: item.id, submissionId } } });
    if (input.applied === Boolean(existing)) return { applied: input.applied };
    if (input.applied) await tx.rubricMark.create({ data: { rubricItemId: item.id, submissionId, appliedById: actorId } });
    else await tx.rubricMark.delete({ where: { id: existing!.id } });
    await recordAudit(tx, {
      actorId,
      courseId,
      action: input.applied ? "rubric.apply" : "rubric.unapply",
      details: { itemId: item.id, submissionId, userId: submission.userId, assignmentId: submission.assignmentId, points: item.points },
    });
    return { applied: input.applied };
  });
}
