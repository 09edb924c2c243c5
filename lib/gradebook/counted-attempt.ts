import { applyLatePenalty } from "../assignments/lateness";

export type PenalizedAttempt = { id: string; submittedAt: Date; score: number | null; penalty: number };

/**
 * Which attempt counts under the assignment's policy, among those with a score (an attempt
 * still waiting for its first grade does not count yet; one being regraded keeps its old
 * score until the new one replaces it):
 * - BEST: the highest score after its late penalty (the earlier one on a tie);
 * - LAST: the most recently submitted one.
 */
export function countedAttempt<T extends PenalizedAttempt>(attempts: readonly T[], policy: "BEST" | "LAST"): (T & { finalScore: number }) | null {
  let chosen: (T & { finalScore: number }) | null = null;
  for (const a of attempts) {
    if (a.score === null) continue;
    const candidate = { ...a, finalScore: applyLatePenalty(a.score, a.penalty) };
    if (!chosen) chosen = candidate;
    else if (policy === "LAST" ? candidate.submittedAt > chosen.submittedAt : candidate.finalScore > chosen.finalScore || (candidate.finalScore === chosen.finalScore && candidate.submittedAt < chosen.submittedAt)) {
      chosen = candidate;
    }
  }
  return chosen;
}
