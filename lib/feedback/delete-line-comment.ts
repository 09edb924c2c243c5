import { db } from "../db";
import { notFoundError } from "../http/api-error";
import { recordAudit } from "../audit/record-audit";

/**
 * Removes a line comment. The row stays (deletedAt) and the audit entry keeps its text, so
 * what a student may already have read is still on record.
 */
export async function deleteLineComment(actorId: string, courseId: string, commentId: string) {
  const comment = await db().submissionComment.findFirst({ where: { id: commentId, deletedAt: null, submission: { assignment: { courseId } } } });
  if (!comment) throw notFoundError("Comment");
  await db().$transaction(async (tx) => {
    await tx.submissionComment.update({ where: { id: commentId }, data: { deletedAt: new Date() } });
    await recordAudit(tx, { actorId, courseId, action: "submission.comment.delete", details: { commentId, submissionId: comment.submissionId, line: comment.line, body: comment.body } });
  });
  return { id: commentId };
}
