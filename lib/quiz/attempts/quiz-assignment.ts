/**
 * Loads the assignment an attempt belongs to and checks that the user may
 * take it: the assignment is a published quiz assignment for this quiz, and
 * the user is a member of its course (or an admin).
 */
import type { Db } from "@/lib/db";
import { notFoundError } from "@/lib/http/api-error";
import { requireAssignmentAccess } from "@/lib/assignments/assignment-access";

export async function quizAssignmentFor(db: Db, assignmentId: string, quizId: string, user: { id: string; role: string }) {
  const assignment = await db.assignment.findUnique({ where: { id: assignmentId } });
  if (!assignment || assignment.quizId !== quizId || assignment.kind !== "QUIZ") throw notFoundError("Assignment");
  await requireAssignmentAccess(db, assignment, user);
  return assignment;
}
