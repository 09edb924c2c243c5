import { DelayedError, Worker, type Job } from "bullmq";
import { SubmissionStatus, type Db } from "../../db";
import type { GraderLog } from "../pool/grader-log";
import type { WorkerPool } from "../pool/worker-pool";
import { GradingQueue, redisConnection } from "./bullmq-grading-queue";
import { claimSubmission } from "./claim-submission";
import type { GradeJob } from "./grade-job";
import { gradeClaimedSubmission } from "./grade-claimed-submission";
import { requeueExpiredLeases } from "./requeue-expired-leases";

export type BullmqGraderOptions = {
  db: Db;
  pool: WorkerPool;
  owner: string;
  redisUrl: string;
  queueName: string;
  leaseMs: number;
  maxAttempts: number;
  /** How often QUEUED rows are checked for a missing BullMQ job. */
  reconcileMs?: number;
  log: GraderLog;
  onChange?: (submissionId: string) => void;
};

/** How many QUEUED rows one reconciliation round looks at (oldest first). */
const RECONCILE_BATCH = 500;

/**
 * A scale-out grader: a BullMQ worker (concurrency = pool size) whose jobs only name a
 * submission run. The database stays the source of truth: a job is graded only if its row
 * can be claimed (QUEUED, same grade run), and the result is recorded idempotently under
 * the lease. BullMQ retries jobs of a killed grader (stalled lock); the lease decides who
 * may record them, so every run is recorded once.
 */
export async function startBullmqGrader(options: BullmqGraderOptions) {
  const { db, pool, owner, leaseMs, maxAttempts, log, onChange } = options;
  const queue = new GradingQueue(options.redisUrl, options.queueName);

  async function reconcile(): Promise<void> {
    // Leases of vanished graders first, then QUEUED rows whose job never reached Redis
    // (a crash between the database write and the add) or was dropped after failing.
    await requeueExpiredLeases(db, new Date(), { maxAttempts });
    const queued = await db.submission.findMany({
      where: { status: SubmissionStatus.QUEUED },
      orderBy: [{ queuedAt: "asc" }, { id: "asc" }],
      take: RECONCILE_BATCH,
      select: { id: true, gradeRun: true },
    });
    for (const row of queued) {
      if ((await queue.ensure({ submissionId: row.id, gradeRun: row.gradeRun })) === "added") {
        log("grader.reconciled", { submissionId: row.id, gradeRun: row.gradeRun });
      }
    }
  }

  async function processJob(job: Job<GradeJob>, token?: string): Promise<string> {
    const { submissionId, gradeRun } = job.data;
    let claim = await claimSubmission(db, { id: submissionId, gradeRun }, owner, leaseMs);
    if (!claim) {
      const row = await db.submission.findUnique({ where: { id: submissionId }, select: { status: true, gradeRun: true, leaseUntil: true } });
      if (!row || row.gradeRun !== gradeRun || row.status !== SubmissionStatus.RUNNING) return "nothing to do: finished, superseded or gone";
      // Still RUNNING under another grader: this is a retried job of a grader that may
      // have died. Its lease decides; recover it if expired, else look again when it ends.
      const now = new Date();
      if (!row.leaseUntil || row.leaseUntil < now) {
        const { requeued } = await requeueExpiredLeases(db, now, { maxAttempts });
        if (requeued.some((r) => r.submissionId === submissionId)) claim = await claimSubmission(db, { id: submissionId, gradeRun }, owner, leaseMs);
      }
      if (!claim) {
        await job.moveToDelayed(Math.max(Date.now(), row.leaseUntil?.getTime() ?? 0) + 100, token);
        throw new DelayedError();
      }
    }
    log("grader.claimed", { submissionId, gradeRun, attempt: claim.attempts, owner });
    const result = await gradeClaimedSubmission(claim, { db, pool, leaseMs, maxAttempts, log, onChange });
    // An internal error sent the row back to QUEUED: let BullMQ retry the job (backoff).
    if (result?.applied && result.status === SubmissionStatus.QUEUED) throw new Error("grader internal error; retrying");
    if (result === null) throw new Error("grader shutting down; job released");
    return result.applied ? result.status : `not recorded: ${result.reason}`;
  }

  await reconcile();
  const worker = new Worker<GradeJob, string>(options.queueName, processJob, {
    connection: redisConnection(options.redisUrl),
    concurrency: pool.size,
    // The BullMQ lock mirrors the database lease: a dead grader's jobs stall and are
    // handed to another grader after about one lease.
    lockDuration: leaseMs,
    stalledInterval: Math.max(500, Math.floor(leaseMs / 2)),
    maxStalledCount: 3,
  });
  worker.on("failed", (job, error) => log("grader.bullmq-job-failed", { jobId: job?.id, error: error.message }));
  worker.on("error", (error) => log("grader.bullmq-error", { error: error.message }));
  const timer = setInterval(() => reconcile().catch((error: unknown) => log("grader.reconcile-failed", { error: String(error) })), options.reconcileMs ?? Math.max(leaseMs, 5000));

  return {
    async stop(): Promise<void> {
      clearInterval(timer);
      await worker.close(); // waits for active jobs to finish
      await queue.close();
    },
  };
}
