import { db as defaultDb, type Db } from "../db";
import { notFoundError } from "../http/api-error";
import { loadLessons } from "./load-lessons";

/** Records that a user finished reading a lesson (idempotent: the first time counts). */
export async function markLessonRead(userId: string, lessonSlug: string, db: Db = defaultDb()): Promise<{ completedAt: Date }> {
  if (!loadLessons().some((l) => l.slug === lessonSlug)) throw notFoundError("Lesson");
  const row = await db.lessonProgress.upsert({
    where: { userId_lessonSlug: { userId, lessonSlug } },
    update: {},
    create: { userId, lessonSlug },
  });
  return { completedAt: row.completedAt };
}
