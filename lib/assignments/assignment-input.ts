import { ApiError } from "../http/api-error";

/** The settings of an assignment an instructor chooses (content is named by slug). */
export type AssignmentSettings = {
  title: string;
  opensAt: Date;
  dueAt: Date;
  lateUntil: Date | null;
  latePenaltyPerDay: number;
  attemptPolicy: "BEST" | "LAST";
  maxAttempts: number | null;
  rateLimitPerHour: number | null;
  testVisibility: "VISIBLE" | "HIDDEN" | "AFTER_DUE";
  /** Quiz assignments: when graded attempts' answers and explanations are shown to the student. */
  answerRelease: "AFTER_SUBMIT" | "AFTER_DUE" | "NEVER";
  /** Regrade requests a student may open on this assignment (0: none); ADR 023. */
  regradeRequestLimit: number;
  /** Days after the student's last moment to submit (or their grade, if later) that requests stay open. */
  regradeRequestWindowDays: number;
  published: boolean;
};

export type NewAssignment = AssignmentSettings & { kind: "EXERCISE" | "QUIZ"; content: string };

/**
 * Opens ≤ due ≤ late-until. Checked on the merged result of an edit too, where the request
 * alone (a partial update) cannot tell.
 */
export function checkDeadlines(s: Pick<AssignmentSettings, "opensAt" | "dueAt" | "lateUntil">): void {
  if (s.dueAt < s.opensAt) throw new ApiError(400, "The due date must not be before the opening date.", { field: "dueAt" });
  if (s.lateUntil && s.lateUntil < s.dueAt) throw new ApiError(400, "The late window must not end before the due date.", { field: "lateUntil" });
}
