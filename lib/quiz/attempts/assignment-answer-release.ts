/**
 * Whether one student may see the correct answers and explanations of one quiz assignment
 * now, by the assignment's `answerRelease` policy (docs/decisions/016):
 *  - AFTER_DUE: once the student's own last moment to submit has passed: their extension's
 *    dates if they have one, the late window included (`lateness` says "closed").
 *  - AFTER_SUBMIT: once the student has no attempt left (all of `maxAttempts` started and
 *    submitted), or at that last moment. With an attempt left, the answers would help the
 *    next graded attempt; with no `maxAttempts` there is always one left.
 *  - NEVER: not to the student (staff see them).
 * `until` is when it will be released at the latest; null for never.
 */
import type { Db } from "@/lib/db";
import type { DeadlinePolicy } from "@/lib/assignments/lateness";
import { studentLateness } from "@/lib/assignments/student-lateness";

export type ReleasableAssignment = DeadlinePolicy & {
  id: string;
  maxAttempts: number | null;
  answerRelease: "AFTER_SUBMIT" | "AFTER_DUE" | "NEVER";
};

export async function assignmentAnswerRelease(db: Db, assignment: ReleasableAssignment, userId: string, now: Date): Promise<{ released: boolean; until: Date | null }> {
  if (assignment.answerRelease === "NEVER") return { released: false, until: null };
  const { lateness, dueAt, lateUntil } = await studentLateness(db, assignment, userId, now);
  const until = lateUntil ?? dueAt;
  if (lateness.state === "closed") return { released: true, until };
  if (assignment.answerRelease === "AFTER_DUE" || assignment.maxAttempts === null) return { released: false, until };
  const attempts = await db.quizAttempt.findMany({ where: { userId, assignmentId: assignment.id }, select: { submittedAt: true } });
  const usedUp = attempts.length >= assignment.maxAttempts && attempts.every((a) => a.submittedAt !== null);
  return { released: usedUp, until };
}
