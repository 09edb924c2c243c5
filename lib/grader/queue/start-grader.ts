import { createDb } from "../../db";
import type { GraderLog } from "../pool/grader-log";
import { WorkerPool } from "../pool/worker-pool";
import { startBullmqGrader } from "./bullmq-grader";
import { startDispatcher } from "./dispatcher";
import type { GraderConfig } from "./grader-config";
import { closeSubmissionChanges, publishSubmissionChange } from "../../submissions/submission-changes";

export type RunningGrader = {
  mode: "bullmq" | "database";
  owner: string;
  pool: WorkerPool;
  /** Wakes the database dispatcher at once (a no-op in BullMQ mode, where Redis delivers jobs). */
  notify(): void;
  stop(): Promise<void>;
};

/**
 * A grader process's main part: the worker pool plus its source of jobs — BullMQ when
 * REDIS_URL is set, else the database dispatcher (which also lets several graders share
 * one PostgreSQL without Redis). Both record results in the database named by DATABASE_URL.
 */
export async function startGrader(config: GraderConfig, owner: string, log: GraderLog): Promise<RunningGrader> {
  const db = createDb(config.databaseUrl);
  const pool = new WorkerPool({
    size: config.workers,
    jobsPerWorker: config.jobsPerWorker,
    entry: config.workerEntry,
    timeoutMs: config.jobTimeoutMs,
    memoryMb: config.workerMemoryMb,
    niceness: config.workerNiceness,
    log,
  });
  await pool.ready();
  const onChange = (submissionId: string) => publishSubmissionChange(submissionId, config.redisUrl);
  const common = { db, pool, owner, leaseMs: config.leaseMs, maxAttempts: config.maxAttempts, log, onChange };
  const dispatcher = config.redisUrl ? null : startDispatcher({ ...common, pollMs: config.pollMs });
  const source = dispatcher ?? (await startBullmqGrader({ ...common, redisUrl: config.redisUrl!, queueName: config.queueName }));
  return {
    mode: config.redisUrl ? "bullmq" : "database",
    owner,
    pool,
    notify: () => dispatcher?.notify(),
    async stop() {
      await source.stop();
      await pool.close();
      await db.$disconnect();
      await closeSubmissionChanges();
    },
  };
}
