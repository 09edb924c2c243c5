import { SubmissionStatus, type Db } from "../../db";
import { retryWhenBusy } from "./retry-when-busy";
import type { SubmissionLease } from "./submission-lease";

export type ClaimedSubmission = SubmissionLease & {
  source: string;
  /** Attempts including this one. */
  attempts: number;
  exercise: { slug: string; maxScore: number; testsHash: string };
};

/**
 * Takes one QUEUED submission (of the given grade run, when named) for `owner`: RUNNING,
 * leased until now + leaseMs, one more attempt. The conditional UPDATE is the lock: of
 * several graders racing for the row, exactly one sees count 1. Null if it was not QUEUED.
 */
export async function claimSubmission(
  db: Db,
  target: { id: string; gradeRun?: number },
  owner: string,
  leaseMs: number,
  now = new Date(),
): Promise<ClaimedSubmission | null> {
  const { count } = await retryWhenBusy(() => db.submission.updateMany({
    where: { id: target.id, status: SubmissionStatus.QUEUED, ...(target.gradeRun !== undefined && { gradeRun: target.gradeRun }) },
    data: {
      status: SubmissionStatus.RUNNING,
      leaseOwner: owner,
      leaseUntil: new Date(now.getTime() + leaseMs),
      startedAt: now,
      attempts: { increment: 1 },
    },
  }));
  if (count !== 1) return null;
  const row = await db.submission.findUniqueOrThrow({
    where: { id: target.id },
    select: { id: true, gradeRun: true, source: true, attempts: true, exercise: { select: { slug: true, maxScore: true, testsHash: true } } },
  });
  return { ...row, owner };
}
