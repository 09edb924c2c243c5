import { applyLatePenalty, effectiveDeadlines } from "../assignments/lateness";
import { effectiveLateness } from "./effective-lateness";
import { getStudentGrades } from "./get-student-grades";
import { latestOverride } from "./latest-override";

/**
 * A student's own grades in a course, published assignments only: the very numbers of the
 * instructor's grade book (getStudentGrades → finalGrade), with what a student needs to read
 * them: which attempt counts and why (BEST/LAST), each attempt's late penalty and what it
 * counts for, the override in force with the instructor's comment, and their extension.
 * Nothing of other students, no draft assignment, no override history. 404 for non-students.
 */
export async function getMyGrades(courseId: string, userId: string) {
  const page = await getStudentGrades(courseId, userId);
  return page.assignments
    .filter((a) => a.published)
    .map((a) => {
      const extension = a.extension ? { dueAt: a.extension.dueAt, lateUntil: a.extension.lateUntil } : null;
      const deadlines = effectiveDeadlines(a, extension);
      const override = latestOverride(a.overrides);
      const tries = [
        ...a.submissions.map((s) => ({ id: s.id, kind: "submission" as const, submittedAt: s.submittedAt, score: s.score, maxScore: s.maxScore, late: s.late, latePenalty: s.latePenalty, status: s.status as string })),
        // Quiz attempts record lateness only; the grade book takes their penalty from the deadline (grades-from-rows).
        ...a.attempts.map((q) => ({ id: q.id, kind: "quiz" as const, submittedAt: q.submittedAt!, score: q.score, maxScore: q.maxScore, late: q.late, latePenalty: q.late ? 1 : 0, status: "GRADED" })),
      ];
      return {
        id: a.id,
        title: a.title,
        kind: a.kind,
        slug: a.slug,
        dueAt: deadlines.dueAt.toISOString(),
        lateUntil: deadlines.lateUntil?.toISOString() ?? null,
        latePenaltyPerDay: a.latePenaltyPerDay,
        attemptPolicy: a.attemptPolicy,
        grade: a.grade,
        extension: a.extension ? { dueAt: deadlines.dueAt.toISOString(), lateUntil: deadlines.lateUntil?.toISOString() ?? null } : null,
        override: override ? { score: override.score, comment: override.comment, by: override.author.name, at: override.createdAt.toISOString() } : null,
        attempts: tries.map((t) => {
          const { late, penalty } = effectiveLateness(a, extension, t);
          return {
            id: t.id,
            kind: t.kind,
            status: t.status,
            submittedAt: t.submittedAt.toISOString(),
            score: t.score,
            maxScore: t.maxScore,
            late,
            penalty,
            countsFor: t.score === null ? null : applyLatePenalty(t.score, penalty),
            counted: t.id === a.grade.countedAttemptId,
          };
        }),
      };
    });
}

export type MyAssignmentGrade = Awaited<ReturnType<typeof getMyGrades>>[number];
