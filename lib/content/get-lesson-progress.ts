import { db as defaultDb, type Db } from "../db";

/** When the user marked the lesson as read, or null. */
export async function getLessonProgress(userId: string, lessonSlug: string, db: Db = defaultDb()): Promise<{ completedAt: Date | null }> {
  const row = await db.lessonProgress.findUnique({ where: { userId_lessonSlug: { userId, lessonSlug } } });
  return { completedAt: row?.completedAt ?? null };
}
