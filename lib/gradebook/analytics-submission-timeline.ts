import { db } from "../db";
import type { GradebookAssignment } from "./load-course-assignments";

const HOUR = 3600 * 1000;

/**
 * Submissions (and quiz attempts) per hour around each assignment's due date, from
 * `before` hours before to `after` hours after; earlier and later ones are counted in the
 * first and last bars so nothing silently disappears.
 */
export async function analyticsSubmissionTimeline(assignments: readonly GradebookAssignment[], before = 48, after = 24) {
  const ids = assignments.map((a) => a.id);
  const [subs, quizzes] = await Promise.all([
    db().submission.findMany({ where: { assignmentId: { in: ids } }, select: { assignmentId: true, submittedAt: true } }),
    db().quizAttempt.findMany({ where: { assignmentId: { in: ids }, submittedAt: { not: null } }, select: { assignmentId: true, submittedAt: true } }),
  ]);
  return assignments.map((a) => {
    const bins = Array.from({ length: before + after }, (_, i) => ({ hour: i - before, count: 0 }));
    for (const s of [...subs, ...quizzes]) {
      if (s.assignmentId !== a.id || !s.submittedAt) continue;
      const h = Math.floor((s.submittedAt.getTime() - a.dueAt.getTime()) / HOUR);
      bins[Math.min(before + after - 1, Math.max(0, h + before))].count++;
    }
    return { assignmentId: a.id, title: a.title, dueAt: a.dueAt, bins };
  });
}
