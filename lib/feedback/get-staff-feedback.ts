import { db } from "../db";
import { courseSubmissionRef } from "./course-submission-ref";

/**
 * What staff annotate on a submission: its line comments (not deleted), and its assignment's
 * rubric items with whether each is applied here (archived items only when applied).
 */
export async function getStaffFeedback(courseId: string, submissionId: string) {
  const submission = await courseSubmissionRef(courseId, submissionId);
  const [comments, items, marks] = await Promise.all([
    db().submissionComment.findMany({ where: { submissionId, deletedAt: null }, orderBy: [{ line: "asc" }, { createdAt: "asc" }], select: { id: true, line: true, body: true, createdAt: true, author: { select: { name: true } } } }),
    db().rubricItem.findMany({ where: { assignmentId: submission.assignmentId }, orderBy: { createdAt: "asc" }, select: { id: true, title: true, points: true, archived: true } }),
    db().rubricMark.findMany({ where: { submissionId }, select: { rubricItemId: true } }),
  ]);
  const applied = new Set(marks.map((m) => m.rubricItemId));
  const rubric = items.filter((i) => !i.archived || applied.has(i.id)).map((i) => ({ ...i, applied: applied.has(i.id) }));
  return {
    assignmentId: submission.assignmentId,
    comments: comments.map((c) => ({ id: c.id, line: c.line, body: c.body, author: c.author?.name ?? null, createdAt: c.createdAt.toISOString() })),
    rubric,
    adjustment: rubric.filter((i) => i.applied).reduce((sum, i) => sum + i.points, 0),
  };
}
