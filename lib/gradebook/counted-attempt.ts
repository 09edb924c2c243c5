import { applyLatePenalty } from "../assignments/lateness";

export type PenalizedAttempt = { id: string; submittedAt: Date; score: number | null; penalty: number };

/**
 * Which attempt counts under the assignment's policy, among those with a score (an attempt
 * still waiting for its first grade does not count yet; one being regraded keeps its old
 * score until the new one replaces it):
 * - BEST: the highest score after its late penalty (the earlier one on a tie);
 * - LAST: the most recently submitted one.
 * Attempts submitted in the same millisecond are ordered by id, so the choice never depends
 * on the order the rows were read in.
 */
function later(a: PenalizedAttempt, b: PenalizedAttempt): boolean {
  const diff = a.submittedAt.getTime() - b.submittedAt.getTime();
  return diff > 0 || (diff === 0 && a.id > b.id);
}

export function countedAttempt<T extends PenalizedAttempt>(attempts: readonly T[], policy: "BEST" | "LAST"): (T & { finalScore: number }) | null {
  let chosen: (T & { finalScore: number }) | null = null;
  for (const a of attempts) {
    if (a.score === null) continue;
    const candidate = { ...a, finalScore: applyLatePenalty(a.score, a.penalty) };
    if (!chosen) chosen = candidate;
    else if (policy === "LAST" ? later(candidate, chosen) : candidate.finalScore > chosen.finalScore || (candidate.finalScore === chosen.finalScore && later(chosen, candidate))) {
      chosen = candidate;
    }
  }
  return chosen;
}
