import { db } from "../db";
import { notFoundError } from "../http/api-error";
import type { CurrentUser } from "../auth/current-user";
import { feedbackRelease } from "./feedback-release";

/**
 * A student's own submission with its staff feedback, once released (feedbackRelease): the
 * code, the line comments and the rubric items applied. Before the release only the date is
 * returned. Anyone else's submission is not found.
 */
export async function getMyFeedback(viewer: CurrentUser, courseId: string, submissionId: string, now = new Date()) {
  const submission = await db().submission.findFirst({
    where: { id: submissionId, userId: viewer.id, assignment: { courseId } },
    select: { id: true, source: true, score: true, maxScore: true, assignment: { select: { id: true, title: true, dueAt: true, lateUntil: true } } },
  });
  if (!submission?.assignment) throw notFoundError("Submission");
  const a = submission.assignment;
  const extension = await db().extension.findUnique({ where: { assignmentId_userId: { assignmentId: a.id, userId: viewer.id } }, select: { dueAt: true, lateUntil: true } });
  const release = feedbackRelease(a, extension, now);
  const base = { id: submission.id, assignment: { id: a.id, title: a.title }, source: submission.source, score: submission.score, maxScore: submission.maxScore, released: release.released, releasesAt: release.releasesAt.toISOString() };
  if (!release.released) return { ...base, comments: [], rubric: [] };
  const [comments, marks] = await Promise.all([
    db().submissionComment.findMany({ where: { submissionId, deletedAt: null }, orderBy: [{ line: "asc" }, { createdAt: "asc" }], select: { id: true, line: true, body: true, author: { select: { name: true } } } }),
    db().rubricMark.findMany({ where: { submissionId }, orderBy: { createdAt: "asc" }, select: { item: { select: { id: true, title: true, points: true } } } }),
  ]);
  return {
    ...base,
    comments: comments.map((c) => ({ id: c.id, line: c.line, body: c.body, author: c.author?.name ?? null })),
    rubric: marks.map((m) => m.item),
  };
}
