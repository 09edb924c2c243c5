import { db } from "../db";

/** The exercises and quizzes an instructor can assign (archived ones are not offered). */
export async function listAssignableContent() {
  const [exercises, quizzes] = await Promise.all([
    db().exercise.findMany({ where: { archived: false }, orderBy: { slug: "asc" }, select: { slug: true, titleEn: true, titleKo: true } }),
    db().quiz.findMany({ where: { archived: false }, orderBy: { slug: "asc" }, select: { slug: true, titleEn: true, titleKo: true } }),
  ]);
  return { exercises, quizzes };
}
