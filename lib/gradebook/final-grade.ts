import { countedAttempt } from "./counted-attempt";
import { effectiveLateness } from "./effective-lateness";
import { latestOverride } from "./latest-override";
import type { AttemptInput, FinalGrade, GradeInput } from "./types";

/**
 * An attempt's score with its rubric items (ADR 023): the autograde plus their points, kept
 * within 0..the maximum (assignments have no extra credit, as for overrides). So a rubric
 * item changes which attempt is best, and the late penalty applies to what it gives.
 */
function withRubric(a: AttemptInput, assignmentMax: number): number | null {
  if (a.score === null || !a.adjustment) return a.score;
  return Math.min(a.maxScore ?? assignmentMax, Math.max(0, a.score + a.adjustment));
}

/**
 * A student's final score on one assignment, the single rule used by the grade book, its
 * CSV export and the analytics: each attempt's late penalty (see effectiveLateness, which
 * honours extensions), the attempt policy (BEST or LAST), then the latest instructor
 * override, which replaces the computed score entirely (no late penalty on top of it).
 */
export function finalGrade(input: GradeInput): FinalGrade {
  const penalized = input.attempts.map((a) => ({ ...a, score: withRubric(a, input.maxScore), ...effectiveLateness(input.policy, input.extension, a) }));
  const counted = countedAttempt(penalized, input.policy.attemptPolicy);
  const override = latestOverride(input.overrides);
  const maxScore = counted?.maxScore ?? input.maxScore;
  const base = {
    maxScore,
    rawScore: counted?.score ?? null,
    adjustment: counted?.adjustment ?? 0,
    attempts: input.attempts.length,
    countedAttemptId: counted?.id ?? null,
  };
  if (override) {
    return { ...base, score: override.score, late: false, penalty: 0, overridden: true, overrideComment: override.comment };
  }
  return {
    ...base,
    score: counted ? counted.finalScore : null,
    late: counted?.late ?? false,
    penalty: counted?.penalty ?? 0,
    overridden: false,
    overrideComment: null,
  };
}
