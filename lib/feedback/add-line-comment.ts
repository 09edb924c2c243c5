import { db } from "../db";
import { ApiError } from "../http/api-error";
import { recordAudit } from "../audit/record-audit";
import { courseSubmissionRef } from "./course-submission-ref";

/** Staff annotate one line of a submission of their course; the line must exist in its code. */
export async function addLineComment(actorId: string, courseId: string, submissionId: string, input: { line: number; body: string }) {
  const submission = await courseSubmissionRef(courseId, submissionId);
  const lines = submission.source.split("\n").length;
  if (input.line > lines) throw new ApiError(400, `The submission has ${lines} lines.`, { field: "line" });
  return db().$transaction(async (tx) => {
    const comment = await tx.submissionComment.create({ data: { submissionId, authorId: actorId, line: input.line, body: input.body } });
    await recordAudit(tx, { actorId, courseId, action: "submission.comment.add", details: { commentId: comment.id, submissionId, userId: submission.userId, line: input.line } });
    return { id: comment.id, line: comment.line };
  });
}
