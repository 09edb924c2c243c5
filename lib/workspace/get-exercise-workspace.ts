import { db } from "../db";
import { assignmentAccess } from "../assignments/assignment-access";
import { studentLateness } from "../assignments/student-lateness";
import type { CurrentUser } from "../auth/current-user";
import type { Lang } from "../grader/types";
import { readExerciseContent } from "./read-exercise-content";

export type AssignmentContext = { id: string; title: string; dueAt: string; lateUntil: string | null; state: "not-open" | "on-time" | "late" | "closed" };

/**
 * Everything the exercise page starts from: the content, the student's saved draft (or
 * null: the starter is then loaded) and, with `?assignment=`, the assignment it counts for
 * and where "now" falls in its deadlines. Null when the exercise or the assignment does not
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
    assignment = { id: row.id, title: row.title, dueAt: dueAt.toISOString(), lateUntil: lateUntil?.toISOString() ?? null, state: lateness.state };
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
