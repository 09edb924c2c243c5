import type { Lateness } from "./lateness";

export type LateSubmitPreview = { penaltyPerDay: number; daysLate: number; penalty: number; maxCounted: number };

/**
 * What submitting now costs, told before the student submits: the rate per started day
 * late, the penalty a submission made now carries and so the most it can count for
 * (a perfect score minus that penalty). Null when a submission now is not late.
 */
export function lateSubmitPreview(lateness: Lateness, penaltyPerDay: number, maxScore: number): LateSubmitPreview | null {
  if (lateness.state !== "late") return null;
  return { penaltyPerDay, daysLate: lateness.daysLate, penalty: lateness.penalty, maxCounted: Math.max(0, maxScore * (1 - lateness.penalty)) };
}
