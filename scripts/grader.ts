/**
 * `npm run grader` (node --no-node-snapshot --import tsx scripts/grader.ts): a grader
 * process for any machine. With REDIS_URL it consumes the BullMQ queue, without it polls
 * the database; either way it grades in its own worker pool and records results in the
 * shared database (DATABASE_URL). SIGINT/SIGTERM drain the jobs in flight, then exit.
 * See docs/decisions/002-grader-queue-and-scale-out.md.
 */
import { jsonLineLog } from "@/lib/grader/pool/grader-log";
import { graderConfig, graderOwnerId } from "@/lib/grader/queue/grader-config";
import { startGrader } from "@/lib/grader/queue/start-grader";

const config = graderConfig();
const grader = await startGrader(config, graderOwnerId(), jsonLineLog);
jsonLineLog("grader.started", { mode: grader.mode, owner: grader.owner, pid: process.pid, workers: config.workers, queue: config.redisUrl ? config.queueName : undefined });

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    jsonLineLog("grader.stopping", { signal });
    grader.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
