/**
 * Whether a student may work on an assignment's quiz at `at`: the
 * assignment's dates (or the student's extension) decide, through the same
 * `lateness` rule the exercise grader uses. Practice (no assignment) is
 * always open.
 */
import type { Lateness } from "@/lib/assignments/lateness";
import { studentLateness } from "@/lib/assignments/student-lateness";
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
  const { lateness: state } = await studentLateness(db, assignment, userId, at);
  if (state.state === "not-open") throw new ApiError(403, "This quiz is not open yet.", { reason: "not-open" });
  if (state.state === "closed") throw new ApiError(403, "This quiz is closed.", { reason: "closed" });
  return { late: state.state === "late", state };
}
