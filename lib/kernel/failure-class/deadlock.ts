/**
 * Deadlocks: who waits for whom when the run ended with every live process asleep. The
 * kernel says what each one waits on (WaitForEdge.object); this turns that into wait-for
 * edges and looks for a cycle. A semaphore or a queue has no owner, so its waiter waits for
 * the stuck processes that posted to it (or sent to it) before: those are the ones that
 * could do so again.
 */
import type { WaitForEdge } from "../kernel";
import type { WaitObject } from "../process";
import { capped, lastBlock, lastIndex, lastLock, mutexRef, processRef, refTo, semaphoreDelta, semaphoreRef, shortName, stuckPids } from "./trace-facts";
import type { FailingRun, FailureClass, ObjectRef, WaitEdge } from "./types";

export function objectRef(run: FailingRun, edge: WaitForEdge): ObjectRef {
  const o = edge.object;
  if (!o) return { kind: "other", description: shortName(edge.waitsFor) };
  switch (o.kind) {
    case "mutex":
      return mutexRef(run, o.id);
    case "semaphore":
      return semaphoreRef(run, o.id);
    case "pipe":
      return { kind: "pipe", id: o.id, end: o.end, fd: o.fd };
    case "children":
      return { kind: "children", pids: capped(o.pids.slice()) };
    case "signal":
      return { kind: "signal", call: o.call };
    case "queue":
      return { kind: "queue", id: o.id };
  }
}

/** Stuck processes that posted to semaphore set `id` during the run. */
function semaphorePosters(run: FailingRun, id: number, stuck: Set<number>): number[] {
  const out: number[] = [];
  for (const e of run.events) if (stuck.has(e.pid) && !out.includes(e.pid) && semaphoreDelta(e, id) > 0) out.push(e.pid);
  return out;
}

/** Stuck processes that sent to (`msgrcv` waiters) or received from (`msgsnd` waiters) queue `id`. */
function queuePeers(run: FailingRun, id: number, op: "msgsnd" | "msgrcv", stuck: Set<number>): number[] {
  const peerCall = op === "msgrcv" ? "msgsnd" : "msgrcv";
  const out: number[] = [];
  for (const e of run.events) if (e.kind === "syscall" && e.name === peerCall && e.errno === undefined && e.args?.[0] === id && stuck.has(e.pid) && !out.includes(e.pid)) out.push(e.pid);
  return out;
}

/** Whom the waiter of `edge` waits for, among the stuck processes (with descriptors, for pipes). */
function waitsFor(run: FailingRun, edge: WaitForEdge, stuck: Set<number>): Array<{ pid: number; fd?: number }> {
  const o: WaitObject | undefined = edge.object;
  if (!o) return edge.holder !== undefined && stuck.has(edge.holder) ? [{ pid: edge.holder }] : [];
  switch (o.kind) {
    case "mutex":
      return stuck.has(o.owner) ? [{ pid: o.owner }] : [];
    case "pipe":
      return o.holders.filter((h) => stuck.has(h.pid)).map((h) => ({ pid: h.pid, fd: h.fd }));
    case "children":
      return o.pids.filter((pid) => stuck.has(pid)).map((pid) => ({ pid }));
    case "semaphore":
      return semaphorePosters(run, o.id, stuck).map((pid) => ({ pid }));
    case "queue":
      return queuePeers(run, o.id, o.op, stuck).map((pid) => ({ pid }));
    case "signal":
      return [];
  }
}

/** A cycle in the wait-for graph, as pids in wait order (a process waiting on itself is a cycle of one), or null. */
function findCycle(order: number[], next: Map<number, number[]>): number[] | null {
  const state = new Map<number, 1 | 2>(); // 1: on the current path, 2: done
  const path: number[] = [];
  const visit = (pid: number): number[] | null => {
    state.set(pid, 1);
    path.push(pid);
    for (const to of next.get(pid) ?? []) {
      const s = state.get(to);
      if (s === 1) return path.slice(path.indexOf(to));
      if (s === undefined) {
        const found = visit(to);
        if (found) return found;
      }
    }
    path.pop();
    state.set(pid, 2);
    return null;
  };
  for (const pid of order) {
    if (state.has(pid)) continue;
    const found = visit(pid);
    if (found) return found;
  }
  return null;
}

function waitEdge(run: FailingRun, edge: WaitForEdge, heldBy: Array<{ pid: number; fd?: number }>): WaitEdge {
  const w: WaitEdge = { process: processRef(run, edge.pid), object: objectRef(run, edge), heldBy: capped(heldBy), blockedAt: refTo(run.events, lastBlock(run.events, edge.pid)) };
  if (edge.object?.kind === "mutex" && edge.object.owner !== 0) w.acquiredAt = lastLock(run.events, edge.object.owner, edge.object.id);
  return w;
}

/**
 * A cycle of waits (`cycle: true`), its cause the last of its processes to start waiting: the
 * attempt that closed it. Without a cycle (`requireCycle` false), the waits as they are, each
 * on something no live process will do, caused by the last process to fall asleep.
 */
export function classifyDeadlock(run: FailingRun, requireCycle: boolean): FailureClass | null {
  if (run.outcome.kind !== "deadlock") return null;
  const edges = run.outcome.waitFor;
  const stuck = stuckPids(run);
  const next = new Map<number, number[]>();
  const targets = new Map<number, Array<{ pid: number; fd?: number }>>();
  for (const e of edges) {
    const to = waitsFor(run, e, stuck);
    targets.set(e.pid, to);
    next.set(
      e.pid,
      to.map((t) => t.pid).filter((pid, i, all) => all.indexOf(pid) === i),
    );
  }
  const cycle = findCycle(
    edges.map((e) => e.pid),
    next,
  );
  if (!cycle && requireCycle) return null;
  const members = cycle ?? edges.map((e) => e.pid);
  const waits = capped(
    members.map((pid, i) => {
      const edge = edges.find((e) => e.pid === pid)!;
      const after = cycle ? cycle[(i + 1) % cycle.length] : undefined;
      const heldBy = targets.get(pid) ?? [];
      // The next process of the cycle first: it is the one this wait is about.
      const ordered = after === undefined ? heldBy : [...heldBy.filter((h) => h.pid === after), ...heldBy.filter((h) => h.pid !== after)];
      return waitEdge(run, edge, ordered);
    }),
  );
  const memberSet = new Set(members);
  const closing = lastIndex(run.events, (e) => e.kind === "block" && memberSet.has(e.pid));
  return { kind: "deadlock", evidence: { cycle: cycle !== null, waits }, causeStep: refTo(run.events, closing) };
}
