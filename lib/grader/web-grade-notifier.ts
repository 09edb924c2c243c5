import { env } from "../env";
import { graderConfig } from "./queue/grader-config";
import { GradingQueue } from "./queue/bullmq-grading-queue";
import type { GradeJobNotifier } from "./queue/grade-job";

const registry = globalThis as unknown as { ipclabGradingQueue?: GradingQueue; ipclabEmbeddedNotify?: GradeJobNotifier };

/** Called by the embedded grader (instrumentation.ts) so web requests can wake it at once. */
export function registerEmbeddedNotifier(notify: GradeJobNotifier): void {
  registry.ipclabEmbeddedNotify = notify;
}

/**
 * How the web app tells graders about a new job: BullMQ when REDIS_URL is set, else the
 * embedded dispatcher in this process (which also polls, so a missed wake-up only delays).
 */
export function webGradeNotifier(): GradeJobNotifier | undefined {
  const e = env();
  if (e.REDIS_URL) {
    registry.ipclabGradingQueue ??= new GradingQueue(e.REDIS_URL, graderConfig().queueName);
    return registry.ipclabGradingQueue.notifier();
  }
  return registry.ipclabEmbeddedNotify;
}
