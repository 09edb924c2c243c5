import { lastMomentToSubmit } from "../assignments/last-moment-to-submit";
import type { Extension } from "../assignments/lateness";

/**
 * When a student may read the line comments and rubric items on a submission (ADR 023): at
 * *their own* last moment to submit to its assignment, extension and late window included,
 * as ADR 017 releases AFTER_DUE details, and never at the class due date. Until then staff
 * can annotate without coaching one student mid-assignment. This holds whatever the
 * assignment's test visibility: comments are about the student's code, not the hidden tests.
 */
export function feedbackRelease(assignment: { dueAt: Date; lateUntil: Date | null }, extension: Extension, now = new Date()): { released: boolean; releasesAt: Date } {
  const at = lastMomentToSubmit(assignment, extension);
  return { released: now > at, releasesAt: at };
}
