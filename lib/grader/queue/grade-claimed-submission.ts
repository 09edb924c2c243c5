import type { Db } from "../../db";
import type { GraderLog } from "../pool/grader-log";
import { throttleLatest } from "../pool/throttle-latest";
import { PoolClosedError, type WorkerPool } from "../pool/worker-pool";
import type { GradeReport } from "../types";
import type { ClaimedSubmission } from "./claim-submission";
import { completeSubmission, type CompletionResult } from "./complete-submission";
import { recordProgress } from "./record-progress";
import { releaseSubmission } from "./release-submission";
import { renewLease } from "./renew-lease";

export type GradeClaimedOptions = {
  db: Db;
  pool: WorkerPool;
  leaseMs: number;
  maxAttempts: number;
  log: GraderLog;
  /** Told after each change to the row (claimed, progress, recorded), for live status streams. */
  onChange?: (submissionId: string) => void;
};

/** Progress is written to the row at most this often per submission. */
const PROGRESS_WRITE_INTERVAL_MS = 500;

/**
 * Grades a submission this grader holds the lease for, and records the result: renews the
 * lease while the job runs, publishes progress, then completes idempotently. Shared by the
 * database dispatcher and the BullMQ worker. Returns null when the pool shut down and the
 * submission was handed back to the queue.
 */
export async function gradeClaimedSubmission(claim: ClaimedSubmission, { db, pool, leaseMs, maxAttempts, log, onChange = () => {} }: GradeClaimedOptions): Promise<CompletionResult | null> {
  onChange(claim.id);
  const heartbeat = setInterval(() => {
    renewLease(db, claim, leaseMs).then(
      (held) => held || log("grader.lease-lost", { submissionId: claim.id, gradeRun: claim.gradeRun }),
      (error: unknown) => log("grader.lease-renewal-failed", { submissionId: claim.id, error: String(error) }),
    );
  }, Math.max(100, Math.floor(leaseMs / 3)));
  const progress = throttleLatest((p: Parameters<typeof recordProgress>[2]) => {
    recordProgress(db, claim, p).then(
      () => onChange(claim.id),
      (error: unknown) => log("grader.progress-failed", { submissionId: claim.id, error: String(error) }),
    );
  }, PROGRESS_WRITE_INTERVAL_MS);

  let report: GradeReport;
  try {
    // No per-submission seed: the same source and exercise version always get the same verdict.
    report = await pool.run({ exercise: claim.exercise.slug, source: claim.source }, { onProgress: (p) => progress.call(p) });
  } catch (error) {
    if (!(error instanceof PoolClosedError)) throw error;
    await releaseSubmission(db, claim);
    onChange(claim.id);
    return null;
  } finally {
    clearInterval(heartbeat);
    progress.cancel();
  }

  const result = await completeSubmission(db, claim, withExerciseDefaults(report, claim), { maxAttempts });
  if (result.applied) onChange(claim.id);
  log("grader.completed", { submissionId: claim.id, gradeRun: claim.gradeRun, attempt: claim.attempts, verdict: report.verdict, ...result });
  return result;
}

/**
 * Reports made by the pool (time limit, crash) cannot know the exercise's maximum score or
 * tests hash; the claim does.
 */
function withExerciseDefaults(report: GradeReport, claim: ClaimedSubmission): GradeReport {
  return {
    ...report,
    maxScore: report.maxScore || claim.exercise.maxScore,
    testsHash: report.testsHash || claim.exercise.testsHash,
  };
}
