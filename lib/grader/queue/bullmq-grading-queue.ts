import { Queue } from "bullmq";
import type { GradeJob, GradeJobNotifier } from "./grade-job";

/**
 * BullMQ job id of a grade run. BullMQ rejects custom ids containing ':', hence '-'
 * (cuids contain neither). One id per (submission, run): adding the same run twice is a
 * no-op, a regrade (new run) is a new job.
 */
export function gradeJobId({ submissionId, gradeRun }: GradeJob): string {
  return `${submissionId}-${gradeRun}`;
}

/** Redis connection options for BullMQ: blocking commands must not give up on retries. */
export function redisConnection(redisUrl: string) {
  return { url: redisUrl, maxRetriesPerRequest: null };
}

const FINISHED_STATES = new Set(["completed", "failed"]);

/**
 * The web app's side of scale-out: submissions are persisted first (the database is the
 * source of truth), then announced here. Jobs carry only {submissionId, gradeRun}; results
 * go straight to the database, never back through Redis.
 */
export class GradingQueue {
  readonly queue: Queue<GradeJob>;

  constructor(redisUrl: string, name: string) {
    this.queue = new Queue<GradeJob>(name, {
      connection: redisConnection(redisUrl),
      defaultJobOptions: {
        // Processor errors (database unreachable…) are retried; grading outcomes never throw.
        attempts: 5,
        backoff: { type: "exponential", delay: 1000 },
        // Keep finished ids a while so a duplicate add is recognised, then let Redis forget.
        removeOnComplete: { age: 24 * 3600, count: 10_000 },
        removeOnFail: { age: 7 * 24 * 3600 },
      },
    });
  }

  async add(job: GradeJob): Promise<void> {
    await this.queue.add("grade", job, { jobId: gradeJobId(job) });
  }

  /**
   * Makes sure a run is on the queue, even if a job with its id already finished (e.g. it
   * failed after too many stalls while the row went back to QUEUED): such a job is
   * replaced. A waiting or active job is left alone.
   */
  async ensure(job: GradeJob): Promise<"added" | "present"> {
    const existing = await this.queue.getJob(gradeJobId(job));
    if (existing) {
      if (!FINISHED_STATES.has(await existing.getState())) return "present";
      await existing.remove();
    }
    await this.add(job);
    return "added";
  }

  notifier(): GradeJobNotifier {
    return (job) => this.add(job);
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}
