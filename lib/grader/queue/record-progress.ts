import type { Db } from "../../db";
import type { GradeProgress } from "../types";
import { heldLease, type SubmissionLease } from "./submission-lease";

/** Publishes live progress (schedules explored so far) on the row for the status API. */
export async function recordProgress(db: Db, lease: SubmissionLease, progress: GradeProgress): Promise<void> {
  await db.submission.updateMany({ where: heldLease(lease), data: { schedulesExplored: progress.schedulesExplored } });
}
