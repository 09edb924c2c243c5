import { lastMomentToSubmit } from "../assignments/last-moment-to-submit";
import type { Extension } from "../assignments/lateness";

const DAY = 24 * 3600 * 1000;

/**
 * Until when a student may ask for a regrade of one submission: `windowDays` after the later
 * of their own last moment to submit (extension and late window included, as for releases in
 * ADR 017) and the submission's grade. Measuring from the grade too means a submission graded
 * (or regraded) late still gets the whole window to be looked at.
 */
export function regradeRequestDeadline(
  assignment: { dueAt: Date; lateUntil: Date | null; regradeRequestWindowDays: number },
  extension: Extension,
  gradedAt: Date | null,
): Date {
  const last = lastMomentToSubmit(assignment, extension);
  const from = gradedAt && gradedAt > last ? gradedAt : last;
  return new Date(from.getTime() + assignment.regradeRequestWindowDays * DAY);
}
