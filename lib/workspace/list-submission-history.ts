import { db } from "../db";
import { applyLatePenalty } from "../assignments/lateness";
import { effectiveLateness } from "../gradebook/effective-lateness";

export const HISTORY_LIMIT = 50;

const select = { id: true, status: true, score: true, maxScore: true, late: true, latePenalty: true, queuedAt: true, submittedAt: true, assignmentId: true, source: true } as const;

/**
 * The student's own submissions to one exercise, newest first, with their sources: the
 * history panel diffs each against the one before it, can restore any of them and reopen its
 * results. An assignment's history holds that assignment's submissions only, each with the
 * late penalty the grade book applies to it (so "100, late" reads "counts 40"); practice
 * submissions are listed apart and marked, never mixed into an assignment's.
 */
export async function listSubmissionHistory(userId: string, slug: string, assignmentId: string | null = null) {
  const assignment = assignmentId
    ? await db().assignment.findFirst({
        where: { id: assignmentId, exercise: { slug } },
        select: { id: true, opensAt: true, dueAt: true, lateUntil: true, latePenaltyPerDay: true, extensions: { where: { userId }, select: { dueAt: true, lateUntil: true } } },
      })
    : null;
  const [graded, practice] = await Promise.all([
    assignment ? db().submission.findMany({ where: { userId, assignmentId: assignment.id }, orderBy: { queuedAt: "desc" }, take: HISTORY_LIMIT, select }) : [],
    db().submission.findMany({ where: { userId, assignmentId: null, exercise: { slug } }, orderBy: { queuedAt: "desc" }, take: HISTORY_LIMIT, select }),
  ]);
  const entry = (r: (typeof practice)[number], penalty: number) => ({
    ...r,
    practice: r.assignmentId === null,
    penalty,
    countedScore: r.score === null ? null : applyLatePenalty(r.score, penalty),
    queuedAt: r.queuedAt.toISOString(),
    submittedAt: r.submittedAt.toISOString(),
  });
  return {
    assignment: assignment ? graded.map((r) => entry(r, effectiveLateness(assignment, assignment.extensions[0] ?? null, r).penalty)) : [],
    practice: practice.map((r) => entry(r, 0)),
  };
}

export type SubmissionHistory = Awaited<ReturnType<typeof listSubmissionHistory>>;
export type HistoryEntry = SubmissionHistory["practice"][number];
