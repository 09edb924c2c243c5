import { db } from "../db";
import { assignmentAccess } from "../assignments/assignment-access";
import { studentLateness } from "../assignments/student-lateness";
import { lateSubmitPreview, type LateSubmitPreview } from "../assignments/late-submit-preview";
import { getMyGrades, type MyAssignmentGrade } from "../gradebook/get-my-grades";
import type { CurrentUser } from "../auth/current-user";
import type { Lang } from "../grader/types";
import { readExerciseContent } from "./read-exercise-content";

export type AssignmentContext = {
  id: string;
  title: string;
  /** The course it belongs to (the workspace links back to it). */
  courseId: string;
  dueAt: string;
  lateUntil: string | null;
  state: "not-open" | "on-time" | "late" | "closed";
  latePenaltyPerDay: number;
  maxScore: number;
  /** What a submission made now would lose (null when it is not late). */
  latePreview: LateSubmitPreview | null;
  /** The student's grade on it as the grade book counts it (null for staff trying it out). */
  grade: MyAssignmentGrade | null;
};

/**
 * Everything the exercise page starts from: the content, the student's saved draft (or
 * null: the starter is then loaded) and, with `?assignment=`, the assignment it counts for
 * where "now" falls in its deadlines, what submitting late now costs, and the student's grade
 * as the grade book counts it (the same getMyGrades as their grades page). Null when the exercise or the assignment does not
 * exist for this user (the page answers 404).
 */
export async function getExerciseWorkspace(user: CurrentUser, slug: string, lang: Lang, assignmentId: string | null) {
  const exercise = await db().exercise.findUnique({ where: { slug } });
  const content = readExerciseContent(slug, lang);
  if (!exercise || exercise.archived || !content) return null;
  let assignment: AssignmentContext | null = null;
  if (assignmentId) {
    const row = await db().assignment.findUnique({ where: { id: assignmentId } });
    if (!row || row.exerciseId !== exercise.id) return null;
    if ((await assignmentAccess(db(), row, user)) !== "allowed") return null;
    const { lateness, dueAt, lateUntil } = await studentLateness(db(), row, user.id);
    const student = await db().enrollment.findUnique({ where: { courseId_userId: { courseId: row.courseId, userId: user.id } }, select: { role: true } });
    const grade = student?.role === "STUDENT" ? ((await getMyGrades(row.courseId, user.id)).find((g) => g.id === row.id) ?? null) : null;
    assignment = {
      id: row.id,
      title: row.title,
      courseId: row.courseId,
      dueAt: dueAt.toISOString(),
      lateUntil: lateUntil?.toISOString() ?? null,
      state: lateness.state,
      latePenaltyPerDay: row.latePenaltyPerDay,
      maxScore: exercise.maxScore,
      latePreview: lateSubmitPreview(lateness, row.latePenaltyPerDay, exercise.maxScore),
      grade,
    };
  }
  const draft = await db().draft.findUnique({ where: { userId_exerciseId: { userId: user.id, exerciseId: exercise.id } } });
  return {
    slug,
    title: content.manifest.title[lang],
    // The page shows the title as its own heading; a leading "# Title" in the prompt would repeat it.
    prompt: content.prompt.replace(/^\s*# [^\n]*\n/, ""),
    starter: content.starter,
    draft: draft ? { source: draft.source, updatedAt: draft.updatedAt.toISOString() } : null,
    wallMs: content.manifest.limits.wallMs,
    assignment,
  };
}

export type ExerciseWorkspace = NonNullable<Awaited<ReturnType<typeof getExerciseWorkspace>>>;
