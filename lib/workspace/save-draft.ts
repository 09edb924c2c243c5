import { db } from "../db";
import { notFoundError } from "../http/api-error";

/** Stores the student's current editor text for an exercise (one row per student and exercise). */
export async function saveDraft(userId: string, slug: string, source: string): Promise<{ updatedAt: Date }> {
  const exercise = await db().exercise.findUnique({ where: { slug }, select: { id: true, archived: true } });
  if (!exercise || exercise.archived) throw notFoundError("Exercise");
  const draft = await db().draft.upsert({
    where: { userId_exerciseId: { userId, exerciseId: exercise.id } },
    update: { source },
    create: { userId, exerciseId: exercise.id, source },
    select: { updatedAt: true },
  });
  return draft;
}
