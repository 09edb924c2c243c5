import { lateness, type DeadlinePolicy, type Extension } from "../assignments/lateness";
import type { AttemptInput } from "./types";

/**
 * The late penalty an attempt carries in the grade book: the smaller of the penalty recorded
 * when it was submitted and the penalty under today's deadline and extension. So an extension
 * granted afterwards removes an earlier penalty, while a deadline moved earlier afterwards
 * never makes a grade worse than what the student was told when submitting. It is late only
 * when both say so.
 */
export function effectiveLateness(policy: DeadlinePolicy, extension: Extension, attempt: Pick<AttemptInput, "submittedAt" | "late" | "latePenalty">): { late: boolean; penalty: number } {
  const now = lateness(policy, extension, attempt.submittedAt);
  // Before opening counts as on time (staff try drafts early); after the late window, as a full penalty.
  const nowPenalty = now.state === "late" ? now.penalty : now.state === "closed" ? 1 : 0;
  const nowLate = now.state === "late" || now.state === "closed";
  return { late: attempt.late && nowLate, penalty: Math.min(attempt.latePenalty, nowPenalty) };
}
