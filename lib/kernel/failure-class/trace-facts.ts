/**
 * Small lookups over a failing run's trace and snapshot that the detectors share. Each is a
 * single pass over the events (the classifier runs once, on one trace, so linear is enough).
 */
import type { TraceEvent } from "../trace";
import { MAX_EVIDENCE_ITEMS, MAX_NAME_CHARS, type FailingRun, type ObjectRef, type ProcessRef, type TraceRef } from "./types";

export function refTo(events: readonly TraceEvent[], i: number): TraceRef | null {
  const e = events[i];
  return e ? { event: i, step: e.step, pid: e.pid } : null;
}

/** Index of the last event before `before` (exclusive) that matches, or -1. */
export function lastIndex(events: readonly TraceEvent[], match: (e: TraceEvent) => boolean, before = events.length): number {
  for (let i = Math.min(before, events.length) - 1; i >= 0; i--) if (match(events[i])) return i;
  return -1;
}

/** Index of the first event from `from` on that matches, or -1. */
export function firstIndex(events: readonly TraceEvent[], match: (e: TraceEvent) => boolean, from = 0): number {
  for (let i = Math.max(0, from); i < events.length; i++) if (match(events[i])) return i;
  return -1;
}

export function shortName(name: string): string {
  return name.length > MAX_NAME_CHARS ? `${name.slice(0, MAX_NAME_CHARS - 1)}…` : name;
}

export function processRef(run: FailingRun, pid: number): ProcessRef {
  const p = run.snapshot.processes.find((x) => x.pid === pid);
  return { pid, name: shortName(p?.name ?? (pid === 0 ? "kernel" : "?")) };
}

/** The event where `pid` exited (or was killed), or null. */
export function exitRef(run: FailingRun, pid: number): TraceRef | null {
  return refTo(run.events, lastIndex(run.events, (e) => e.kind === "exit" && e.pid === pid));
}

/** The process's last `block` event: where its final wait began. */
export function lastBlock(events: readonly TraceEvent[], pid: number): number {
  return lastIndex(events, (e) => e.kind === "block" && e.pid === pid);
}

export const isLockCall = (e: TraceEvent): boolean => e.kind === "syscall" && (e.name === "mutex_lock" || e.name === "mutex_trylock") && e.errno === undefined;

/** When `pid` last took mutex `id` (before `before`), or null. */
export function lastLock(events: readonly TraceEvent[], pid: number, id: number, before = events.length): TraceRef | null {
  return refTo(events, lastIndex(events, (e) => e.pid === pid && isLockCall(e) && e.args?.[0] === id, before));
}

/** A mutex as the evidence names it: its name from the snapshot, else from the mutex_create call that returned its id. */
export function mutexRef(run: FailingRun, id: number): ObjectRef {
  let name = run.snapshot.mutexes.find((m) => m.id === id)?.name;
  if (name === undefined) {
    const created = run.events.find((e) => e.kind === "syscall" && e.name === "mutex_create" && e.result === id);
    name = typeof created?.args?.[0] === "string" ? created.args[0] : `#${id}`;
  }
  return { kind: "mutex", id, name: shortName(name) };
}

export function semaphoreRef(run: FailingRun, id: number): ObjectRef {
  const label = run.snapshot.semaphores.find((s) => s.id === id)?.label ?? run.snapshot.observed?.semaphores.find((s) => s.id === id)?.label ?? `sem ${id}`;
  return { kind: "semaphore", id, name: shortName(label) };
}

/** At most MAX_EVIDENCE_ITEMS of a list (evidence stays small whatever the run did). */
export function capped<T>(items: T[]): T[] {
  return items.length > MAX_EVIDENCE_ITEMS ? items.slice(0, MAX_EVIDENCE_ITEMS) : items;
}

/** The pids whose processes are still alive at the end (in a deadlock: the stuck ones). */
export function stuckPids(run: FailingRun): Set<number> {
  const out = new Set<number>();
  if (run.outcome.kind === "deadlock") for (const e of run.outcome.waitFor) out.add(e.pid);
  return out;
}

/** Semaphore operations of a trace event on set `id`: +n for posts, -n for takes, 0 for none (or a failed call). */
export function semaphoreDelta(e: TraceEvent, id: number): number {
  if (e.kind !== "syscall" || e.errno !== undefined || e.args?.[0] !== id) return 0;
  switch (e.name) {
    case "sem_post":
      return 1;
    case "sem_wait":
    case "sem_trywait":
      return -1;
    case "semop": {
      const ops = e.args?.[1];
      if (!Array.isArray(ops)) return 0;
      let sum = 0;
      for (const o of ops) if (o && typeof o === "object" && !Array.isArray(o) && typeof o.op === "number") sum += o.op;
      return sum;
    }
  }
  return 0;
}
