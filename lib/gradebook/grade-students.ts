import { db } from "../db";
import { finalGrade } from "./final-grade";
import type { GradebookAssignment } from "./load-course-assignments";
import type { AttemptInput, FinalGrade } from "./types";

export type StudentGrades = Map<string, Map<string, FinalGrade>>;

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

/**
 * Final grades of the given students on the given assignments (userId → assignmentId →
 * grade), in five indexed queries whatever the number of cells: submissions (without their
 * source), submitted quiz attempts, extensions and overrides, each by (assignmentId, userId).
 */
export async function gradeStudents(assignments: readonly GradebookAssignment[], userIds: readonly string[]): Promise<StudentGrades> {
  const grades: StudentGrades = new Map(userIds.map((id) => [id, new Map()]));
  if (assignments.length === 0 || userIds.length === 0) return grades;
  const scope = { assignmentId: { in: assignments.map((a) => a.id) }, userId: { in: [...userIds] } };
  const [submissions, attempts, extensions, overrides] = await Promise.all([
    db().submission.findMany({ where: scope, select: { id: true, userId: true, assignmentId: true, submittedAt: true, score: true, maxScore: true, late: true, latePenalty: true } }),
    db().quizAttempt.findMany({ where: { ...scope, submittedAt: { not: null } }, select: { id: true, userId: true, assignmentId: true, submittedAt: true, score: true, maxScore: true, late: true } }),
    db().extension.findMany({ where: scope, select: { userId: true, assignmentId: true, dueAt: true, lateUntil: true } }),
    db().gradeOverride.findMany({ where: scope, select: { userId: true, assignmentId: true, score: true, comment: true, createdAt: true } }),
  ]);
  const cell = (row: { userId: string; assignmentId: string | null }) => `${row.userId} ${row.assignmentId}`;
  const tries = groupBy<AttemptInput & { userId: string; assignmentId: string | null }>(
    [
      ...submissions,
      // A quiz attempt records only whether it was late; a penalty of 1 as "what it was told"
      // lets effectiveLateness take the penalty from the deadline alone.
      ...attempts.map((a) => ({ ...a, submittedAt: a.submittedAt!, latePenalty: a.late ? 1 : 0 })),
    ],
    cell,
  );
  const extensionOf = new Map(extensions.map((e) => [cell(e), e]));
  const overridesOf = groupBy(overrides, cell);
  for (const userId of userIds) {
    const row = grades.get(userId)!;
    for (const a of assignments) {
      const key = `${userId} ${a.id}`;
      row.set(
        a.id,
        finalGrade({
          policy: a,
          maxScore: a.maxScore,
          extension: extensionOf.get(key) ?? null,
          attempts: tries.get(key) ?? [],
          overrides: overridesOf.get(key) ?? [],
        }),
      );
    }
  }
  return grades;
}
