import { countedAttempt } from "./counted-attempt";
import { effectiveLateness } from "./effective-lateness";
import { latestOverride } from "./latest-override";
import type { FinalGrade, GradeInput } from "./types";

/**
 * A student's final score on one assignment, the single rule used by the grade book, its
 * CSV export and the analytics: each attempt's late penalty (see effectiveLateness, which
 * honours extensions), the attempt policy (BEST or LAST), then the latest instructor
 * override, which replaces the computed score entirely (no late penalty on top of it).
 */
export function finalGrade(input: GradeInput): FinalGrade {
  const penalized = input.attempts.map((a) => ({ ...a, ...effectiveLateness(input.policy, input.extension, a) }));
  const counted = countedAttempt(penalized, input.policy.attemptPolicy);
  const override = latestOverride(input.overrides);
  const maxScore = counted?.maxScore ?? input.maxScore;
  const base = {
    maxScore,
    rawScore: counted?.score ?? null,
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
