import type { Db } from "../../db";
import { silentLog, type GraderLog } from "../pool/grader-log";
import type { WorkerPool } from "../pool/worker-pool";
import { claimNextSubmission } from "./claim-next-submission";
import { DEFAULT_MAX_ATTEMPTS } from "./complete-submission";
import { gradeClaimedSubmission } from "./grade-claimed-submission";
import { requeueExpiredLeases } from "./requeue-expired-leases";
import { createWakeup } from "./wakeup";

export type DispatcherOptions = {
  pool: WorkerPool;
  db: Db;
  /** Unique per grader process: written as leaseOwner. */
  owner: string;
  pollMs?: number;
  leaseMs?: number;
  maxAttempts?: number;
  log?: GraderLog;
  onChange?: (submissionId: string) => void;
};

export type Dispatcher = {
  /** Look for work now (call after enqueueing in the same process). */
  notify(): void;
  /** Stops claiming, waits for the jobs in flight to be recorded. */
  stop(): Promise<void>;
};

/**
 * The embedded queue's consumer (no Redis): keeps the pool busy with QUEUED submissions
 * from the database. Each round recovers expired leases (at most once per pollMs: a lease
 * cannot expire faster than that matters), then claims while the pool has a free worker.
 * Several dispatchers (processes, machines) can share one database: the claims are
 * race-free. It wakes on notify(), on a finished job, or every pollMs.
 */
export function startDispatcher({ pool, db, owner, pollMs = 1000, leaseMs = 30_000, maxAttempts = DEFAULT_MAX_ATTEMPTS, log = silentLog, onChange }: DispatcherOptions): Dispatcher {
  const wakeup = createWakeup();
  const running = new Set<Promise<unknown>>();
  let stopping = false;
  let lastRecovery = -Infinity;

  async function fillPool(): Promise<void> {
    // Rounds also start on every notify() and finished job: during a rush, hundreds a minute.
    if (performance.now() - lastRecovery >= pollMs) {
      lastRecovery = performance.now();
      await requeueExpiredLeases(db, new Date(), { maxAttempts });
    }
    while (!stopping && running.size < pool.size) {
      const claim = await claimNextSubmission(db, owner, leaseMs);
      if (!claim) return;
      log("grader.claimed", { submissionId: claim.id, gradeRun: claim.gradeRun, attempt: claim.attempts, owner });
      const job = gradeClaimedSubmission(claim, { db, pool, leaseMs, maxAttempts, log, onChange })
        .catch((error: unknown) => log("grader.job-failed", { submissionId: claim.id, error: String(error) }))
        .finally(() => {
          running.delete(job);
          wakeup.notify();
        });
      running.add(job);
    }
  }

  const loop = (async () => {
    while (!stopping) {
      try {
        await fillPool();
      } catch (error) {
        // A database hiccup must not kill the grader: log it and retry next round.
        log("grader.dispatch-failed", { error: String(error) });
      }
      if (!stopping) await wakeup.wait(pollMs);
    }
  })();

  return {
    notify: () => wakeup.notify(),
    async stop() {
      stopping = true;
      wakeup.notify();
      await loop;
      await Promise.all(running);
    },
  };
}
