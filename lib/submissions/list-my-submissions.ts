import { db } from "../db";

/** The user's submissions to one exercise, newest first (the editor's history panel). */
export async function listMySubmissions(userId: string, exerciseSlug: string, take = 50) {
  return db().submission.findMany({
    where: { userId, exercise: { slug: exerciseSlug } },
    orderBy: { queuedAt: "desc" },
    take,
    select: { id: true, status: true, score: true, maxScore: true, late: true, queuedAt: true, gradedAt: true, assignmentId: true },
  });
}
