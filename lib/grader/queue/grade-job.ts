import type { GraderLog } from "../pool/grader-log";

/** What a transport (in-process wake-up, BullMQ) carries: the row is the job, this names it. */
export type GradeJob = { submissionId: string; gradeRun: number };

/** Tells graders that a job is waiting. Best effort: the database row is what counts. */
export type GradeJobNotifier = (job: GradeJob) => void | Promise<void>;

/**
 * Calls the notifier without letting its failure fail the caller: the submission is
 * already persisted as QUEUED, so polling dispatchers and BullMQ reconciliation still
 * pick it up. Losing the notification delays the grade; it never loses the submission.
 */
export async function notifyGraders(notify: GradeJobNotifier | undefined, jobs: GradeJob[], log?: GraderLog): Promise<void> {
  if (!notify) return;
  for (const job of jobs) {
    try {
      await notify(job);
    } catch (error) {
      log?.("grader.notify-failed", { ...job, error: error instanceof Error ? error.message : String(error) });
    }
  }
}
