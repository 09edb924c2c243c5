import { SubmissionStatus, type Db } from "../../db";
import { claimSubmission, type ClaimedSubmission } from "./claim-submission";

/**
 * Claims the oldest QUEUED submission (by queuedAt, then id) for `owner`, or returns null
 * when none is queued. Another grader may take the candidate between our read and our
 * conditional update; then we simply look again — each lost race means someone else made
 * progress, so the loop ends.
 */
export async function claimNextSubmission(db: Db, owner: string, leaseMs: number): Promise<ClaimedSubmission | null> {
  for (;;) {
    const candidate = await db.submission.findFirst({
      where: { status: SubmissionStatus.QUEUED },
      orderBy: [{ queuedAt: "asc" }, { id: "asc" }],
      select: { id: true, gradeRun: true },
    });
    if (!candidate) return null;
    const claimed = await claimSubmission(db, candidate, owner, leaseMs);
    if (claimed) return claimed;
  }
}
