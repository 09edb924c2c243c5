import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import { z } from "zod";
import { env, formatEnvIssues, EnvError } from "../../env";
import { DEFAULT_WORKER_ENTRY, PROJECT_ROOT } from "../pool/worker-pool";

/**
 * The grader's own settings, on top of lib/env.ts (GRADER_WORKERS, GRADER_JOBS_PER_WORKER,
 * REDIS_URL, DATABASE_URL). Validated once; an invalid value names the variable.
 */
export const graderEnvSchema = z.object({
  /** BullMQ queue name (scale-out); one per deployment or test run. */
  GRADER_QUEUE_NAME: z.string().regex(/^[A-Za-z0-9_.-]+$/, "letters, digits, _ . - only (BullMQ forbids ':')").default("ipclab-grading"),
  /** Worker entry module, relative to the project root. Tests point it at a fixture. */
  GRADER_WORKER_ENTRY: z.string().min(1).optional(),
  /** How long a claimed submission stays leased without a heartbeat (also BullMQ's lock). */
  GRADER_LEASE_MS: z.coerce.number().int().min(500).default(30_000),
  /** Hard wall-clock limit of one grading job; the worker is killed past it. */
  GRADER_JOB_TIMEOUT_MS: z.coerce.number().int().min(100).default(20_000),
  /** Grading attempts before a submission whose grading keeps failing is marked FAILED. */
  GRADER_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(3),
  /** How often an idle database dispatcher looks for work (and recovers expired leases). */
  GRADER_POLL_MS: z.coerce.number().int().min(50).default(1000),
  /** Heap cap (--max-old-space-size) of each worker process. */
  GRADER_WORKER_MEMORY_MB: z.coerce.number().int().min(32).default(256),
  /**
   * CPU niceness of worker processes: below the web server's priority, so pages and submits
   * stay fast while a deadline rush keeps every core grading. 0 = same priority.
   */
  GRADER_NICE: z.coerce.number().int().min(0).max(19).default(10),
});

export type GraderConfig = {
  databaseUrl: string;
  redisUrl?: string;
  workers: number;
  jobsPerWorker: number;
  queueName: string;
  workerEntry: string;
  leaseMs: number;
  jobTimeoutMs: number;
  maxAttempts: number;
  pollMs: number;
  workerMemoryMb: number;
  workerNiceness: number;
};

export function graderConfig(source: Record<string, string | undefined> = process.env): GraderConfig {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = graderEnvSchema.safeParse(cleaned);
  if (!parsed.success) throw new EnvError(`Invalid grader configuration:\n${formatEnvIssues(parsed.error)}`);
  const g = parsed.data;
  const app = env();
  return {
    databaseUrl: app.DATABASE_URL,
    redisUrl: app.REDIS_URL,
    workers: app.GRADER_WORKERS,
    jobsPerWorker: app.GRADER_JOBS_PER_WORKER,
    queueName: g.GRADER_QUEUE_NAME,
    workerEntry: g.GRADER_WORKER_ENTRY ? path.resolve(PROJECT_ROOT, g.GRADER_WORKER_ENTRY) : DEFAULT_WORKER_ENTRY,
    leaseMs: g.GRADER_LEASE_MS,
    jobTimeoutMs: g.GRADER_JOB_TIMEOUT_MS,
    maxAttempts: g.GRADER_MAX_ATTEMPTS,
    pollMs: g.GRADER_POLL_MS,
    workerMemoryMb: g.GRADER_WORKER_MEMORY_MB,
    workerNiceness: g.GRADER_NICE,
  };
}

/** A lease owner naming this process, unique even across restarts with a reused pid. */
export function graderOwnerId(): string {
  return `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString("hex")}`;
}
