import type { Snapshot } from "../../../lib/kernel";
import { childrenOf, observed, queuesWithKey, shmWithKey, type ObservedShm } from "../../../lib/kernel/observations";
import type { DriverSpec, Scenario } from "../../../lib/grader/exercises/test-definition";

export const JOBS_KEY = 0x10b5;
export const CACHE_KEY = 0xcac;
export const RESULTS_KEY = 0x5e5;
/** Given `compute(key)` counts its calls in cell `key` of this segment. */
export const COMPUTE_KEY = 0xc0de;
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
  /**
   * SIGTERM while the supervisor is still reacting to a death: once everything is idle (the jobs
   * done), worker `worker` is SIGKILLed, and SIGTERM follows after `yields` CPU yields, so it lands
   * while the supervisor reaps it, forks its replacement, or goes back to waiting. Whether the
   * death or the SIGTERM is handled first is up to the schedule: both are legal.
   */
  termWhileReplacing?: { worker: number; yields: number };
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
  const late = s.termWhileReplacing;
  const firstWorker = 2 + kills.length + (late ? 1 : 0) + 1 + (streamed.length ? 1 : 0);
  const drivers: DriverSpec[] = [
    ...kills.map(([w, afterYields]): DriverSpec => ({ kind: "signal", target: firstWorker + w, signal: "SIGKILL", afterYields })),
    ...(late ? [{ kind: "signal", target: firstWorker + late.worker, signal: "SIGKILL", whenIdle: true } as DriverSpec] : []),
    { kind: "signal", target: 1, signal: "SIGTERM", whenIdle: true, afterYields: late?.yields },
  ];
  if (streamed.length) drivers.push({ kind: "send-messages", key: JOBS_KEY, messages: streamed.map((k, i) => job(s.queued.length + i, k)) });
  return {
    main: "supervisor",
    args: [s.workers],
    objects: [
      { kind: "msgq", key: JOBS_KEY, messages: s.queued.map((k, i) => job(i, k)) },
      { kind: "shm", key: CACHE_KEY, size: 18 },
      { kind: "shm", key: RESULTS_KEY, size: 64 },
      { kind: "shm", key: COMPUTE_KEY, size: 16 },
    ],
    drivers,
    expectedSignals: ["SIGKILL", "SIGTERM"],
  };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Judged from what the kernel saw (the test's own queue and segments, which the supervisor and
 * the workers can write but not rewrite history in): each job taken off the queue by a worker
 * and reported by that same worker, once, with the right value; at most one in-flight job lost
 * per killed worker; every cache write and every computation accounted for; one replacement
 * per dead worker; SIGTERM handled by the supervisor, which reaps everyone and exits 0.
 */
export function checkServer(s: Setup) {
  const keys = [...s.queued, ...(s.streamed ?? [])];
  return (snap: Snapshot): string | null => {
    if (snap.outcome.kind !== "completed") return null; // deadlocks are reported by the kernel
    const [jobs] = queuesWithKey(snap, JOBS_KEY, 0);
    const [cache] = shmWithKey(snap, CACHE_KEY, 0);
    const [results] = shmWithKey(snap, RESULTS_KEY, 0);
    const [computed] = shmWithKey(snap, COMPUTE_KEY, 0);
    if (!jobs || !cache || !results || !computed) return "the test's queue or segments were not observed";
    if (jobs.dropped || cache.dropped || results.dropped || computed.dropped) return "the server touched the queue or the segments too often to judge (busy-waiting?)";
    const children = childrenOf(snap, 1);
    const workers = new Set(children.map((p) => p.pid));
    // Workers the test killed (a supervisor may stop its own workers with SIGKILL too: those are not deaths to replace).
    const harness = new Set(observed(snap).processes.filter((p) => p.program === "harness").map((p) => p.pid));
    const killedPids = new Set(observed(snap).signals.filter((e) => e.signal === "SIGKILL" && e.action === "terminated" && harness.has(e.from) && workers.has(e.to)).map((e) => e.to));
    const killed = killedPids.size;

    // Who took each job off the queue.
    const takenBy = new Map<number, number | null>();
    for (const m of jobs.messages) {
      const id = (m.data as { id?: unknown } | undefined)?.id;
      if (typeof id === "number") takenBy.set(id, m.to);
    }
    for (const [id] of keys.entries()) {
      const to = takenBy.get(id);
      if (to === undefined) return `job ${id} never reached the queue`;
      if (to !== null && !workers.has(to)) return `job ${id} was taken off the queue by pid ${to}, not by a worker: the workers process the jobs`;
    }

    // What report() wrote: cell id counts the job's reports, cell 32 + id holds its result.
    const reports = new Map<number, number>();
    for (const [op, pid, cell, value, prev] of results.ops) {
      if (op === "load" || (op === "cas" && value === prev)) continue;
      const id = cell >= RESULT ? cell - RESULT : cell;
      const taker = takenBy.get(id);
      if (id >= keys.length || taker !== pid) {
        return `pid ${pid} wrote cell ${cell} of the results${id < keys.length ? `, but job ${id} was ${taker ? `taken off the queue by pid ${taker}` : "never taken off the queue"}` : ""}: only report(), called by the worker that took the job, writes there`;
      }
      if (cell < RESULT) {
        if (op !== "add" || value - prev !== 1) return `job ${id}'s report count was changed by something other than report()`;
        reports.set(id, (reports.get(id) ?? 0) + 1);
      } else if (value !== f(keys[id])) return `job ${id} (key ${keys[id]}) returned ${value}, expected ${f(keys[id])}`;
    }
    const twice = keys.flatMap((_, id) => ((reports.get(id) ?? 0) > 1 ? [id] : []));
    if (twice.length) return `jobs ${twice.join(", ")} were processed more than once`;
    const missing = keys.flatMap((_, id) => (reports.has(id) ? [] : [id]));
    const lostInFlight = new Map<number, number>();
    for (const id of missing) {
      const taker = takenBy.get(id);
      if (taker === null || taker === undefined || !killedPids.has(taker)) return `jobs ${missing.join(", ")} were never processed (${plural(killed, "worker was", "workers were")} killed; only a job a killed worker had taken may be lost)`;
      lostInFlight.set(taker, (lostInFlight.get(taker) ?? 0) + 1);
    }
    for (const [pid, n] of lostInFlight) if (n > 1) return `worker pid ${pid} was killed, and ${n} of the jobs it had taken were never processed: at most its in-flight job may be lost`;

    // The cache: each cached value right; each key computed once (when no worker was killed mid-way).
    const bad = cacheProblem(cache, workers, keys, killed);
    if (bad) return bad;
    if (killed === 0) {
      const calls = new Map<number, number>();
      for (const [op, pid, cell, value, prev] of computed.ops) {
        if (op === "load" || value === prev) continue;
        if (!workers.has(pid)) return `pid ${pid} computed key ${cell}, but only the workers compute`;
        calls.set(cell, (calls.get(cell) ?? 0) + (value - prev));
      }
      for (const key of new Set(keys)) {
        const n = calls.get(key) ?? 0;
        if (n !== 1) return `key ${key} was computed ${plural(n, "time", "times")}: each key must be computed once (the cache check and update must happen under the lock)`;
      }
    }

    // With SIGTERM racing a death, the supervisor may see the SIGTERM first and rightly not replace
    // the dead worker: one replacement per dead worker at most, and none for a worker it stopped.
    if (s.termWhileReplacing ? children.length < s.workers || children.length > s.workers + killed : children.length !== s.workers + killed) {
      return `the supervisor forked ${children.length} workers; with ${s.workers} in the pool and ${killed} killed it should have forked ${s.workers + killed} (one replacement per dead worker, none after SIGTERM)`;
    }
    if (snap.zombies.length) return `processes ${snap.zombies.join(", ")} were never reaped (zombies)`;
    const term = observed(snap).signals.find((e) => e.to === 1 && e.signal === "SIGTERM" && harness.has(e.from));
    const sup = snap.processes.find((p) => p.pid === 1)!;
    if (!term || term.action !== "handled" || !sup.exit || !("exited" in sup.exit) || sup.exit.code !== 0) {
      return "the supervisor should handle SIGTERM: stop the workers, reap them, and exit with status 0";
    }
    return null;
  };
}

/** Every write to the cache came from a worker: values f(key) in cells 0–15, hit and miss counts that add up. */
function cacheProblem(cache: ObservedShm, workers: Set<number>, keys: number[], killed: number): string | null {
  let hits = 0;
  let misses = 0;
  for (const [op, pid, cell, value, prev] of cache.ops) {
    if (op === "load" || value === prev) continue;
    if (!workers.has(pid)) return `pid ${pid} wrote cell ${cell} of the cache, but only the workers use the cache`;
    if (cell < 16 && value !== f(cell)) return `the cache was given ${value} for key ${cell}, expected ${f(cell)}`;
    if (cell === HITS) hits += value - prev;
    if (cell === MISSES) misses += value - prev;
  }
  if (killed === 0) {
    const distinct = new Set(keys).size;
    if (misses !== distinct) return `${misses} cache misses for ${distinct} distinct keys: two workers computed the same key (the cache check and update must happen under the lock)`;
    if (hits + misses !== keys.length) return `hits + misses = ${hits + misses}, but ${keys.length} jobs were looked up`;
  }
  return null;
}
