import { SubmissionStatus, type Db } from "../../db";
import type { GraderLog } from "../pool/grader-log";
import { notifyGraders, type GradeJob, type GradeJobNotifier } from "./grade-job";

export type NewSubmission = {
  userId: string;
  exerciseId: string;
  assignmentId?: string | null;
  source: string;
  late?: boolean;
  latePenalty?: number;
};

/**
 * Persists a submission as QUEUED — the row is the job, durable before anyone is told —
 * then notifies the graders (wakes the embedded dispatcher, or adds the BullMQ job).
 */
export async function enqueueSubmission(db: Db, submission: NewSubmission, notify?: GradeJobNotifier, log?: GraderLog): Promise<GradeJob> {
  const row = await db.submission.create({
    data: { ...submission, status: SubmissionStatus.QUEUED },
    select: { id: true, gradeRun: true },
  });
  const job = { submissionId: row.id, gradeRun: row.gradeRun };
  await notifyGraders(notify, [job], log);
  return job;
}
