import { db } from "../db";
import { env } from "../env";
import { getSubmissionStatuses, type SubmissionStatusView } from "../grader/queue/get-submission-status";
import { subscribeSubmissionChanges } from "./submission-changes";

export type StatusListener = (status: SubmissionStatusView) => void;

export type StatusWatcher = {
  /** Calls `listener` with the submission's status after every read; returns the unwatch function. */
  watch(submissionId: string, listener: StatusListener): () => void;
};

export type StatusWatcherOptions = {
  read: (ids: readonly string[]) => Promise<Map<string, SubmissionStatusView>>;
  /** How often every watched submission is re-read without a notice (queue positions move silently). */
  pollMs: number;
  redisUrl?: string;
};

/**
 * The statuses of every submission this process streams to browsers, read together: one
 * batched read per poll for all of them, whatever their number (a class at a deadline holds
 * hundreds of streams), plus an immediate read of one a grader announced a change of.
 * Overlapping requests are coalesced into the next read.
 */
export function createStatusWatcher({ read, pollMs, redisUrl }: StatusWatcherOptions): StatusWatcher {
  const watched = new Map<string, { listeners: Set<StatusListener>; unsubscribe: () => void }>();
  const due = new Set<string>();
  let reading = false;
  let timer: ReturnType<typeof setInterval> | undefined;

  async function refresh(ids: Iterable<string>): Promise<void> {
    for (const id of ids) due.add(id);
    if (reading) return; // the running loop takes these too
    reading = true;
    try {
      while (due.size) {
        const batch = [...due].filter((id) => watched.has(id));
        due.clear();
        if (!batch.length) continue;
        const statuses = await read(batch).catch(() => new Map<string, SubmissionStatusView>()); // next poll retries
        for (const [id, status] of statuses) watched.get(id)?.listeners.forEach((listener) => listener(status));
      }
    } finally {
      reading = false;
    }
  }

  return {
    watch(submissionId, listener) {
      let entry = watched.get(submissionId);
      if (!entry) {
        entry = { listeners: new Set(), unsubscribe: subscribeSubmissionChanges(submissionId, () => void refresh([submissionId]), redisUrl) };
        watched.set(submissionId, entry);
      }
      entry.listeners.add(listener);
      if (!timer) {
        timer = setInterval(() => void refresh(watched.keys()), pollMs);
        timer.unref?.();
      }
      // A change between the caller's first read and this subscription would otherwise wait for the poll.
      void refresh([submissionId]);
      const current = entry;
      return () => {
        current.listeners.delete(listener);
        if (current.listeners.size === 0 && watched.get(submissionId) === current) {
          current.unsubscribe();
          watched.delete(submissionId);
        }
        if (watched.size === 0 && timer) {
          clearInterval(timer);
          timer = undefined;
        }
      };
    },
  };
}

const registry = globalThis as unknown as { ipclabStatusWatcher?: StatusWatcher };

/** This web process's watcher, on its database (one per process, shared by every stream). */
export function statusWatcher(): StatusWatcher {
  registry.ipclabStatusWatcher ??= createStatusWatcher({ read: (ids) => getSubmissionStatuses(db(), ids), pollMs: 1000, redisUrl: env().REDIS_URL });
  return registry.ipclabStatusWatcher;
}
