import type { Db } from "../db";
import { effectiveDeadlines, lateness, type DeadlinePolicy, type Lateness } from "./lateness";

/**
 * Where `at` falls for one student in an assignment's dates, their extension included, and
 * the dates that apply to them: what submitting, taking a quiz and the workspace banner ask.
 */
export async function studentLateness(db: Db, assignment: DeadlinePolicy & { id: string }, userId: string, at = new Date()): Promise<{ lateness: Lateness; dueAt: Date; lateUntil: Date | null }> {
  const extension = await db.extension.findUnique({ where: { assignmentId_userId: { assignmentId: assignment.id, userId } }, select: { dueAt: true, lateUntil: true } });
  return { lateness: lateness(assignment, extension, at), ...effectiveDeadlines(assignment, extension) };
}
