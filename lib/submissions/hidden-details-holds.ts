import type { Db } from "../db";
import { lastMomentToSubmit } from "../assignments/last-moment-to-submit";

export type HiddenDetailsHold = { assignmentId: string; until: Date };

/**
 * The assignments that keep an exercise's hidden test details from one student right now:
 * every assignment of that exercise, in a course where they are a student, whose policy is
 * not VISIBLE and whose last moment to submit (for them: extension and late window included)
 * has not passed. Drafts and not-yet-open assignments hold too: the content is about to be
 * graded, and what a student reads during practice they still know once it opens.
 * The same tests grade practice and the assignment, so any submission of the exercise
 * (practice, another course's, an older assignment's) would otherwise give them away.
 */
export async function hiddenDetailsHolds(db: Db, userId: string, exerciseId: string, now = new Date()): Promise<HiddenDetailsHold[]> {
  const assignments = await db.assignment.findMany({
    where: { exerciseId, testVisibility: { not: "VISIBLE" }, course: { enrollments: { some: { userId, role: "STUDENT" } } } },
    select: { id: true, dueAt: true, lateUntil: true, extensions: { where: { userId }, select: { dueAt: true, lateUntil: true } } },
  });
  return assignments
    .map((a) => ({ assignmentId: a.id, until: lastMomentToSubmit(a, a.extensions[0] ?? null) }))
    .filter((hold) => now <= hold.until);
}
