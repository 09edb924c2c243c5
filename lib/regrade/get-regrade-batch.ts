import { db } from "../db";
import { notFoundError } from "../http/api-error";
import { isFinalSubmissionStatus } from "../submissions/final-statuses";

/**
 * Progress of a regrade batch and the scores it changed. An item is done when its
 * submission finished the requested grade run, or a later run (another regrade) superseded
 * it. Newly finished items get their new score and final status recorded on the item, so
 * the summary stays what it was even after later regrades or edits.
 */
export async function getRegradeBatch(courseId: string, batchId: string) {
  const batch = await db().regradeBatch.findFirst({
    where: { id: batchId, courseId },
    include: {
      items: {
        orderBy: { id: "asc" },
        include: { submission: { select: { status: true, score: true, gradeRun: true, user: { select: { id: true, name: true, email: true } } } } },
      },
    },
  });
  if (!batch) throw notFoundError("Regrade");
  const now = new Date();
  const items = batch.items.map((item) => {
    const s = item.submission;
    if (item.finishedAt) return { ...item, done: true };
    const finished = s.gradeRun > item.gradeRun || (s.gradeRun === item.gradeRun && isFinalSubmissionStatus(s.status));
    if (!finished) return { ...item, done: false };
    const superseded = s.gradeRun > item.gradeRun;
    return { ...item, done: true, newScore: superseded ? null : s.score, finalStatus: superseded ? "SUPERSEDED" : s.status, finishedAt: now, fresh: true };
  });
  const fresh = items.filter((i) => "fresh" in i);
  if (fresh.length) {
    await db().$transaction(
      fresh.map((i) => db().regradeItem.updateMany({ where: { id: i.id, finishedAt: null }, data: { newScore: i.newScore, finalStatus: i.finalStatus, finishedAt: i.finishedAt } })),
    );
  }
  const view = items.map((i) => ({
    submissionId: i.submissionId,
    student: i.submission.user,
    previousScore: i.previousScore,
    newScore: i.newScore,
    finalStatus: i.finalStatus,
    done: i.done,
    // A failed or superseded run kept the previous score: not a change.
    changed: i.done && (i.finalStatus === "GRADED" || i.finalStatus === "COMPILE_ERROR") && i.newScore !== i.previousScore,
  }));
  return {
    id: batch.id,
    scope: batch.scope,
    assignmentId: batch.assignmentId,
    createdAt: batch.createdAt,
    total: view.length,
    done: view.filter((i) => i.done).length,
    failed: view.filter((i) => i.finalStatus === "FAILED").length,
    items: view,
    changed: view.filter((i) => i.changed),
  };
}
