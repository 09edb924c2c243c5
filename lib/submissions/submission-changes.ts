import { EventEmitter } from "node:events";
import { Redis } from "ioredis";

/**
 * "Submission X changed" notices, from the grader that changed it to every web process that
 * streams X's status to a browser (GET /api/submissions/[id]/events). In one process (the
 * embedded grader) an EventEmitter carries them; with REDIS_URL they also go through a Redis
 * channel, so graders on other machines reach the web processes. A notice carries only the
 * id: the stream re-reads the database, which stays the source of truth, and streams also
 * poll slowly, so a lost notice delays an update instead of losing it.
 */
export const SUBMISSION_CHANGES_CHANNEL = "ipclab:submission-changed";

type Feed = { local: EventEmitter; publisher?: Redis; subscriber?: Redis };

// On globalThis: Next may load this module once for instrumentation.ts (where the embedded
// grader publishes) and again for route handlers (which subscribe).
const registry = globalThis as unknown as { ipclabSubmissionChanges?: Feed };

function feed(): Feed {
  if (!registry.ipclabSubmissionChanges) {
    const local = new EventEmitter();
    local.setMaxListeners(0); // one listener per open stream
    registry.ipclabSubmissionChanges = { local };
  }
  return registry.ipclabSubmissionChanges;
}

function redis(url: string): Redis {
  // Notices are best-effort: a Redis outage must not make callers wait or throw.
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  client.on("error", () => {});
  return client;
}

/**
 * Announces that a submission's status, progress or grade changed. With Redis the notice
 * goes only through the channel: this process's own streams receive it back from there.
 */
export function publishSubmissionChange(submissionId: string, redisUrl?: string): void {
  const f = feed();
  if (!redisUrl) {
    f.local.emit(submissionId);
    return;
  }
  f.publisher ??= redis(redisUrl);
  f.publisher.publish(SUBMISSION_CHANGES_CHANNEL, submissionId).catch(() => {});
}

/** Calls `onChange` on every notice about the submission; returns the unsubscribe function. */
export function subscribeSubmissionChanges(submissionId: string, onChange: () => void, redisUrl?: string): () => void {
  const f = feed();
  if (redisUrl && !f.subscriber) {
    f.subscriber = redis(redisUrl);
    f.subscriber.on("message", (_channel: string, id: string) => f.local.emit(id));
    f.subscriber.subscribe(SUBMISSION_CHANGES_CHANNEL).catch(() => {});
  }
  f.local.on(submissionId, onChange);
  return () => f.local.off(submissionId, onChange);
}

/** Closes the Redis connections (a grader process shutting down). */
export async function closeSubmissionChanges(): Promise<void> {
  const f = registry.ipclabSubmissionChanges;
  if (!f) return;
  const clients = [f.publisher, f.subscriber].filter((c): c is Redis => c !== undefined);
  f.publisher = f.subscriber = undefined;
  await Promise.all(clients.map((c) => c.quit().catch(() => c.disconnect())));
}
