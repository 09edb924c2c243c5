import { z } from "zod";
import { CONTENT_SLUG } from "@/lib/content/content-slug";
import { instant, text } from "@/lib/http/input-schemas";

const optionalLimit = z.number().int().min(1).max(10_000).nullable();

/** Every setting of an assignment; a partial of it edits one (content and kind are fixed). */
export const assignmentSettings = z.strictObject({
  title: text().trim().min(1, "title must not be empty").max(200),
  opensAt: instant("opensAt"),
  dueAt: instant("dueAt"),
  lateUntil: instant("lateUntil").nullable(),
  latePenaltyPerDay: z.number().min(0, "latePenaltyPerDay must be between 0 and 1").max(1, "latePenaltyPerDay must be between 0 and 1"),
  attemptPolicy: z.enum(["BEST", "LAST"]),
  maxAttempts: optionalLimit,
  rateLimitPerHour: optionalLimit,
  testVisibility: z.enum(["VISIBLE", "HIDDEN", "AFTER_DUE"]),
  /** Quiz assignments: when graded attempts' answers and explanations are shown (ADR 016). */
  answerRelease: z.enum(["AFTER_SUBMIT", "AFTER_DUE", "NEVER"]),
  /** Regrade requests per student (0 turns them off) and their window in days (ADR 023). */
  regradeRequestLimit: z.number().int().min(0).max(100),
  regradeRequestWindowDays: z.number().int().min(0).max(365),
  published: z.boolean(),
});

export const createAssignmentBody = assignmentSettings
  .extend({
    kind: z.enum(["EXERCISE", "QUIZ"]),
    content: text().regex(CONTENT_SLUG, "content must be an exercise or quiz slug"),
    latePenaltyPerDay: assignmentSettings.shape.latePenaltyPerDay.default(0),
    attemptPolicy: assignmentSettings.shape.attemptPolicy.default("BEST"),
    maxAttempts: optionalLimit.default(null),
    rateLimitPerHour: optionalLimit.default(null),
    lateUntil: assignmentSettings.shape.lateUntil.default(null),
    testVisibility: assignmentSettings.shape.testVisibility.default("VISIBLE"),
    answerRelease: assignmentSettings.shape.answerRelease.default("AFTER_DUE"),
    regradeRequestLimit: assignmentSettings.shape.regradeRequestLimit.default(3),
    regradeRequestWindowDays: assignmentSettings.shape.regradeRequestWindowDays.default(7),
    published: z.boolean().default(false),
  });
