import { SubmissionStatus, type Db } from "../../db";

/** 1-based place among QUEUED submissions (by queuedAt, then id); null when not queued. */
export async function queuePosition(db: Db, submissionId: string): Promise<number | null> {
  const row = await db.submission.findUnique({ where: { id: submissionId }, select: { status: true, queuedAt: true } });
  if (row?.status !== SubmissionStatus.QUEUED) return null;
  const ahead = await db.submission.count({
    where: {
      status: SubmissionStatus.QUEUED,
      OR: [{ queuedAt: { lt: row.queuedAt } }, { queuedAt: row.queuedAt, id: { lt: submissionId } }],
    },
  });
  return ahead + 1;
}
