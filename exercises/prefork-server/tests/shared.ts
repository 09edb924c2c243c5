import type { Snapshot } from "../../../lib/kernel";
import type { DriverSpec, Scenario } from "../../../lib/grader/exercises/test-definition";

export const JOBS_KEY = 0x10b5;
export const CACHE_KEY = 0xcac;
export const RESULTS_KEY = 0x5e5;
const HITS = 16, MISSES = 17, RESULT = 32;

const f = (key: number) => key * key + 1;

export type Setup = {
  workers: number;
  /** Keys of the jobs queued before the server starts (job ids 0, 1, …). */
  queued: number[];
  /** Keys of the jobs a client sends while the server runs (ids follow the queued ones). */
  streamed?: number[];
  /** SIGKILLs: [index of the original worker (0 = first forked), yields before the kill]. */
  kills?: Array<[number, number]>;
};

const job = (id: number, key: number) => ({ type: 1, data: { id, key } });

/**
 * Supervisor = pid 1. Drivers: the SIGKILLs, a SIGTERM sent once everything is idle (all jobs done,
 * every worker blocked in msgrcv), then the streaming client. The supervisor's first workers get
 * the pids right after the drivers.
 */
export function serverScenario(s: Setup): Scenario {
  const kills = s.kills ?? [];
  const streamed = s.streamed ?? [];
  const firstWorker = 2 + kills.length + 1 + (streamed.length ? 1 : 0);
  const drivers: DriverSpec[] = [
    ...kills.map(([w, afterYields]): DriverSpec => ({ kind: "signal", target: firstWorker + w, signal: "SIGKILL", afterYields })),
    { kind: "signal", target: 1, signal: "SIGTERM", whenIdle: true },
  ];
  if (streamed.length) drivers.push({ kind: "send-messages", key: JOBS_KEY, messages: streamed.map((k, i) => job(s.queued.length + i, k)) });
  return {
    main: "supervisor",
    args: [s.workers],
    objects: [
      { kind: "msgq", key: JOBS_KEY, messages: s.queued.map((k, i) => job(i, k)) },
      { kind: "shm", key: CACHE_KEY, size: 18 },
      { kind: "shm", key: RESULTS_KEY, size: 64 },
    ],
    drivers,
    expectedSignals: ["SIGKILL", "SIGTERM"],
  };
}

export function checkServer(s: Setup) {
  const keys = [...s.queued, ...(s.streamed ?? [])];
  return (snap: Snapshot): string | null => {
    if (snap.outcome.kind !== "completed") return null; // deadlocks are reported by the kernel
    const cache = snap.shm.find((seg) => seg.key === CACHE_KEY)?.data;
    const results = snap.shm.find((seg) => seg.key === RESULTS_KEY)?.data;
    if (!cache || !results) return "the cache or results segment is gone";
    const children = snap.processes.filter((p) => p.ppid === 1);
    const killed = children.filter((p) => p.exit && "signaled" in p.exit && p.exit.signal === "SIGKILL").length;

    const twice = keys.flatMap((_, id) => (results[id] > 1 ? [id] : []));
    if (twice.length) return `jobs ${twice.join(", ")} were processed more than once`;
    const missing = keys.flatMap((_, id) => (results[id] === 0 ? [id] : []));
    if (missing.length > killed) {
      return `jobs ${missing.join(", ")} were never processed (${killed} worker${killed === 1 ? " was" : "s were"} killed, so at most ${killed} in-flight job${killed === 1 ? "" : "s"} may be lost)`;
    }
    for (const [id, key] of keys.entries()) {
      if (results[id] === 1 && results[RESULT + id] !== f(key)) return `job ${id} (key ${key}) returned ${results[RESULT + id]}, expected ${f(key)}`;
    }
    for (let key = 0; key < 16; key++) {
      if (cache[key] !== 0 && cache[key] !== f(key)) return `the cache holds ${cache[key]} for key ${key}, expected ${f(key)}`;
    }
    if (killed === 0) {
      const distinct = new Set(keys).size;
      if (cache[MISSES] !== distinct) return `${cache[MISSES]} cache misses for ${distinct} distinct keys: two workers computed the same key (the cache check and update must happen under the lock)`;
      if (cache[HITS] + cache[MISSES] !== keys.length) return `hits + misses = ${cache[HITS] + cache[MISSES]}, but ${keys.length} jobs were looked up`;
    }
    if (children.length !== s.workers + killed) {
      return `the supervisor forked ${children.length} workers; with ${s.workers} in the pool and ${killed} killed it should have forked ${s.workers + killed} (one replacement per dead worker, none after SIGTERM)`;
    }
    if (snap.zombies.length) return `processes ${snap.zombies.join(", ")} were never reaped (zombies)`;
    const sup = snap.processes.find((p) => p.pid === 1)!;
    if (!sup.exit || !("exited" in sup.exit) || sup.exit.code !== 0) return "the supervisor should handle SIGTERM: stop the workers, reap them, and exit with status 0";
    return null;
  };
}
