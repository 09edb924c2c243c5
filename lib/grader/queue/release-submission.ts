import { SubmissionStatus, type Db } from "../../db";
import { NO_LEASE, heldLease, type SubmissionLease } from "./submission-lease";

/**
 * Gives a claimed submission back to the queue untouched (the grader is shutting down and
 * abandoned the job). Not the submission's fault, so the attempt is not counted.
 */
export async function releaseSubmission(db: Db, lease: SubmissionLease): Promise<boolean> {
  const { count } = await db.submission.updateMany({
    where: heldLease(lease),
    data: { status: SubmissionStatus.QUEUED, ...NO_LEASE, attempts: { decrement: 1 } },
  });
  return count === 1;
}
