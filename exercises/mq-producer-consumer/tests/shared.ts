import type { Snapshot } from "../../../lib/kernel";
import type { Scenario } from "../../../lib/grader/exercises/test-definition";

export const QUEUE_KEY = 0x4d51;

export type Job = { id: string; priority: number };

/** `count` jobs for producer `name`, priorities cycling through `pattern` (1 = urgent … 3 = bulk). */
export function jobs(name: string, count: number, pattern: number[] = [2, 3, 1]): Job[] {
  return Array.from({ length: count }, (_, i) => ({ id: `${name}${i + 1}`, priority: pattern[i % pattern.length] }));
}

/** main gets [jobs of each producer, number of consumers]. */
export function mqScenario(producers: Job[][], consumers: number, waiting: Job[] = []): Scenario {
  return {
    main: "main",
    args: [producers, consumers],
    objects: waiting.length ? [{ kind: "msgq", key: QUEUE_KEY, messages: waiting.map((j) => ({ type: j.priority, data: j.id })) }] : [],
  };
}

/** Per process, the job ids it reported with a `done <id>` line, in order. */
export function processed(s: Snapshot): Map<number, string[]> {
  const byPid = new Map<number, string[]>();
  for (const [pid, text] of Object.entries(s.output)) {
    const ids = text
      .split("\n")
      .map((line) => /^done (.+)$/.exec(line.trim())?.[1])
      .filter((id): id is string => id !== undefined);
    if (ids.length) byPid.set(Number(pid), ids);
  }
  return byPid;
}

/** Every job is processed by exactly one consumer, exactly once: none lost, none twice, none invented. */
export function checkExactlyOnce(all: Job[]) {
  return (s: Snapshot): string | null => {
    if (s.outcome.kind !== "completed") return null; // the kernel already reports deadlocks and hangs
    const seen = new Map<string, number>();
    for (const ids of processed(s).values()) for (const id of ids) seen.set(id, (seen.get(id) ?? 0) + 1);
    const lost = all.filter((j) => !seen.has(j.id)).map((j) => j.id);
    const twice = [...seen].filter(([, n]) => n > 1).map(([id]) => id);
    const unknown = [...seen.keys()].filter((id) => !all.some((j) => j.id === id));
    if (lost.length) return `${lost.length} of ${all.length} jobs were never processed (lost): ${lost.join(", ")}`;
    if (twice.length) return `jobs processed more than once: ${twice.join(", ")}`;
    if (unknown.length) return `"done" reported for jobs nobody sent: ${unknown.join(", ")}`;
    return null;
  };
}

/**
 * With every job already queued before anyone receives, each receive must take the most
 * urgent job left (FIFO among equal priorities). The receives of all consumers together are
 * then in (priority, arrival) order, so each consumer's own sequence is too, whatever the
 * schedule.
 */
export function checkPriorityOrder(queued: Job[]) {
  const rank = new Map(
    queued
      .map((j, arrival) => ({ j, arrival }))
      .sort((a, b) => a.j.priority - b.j.priority || a.arrival - b.arrival)
      .map(({ j }, i) => [j.id, i]),
  );
  const exactlyOnce = checkExactlyOnce(queued);
  return (s: Snapshot): string | null => {
    const missing = exactlyOnce(s);
    if (missing) return missing;
    for (const [pid, ids] of processed(s)) {
      for (let i = 1; i < ids.length; i++) {
        const [a, b] = [ids[i - 1], ids[i]];
        if ((rank.get(a) ?? 0) > (rank.get(b) ?? 0)) {
          const prio = (id: string) => queued.find((j) => j.id === id)?.priority;
          return `pid ${pid} processed ${a} (priority ${prio(a)}) before ${b} (priority ${prio(b)}), although both were waiting in the queue`;
        }
      }
    }
    return null;
  };
}

/** A clean shutdown leaves no queue behind (System V queues outlive their users) and no zombies. */
export function checkCleanShutdown(s: Snapshot): string | null {
  if (s.outcome.kind !== "completed") return null;
  const q = s.msgQueues.find((m) => m.key === QUEUE_KEY);
  if (q) return `the message queue still exists at the end${q.messages.length ? `, holding ${q.messages.length} message(s)` : ""}`;
  if (s.zombies.length) return `zombie processes left: ${s.zombies.join(", ")}`;
  return null;
}
