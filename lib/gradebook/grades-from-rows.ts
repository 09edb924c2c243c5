import { finalGrade } from "./final-grade";
import type { GradebookAssignment } from "./load-course-assignments";
import type { AttemptInput, FinalGrade } from "./types";

export type StudentGrades = Map<string, Map<string, FinalGrade>>;

type Cell = { userId: string; assignmentId: string | null };

/** What final grades are computed from; callers may load richer rows (more fields) than these. */
export type GradingRows = {
  submissions: ReadonlyArray<Cell & AttemptInput>;
  attempts: ReadonlyArray<Cell & Omit<AttemptInput, "submittedAt" | "latePenalty"> & { submittedAt: Date | null }>;
  extensions: ReadonlyArray<Cell & { dueAt: Date; lateUntil: Date | null }>;
  overrides: ReadonlyArray<Cell & { score: number; comment: string; createdAt: Date }>;
};

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

/** Final grades (userId → assignmentId → grade) from rows already loaded. */
export function gradesFromRows(assignments: readonly GradebookAssignment[], userIds: readonly string[], rows: GradingRows): StudentGrades {
  const grades: StudentGrades = new Map(userIds.map((id) => [id, new Map()]));
  const cell = (row: Cell) => `${row.userId} ${row.assignmentId}`;
  const tries = groupBy<AttemptInput & Cell>(
    [
      ...rows.submissions,
      // A quiz attempt records only whether it was late; a penalty of 1 as "what it was told"
      // lets effectiveLateness take the penalty from the deadline alone.
      ...rows.attempts.filter((a) => a.submittedAt !== null).map((a) => ({ ...a, submittedAt: a.submittedAt!, latePenalty: a.late ? 1 : 0 })),
    ],
    cell,
  );
  const extensionOf = new Map(rows.extensions.map((e) => [cell(e), e]));
  const overridesOf = groupBy(rows.overrides, cell);
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
