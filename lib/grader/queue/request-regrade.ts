import { SubmissionStatus, type Db } from "../../db";
import type { GraderLog } from "../pool/grader-log";
import { notifyGraders, type GradeJob, type GradeJobNotifier } from "./grade-job";
import { NO_LEASE } from "./submission-lease";

/**
 * Regrading is an ordinary job of a new grade run: gradeRun + 1, QUEUED at the back of the
 * line, attempts counted afresh. Score, report and test results stay as they were until
 * the new run completes and replaces them, so an interrupted regrade loses nothing. A
 * run already in progress is superseded: its completion will be refused.
 */
export async function requestRegrade(db: Db, { submissionIds }: { submissionIds: string[] }, notify?: GradeJobNotifier, log?: GraderLog): Promise<GradeJob[]> {
  if (submissionIds.length === 0) return [];
  const now = new Date();
  const rows = await db.$transaction(async (tx) => {
    await tx.submission.updateMany({
      where: { id: { in: submissionIds } },
      data: { gradeRun: { increment: 1 }, status: SubmissionStatus.QUEUED, queuedAt: now, attempts: 0, ...NO_LEASE },
    });
    return tx.submission.findMany({ where: { id: { in: submissionIds } }, select: { id: true, gradeRun: true }, orderBy: { id: "asc" } });
  });
  const jobs = rows.map((r) => ({ submissionId: r.id, gradeRun: r.gradeRun }));
  await notifyGraders(notify, jobs, log);
  return jobs;
}
