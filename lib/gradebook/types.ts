import type { DeadlinePolicy, Extension } from "../assignments/lateness";

/** One scored try at an assignment: an exercise submission or a quiz attempt. */
export type AttemptInput = {
  id: string;
  submittedAt: Date;
  /** Raw score from the grader or the quiz; null while it has never been graded. */
  score: number | null;
  maxScore: number | null;
  /** Lateness recorded when the student submitted (what they were told at the time). */
  late: boolean;
  latePenalty: number;
  /** Points of the rubric items applied to this attempt (ADR 023), added to its score before the late penalty. */
  adjustment?: number;
};

export type OverrideInput = { score: number; comment: string; createdAt: Date; authorId?: string };

export type GradeInput = {
  policy: DeadlinePolicy & { attemptPolicy: "BEST" | "LAST" };
  /** The assignment's maximum, used when no attempt says it (e.g. only an override). */
  maxScore: number;
  extension: Extension;
  attempts: readonly AttemptInput[];
  overrides: readonly OverrideInput[];
};

export type FinalGrade = {
  /** Final score after the late penalty, or the latest override; null when there is none. */
  score: number | null;
  maxScore: number;
  /** The raw score of the counted attempt, before its late penalty (rubric items included). */
  rawScore: number | null;
  /** The rubric points included in rawScore (0 when none were applied). */
  adjustment: number;
  late: boolean;
  penalty: number;
  /** Attempts submitted, graded or not. */
  attempts: number;
  countedAttemptId: string | null;
  overridden: boolean;
  overrideComment: string | null;
};
