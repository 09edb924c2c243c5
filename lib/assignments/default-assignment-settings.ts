import type { AssignmentSettings } from "./assignment-input";

const DAY = 24 * 3600 * 1000;

/**
 * What the new-assignment form starts from: open now (to the minute), due in a week, best
 * attempt, tests revealed after the due date, quiz answers released after each student's own
 * deadline, unpublished.
 */
export function defaultAssignmentSettings(now = new Date()): AssignmentSettings {
  const opensAt = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  return {
    title: "",
    opensAt,
    dueAt: new Date(opensAt.getTime() + 7 * DAY),
    lateUntil: null,
    latePenaltyPerDay: 0,
    attemptPolicy: "BEST",
    maxAttempts: null,
    rateLimitPerHour: null,
    testVisibility: "AFTER_DUE",
    answerRelease: "AFTER_DUE",
    regradeRequestLimit: 3,
    regradeRequestWindowDays: 7,
    published: false,
  };
}
