import { SubmissionStatus, type Db } from "../../db";
import { pluralEn } from "../../i18n/plural";
import { failureReport } from "../pool/failure-report";
import { DEFAULT_MAX_ATTEMPTS } from "./complete-submission";
import type { GradeJob } from "./grade-job";
import { toStoredReport } from "./stored-report";
import { NO_LEASE } from "./submission-lease";

/**
 * Recovers submissions whose grader vanished (crash, SIGKILL, restart): RUNNING with a
 * lease that expired before `now` go back to QUEUED, keeping their attempts and their
 * place in line (queuedAt). One that already used `maxAttempts` attempts is FAILED with
 * an explanation instead, so a submission that kills graders cannot loop forever.
 * Each transition is a conditional update, safe against a late renewal or completion.
 */
export async function requeueExpiredLeases(
  db: Db,
  now = new Date(),
  { maxAttempts = DEFAULT_MAX_ATTEMPTS } = {},
): Promise<{ requeued: GradeJob[]; failed: string[] }> {
  const expired = await db.submission.findMany({
    where: { status: SubmissionStatus.RUNNING, leaseUntil: { lt: now } },
    select: { id: true, attempts: true, gradeRun: true, leaseOwner: true, exercise: { select: { slug: true } } },
  });
  const requeued: GradeJob[] = [];
  const failed: string[] = [];
  for (const row of expired) {
    const where = { id: row.id, status: SubmissionStatus.RUNNING, leaseOwner: row.leaseOwner, gradeRun: row.gradeRun, leaseUntil: { lt: now } };
    if (row.attempts >= maxAttempts) {
      const error = `Grading was interrupted ${pluralEn(row.attempts, "once", `${row.attempts} times`)}, so it was stopped. Ask your instructor for a regrade.`;
      const report = toStoredReport(failureReport({ exercise: row.exercise.slug }, "internal-error", error));
      const { count } = await db.submission.updateMany({ where, data: { status: SubmissionStatus.FAILED, report, gradedAt: now, ...NO_LEASE } });
      if (count === 1) failed.push(row.id);
    } else {
      const { count } = await db.submission.updateMany({ where, data: { status: SubmissionStatus.QUEUED, ...NO_LEASE } });
      if (count === 1) requeued.push({ submissionId: row.id, gradeRun: row.gradeRun });
    }
  }
  return { requeued, failed };
}
