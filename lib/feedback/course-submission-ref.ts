import { db } from "../db";
import { notFoundError } from "../http/api-error";

/** A submission to one of the course's assignments (what staff may annotate), or 404. */
export async function courseSubmissionRef(courseId: string, submissionId: string) {
  const s = await db().submission.findFirst({ where: { id: submissionId, assignment: { courseId } }, select: { id: true, userId: true, assignmentId: true, source: true } });
  if (!s || !s.assignmentId) throw notFoundError("Submission");
  return { ...s, assignmentId: s.assignmentId };
}
