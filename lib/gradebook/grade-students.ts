import { db } from "../db";
import { gradesFromRows, type StudentGrades } from "./grades-from-rows";
import { rubricAdjustments, withAdjustments } from "./rubric-adjustments";
import type { GradebookAssignment } from "./load-course-assignments";

export type { StudentGrades } from "./grades-from-rows";

/**
 * Final grades of the given students on the given assignments (userId → assignmentId →
 * grade), in five indexed queries whatever the number of cells: submissions (without their
 * source), submitted quiz attempts, extensions, overrides and rubric marks, each by (assignmentId, userId).
 */
export async function gradeStudents(assignments: readonly GradebookAssignment[], userIds: readonly string[]): Promise<StudentGrades> {
  if (assignments.length === 0 || userIds.length === 0) return gradesFromRows(assignments, userIds, { submissions: [], attempts: [], extensions: [], overrides: [] });
  const scope = { assignmentId: { in: assignments.map((a) => a.id) }, userId: { in: [...userIds] } };
  const [submissions, attempts, extensions, overrides, adjustments] = await Promise.all([
    db().submission.findMany({ where: scope, select: { id: true, userId: true, assignmentId: true, submittedAt: true, score: true, maxScore: true, late: true, latePenalty: true } }),
    db().quizAttempt.findMany({ where: { ...scope, submittedAt: { not: null } }, select: { id: true, userId: true, assignmentId: true, submittedAt: true, score: true, maxScore: true, late: true } }),
    db().extension.findMany({ where: scope, select: { userId: true, assignmentId: true, dueAt: true, lateUntil: true } }),
    db().gradeOverride.findMany({ where: scope, select: { userId: true, assignmentId: true, score: true, comment: true, createdAt: true } }),
    rubricAdjustments(scope),
  ]);
  return gradesFromRows(assignments, userIds, { submissions: withAdjustments(submissions, adjustments), attempts, extensions, overrides });
}
