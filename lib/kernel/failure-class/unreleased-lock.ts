/**
 * A lock that some path never released: a mutex still owned by a process that exited (the
 * kernel does not release it for the dead owner), or a semaphore used as a lock (its users
 * take and give it back) that a process left having taken it more often than it gave it back.
 * Either others wait on it forever (a deadlock outcome), or it is still held when the run ends.
 */
import { capped, exitRef, lastIndex, lastLock, mutexRef, processRef, refTo, semaphoreDelta, semaphoreRef, stuckPids } from "./trace-facts";
import type { FailingRun, FailureClass, ProcessRef } from "./types";

function isDead(run: FailingRun, pid: number): boolean {
  const p = run.snapshot.processes.find((x) => x.pid === pid);
  return p !== undefined && (p.state === "zombie" || p.state === "reaped");
}

function mutexHeldByDead(run: FailingRun, id: number, owner: number, waiters: ProcessRef[]): FailureClass {
  const exitedAt = exitRef(run, owner);
  const acquiredAt = lastLock(run.events, owner, id, exitedAt ? exitedAt.event : undefined);
  return {
    kind: "lock-not-released",
    evidence: { lock: mutexRef(run, id), holder: processRef(run, owner), acquiredAt, exitedAt, waiters: capped(waiters) },
    // Where the lock was lost for good: its owner left without giving it back.
    causeStep: exitedAt ?? acquiredAt,
  };
}

/** A dead process that took semaphore `id` more often than it gave it back, on a set its users use as a lock. */
function semaphoreLeaver(run: FailingRun, id: number): number | null {
  const obs = run.snapshot.observed?.semaphores.find((s) => s.id === id);
  if (!obs) return null;
  const rows = Object.entries(obs.ops);
  const usedAsLock = rows.some(([, o]) => o.down > 0 && o.up > 0);
  if (!usedAsLock) return null;
  for (const [pid, o] of rows) if (o.down > o.up && isDead(run, Number(pid))) return Number(pid);
  return null;
}

/** Where `pid` last took semaphore set `id`. */
function lastTake(run: FailingRun, pid: number, id: number, before?: number) {
  return refTo(run.events, lastIndex(run.events, (e) => e.pid === pid && semaphoreDelta(e, id) < 0, before));
}

export function classifyUnreleasedLock(run: FailingRun): FailureClass | null {
  if (run.outcome.kind === "deadlock") {
    const stuck = stuckPids(run);
    for (const edge of run.outcome.waitFor) {
      const o = edge.object;
      if (o?.kind === "mutex" && o.owner !== 0 && !stuck.has(o.owner) && isDead(run, o.owner)) {
        const waiters = run.outcome.waitFor.filter((w) => w.object?.kind === "mutex" && w.object.id === o.id).map((w) => processRef(run, w.pid));
        return mutexHeldByDead(run, o.id, o.owner, waiters);
      }
      if (o?.kind === "semaphore") {
        const leaver = semaphoreLeaver(run, o.id);
        if (leaver === null) continue;
        const waiters = run.outcome.waitFor.filter((w) => w.object?.kind === "semaphore" && w.object.id === o.id).map((w) => processRef(run, w.pid));
        const exitedAt = exitRef(run, leaver);
        return {
          kind: "lock-not-released",
          evidence: { lock: semaphoreRef(run, o.id), holder: processRef(run, leaver), acquiredAt: lastTake(run, leaver, o.id, exitedAt?.event), exitedAt, waiters: capped(waiters) },
          causeStep: exitedAt,
        };
      }
    }
    return null;
  }
  if (run.outcome.kind !== "completed") return null;
  // The run finished, but a mutex is still owned by a process that is gone.
  for (const m of run.snapshot.mutexes) if (m.owner !== 0 && isDead(run, m.owner)) return mutexHeldByDead(run, m.id, m.owner, []);
  return null;
}
