/**
 * Loads the assignment an attempt belongs to and checks that the user may
 * take it: the assignment is a published quiz assignment for this quiz, and
 * the user is a member of its course (or an admin).
 */
import type { Db } from "@/lib/db";
import { forbiddenError, notFoundError } from "@/lib/http/api-error";

export async function quizAssignmentFor(db: Db, assignmentId: string, quizId: string, user: { id: string; role: string }) {
  const assignment = await db.assignment.findUnique({ where: { id: assignmentId } });
  if (!assignment || assignment.quizId !== quizId || assignment.kind !== "QUIZ") throw notFoundError("Assignment");
  if (user.role !== "ADMIN") {
    const enrollment = await db.enrollment.findUnique({ where: { courseId_userId: { courseId: assignment.courseId, userId: user.id } } });
    if (!enrollment) throw forbiddenError();
    // Students see published assignments only; course staff may try drafts.
    if (!assignment.published && enrollment.role !== "INSTRUCTOR") throw notFoundError("Assignment");
  }
  return assignment;
}
