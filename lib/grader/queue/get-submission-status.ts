import type { Db, SubmissionStatus } from "../../db";
import { queuePosition } from "./queue-position";

export type SubmissionStatusView = {
  id: string;
  status: SubmissionStatus;
  /** Place in the queue while QUEUED, else null. */
  position: number | null;
  gradeRun: number;
  attempts: number;
  /** Live while RUNNING (throttled), final once graded. */
  schedulesExplored: number;
  score: number | null;
  maxScore: number | null;
  queuedAt: Date;
  startedAt: Date | null;
  gradedAt: Date | null;
};

/** What the live-status API shows about one submission; null if it does not exist. */
export async function getSubmissionStatus(db: Db, submissionId: string): Promise<SubmissionStatusView | null> {
  const row = await db.submission.findUnique({
    where: { id: submissionId },
    select: { id: true, status: true, gradeRun: true, attempts: true, schedulesExplored: true, score: true, maxScore: true, queuedAt: true, startedAt: true, gradedAt: true },
  });
  if (!row) return null;
  return { ...row, position: await queuePosition(db, submissionId) };
}
