import { db } from "../db";

export const HISTORY_LIMIT = 50;

/**
 * The student's own submissions to one exercise, newest first, with their sources: the
 * history panel diffs each against the one before it and can restore any of them.
 */
export async function listSubmissionHistory(userId: string, slug: string) {
  const rows = await db().submission.findMany({
    where: { userId, exercise: { slug } },
    orderBy: { queuedAt: "desc" },
    take: HISTORY_LIMIT,
    select: { id: true, status: true, score: true, maxScore: true, late: true, queuedAt: true, assignmentId: true, source: true },
  });
  return rows.map((r) => ({ ...r, queuedAt: r.queuedAt.toISOString() }));
}

export type HistoryEntry = Awaited<ReturnType<typeof listSubmissionHistory>>[number];
