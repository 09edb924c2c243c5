import { effectiveDeadlines, type DeadlinePolicy, type Extension } from "./lateness";

/**
 * The last instant one student may still submit to an assignment: the end of their late
 * window, or their due date when there is none, their extension included. Until then the
 * assignment is still being graded for them, so what it keeps hidden stays hidden
 * (docs/decisions/017-visibility-follows-the-student.md).
 */
export function lastMomentToSubmit(policy: Pick<DeadlinePolicy, "dueAt" | "lateUntil">, extension: Extension): Date {
  const { dueAt, lateUntil } = effectiveDeadlines(policy, extension);
  return lateUntil && lateUntil > dueAt ? lateUntil : dueAt;
}
