/**
 * Whether a student may work on an assignment's quiz at `at`: the
 * assignment's dates (or the student's extension) decide, through the same
 * `lateness` rule the exercise grader uses. Practice (no assignment) is
 * always open.
 */
import { lateness, type Lateness } from "@/lib/assignments/lateness";
import type { Db } from "@/lib/db";
import { ApiError } from "@/lib/http/api-error";

export interface AssignmentForQuiz {
  id: string;
  opensAt: Date;
  dueAt: Date;
  lateUntil: Date | null;
  latePenaltyPerDay: number;
}

/** Throws 403 when the assignment is not open yet or closed; otherwise returns whether the work is late. */
export async function attemptWindow(db: Db, assignment: AssignmentForQuiz, userId: string, at: Date): Promise<{ late: boolean; state: Lateness }> {
  const extension = await db.extension.findUnique({ where: { assignmentId_userId: { assignmentId: assignment.id, userId } } });
  const state = lateness(assignment, extension ? { dueAt: extension.dueAt, lateUntil: extension.lateUntil } : null, at);
  if (state.state === "not-open") throw new ApiError(403, "This quiz is not open yet.", { reason: "not-open" });
  if (state.state === "closed") throw new ApiError(403, "This quiz is closed.", { reason: "closed" });
  return { late: state.state === "late", state };
}
