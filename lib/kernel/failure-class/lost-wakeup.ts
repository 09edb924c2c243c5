/**
 * Lost wake-ups: a process sleeps forever waiting for something that already happened.
 * - pause()/sigsuspend(): the signal it waits for arrived, and its handler ran, while the
 *   process was not yet asleep (between checking its flag and calling pause()), so nothing
 *   wakes it any more.
 * - a semaphore: a post it was waiting for (or that came just before it started to wait) was
 *   taken by another process.
 */
import { lastBlock, processRef, refTo, semaphoreDelta, semaphoreRef } from "./trace-facts";
import type { FailingRun, FailureClass } from "./types";

/** The last handler `pid` ran while it was not asleep, if no handler ran since (one that interrupts a sleep wakes it). */
function earlyHandler(run: FailingRun, pid: number, before: number): number {
  let asleep = false;
  let early = -1;
  for (let i = 0; i < before; i++) {
    const e = run.events[i];
    if (e.pid !== pid) continue;
    if (e.kind === "block") asleep = true;
    // Waking, finishing a call or starting ends a sleep (a signal that interrupts one records no wake).
    else if (e.kind === "wake" || e.kind === "syscall" || e.kind === "start") asleep = false;
    else if (e.kind === "signal" && e.action === "handler") {
      early = asleep ? -1 : i;
      asleep = false;
    }
  }
  return early;
}

function signalWakeup(run: FailingRun, pid: number, call: "pause" | "sigsuspend"): FailureClass | null {
  const waitIndex = lastBlock(run.events, pid);
  if (waitIndex < 0) return null;
  const h = earlyHandler(run, pid, waitIndex);
  if (h < 0) return null;
  const signal = run.events[h].signal ?? "?";
  // Who sent it: the arrival just before the handler.
  let from: number | undefined;
  for (let i = h - 1; i >= 0; i--) {
    const e = run.events[i];
    if (e.kind === "signal" && e.pid === pid && e.signal === signal && e.action === "pending") {
      from = e.from;
      break;
    }
  }
  const wakeup = refTo(run.events, h)!;
  const evidence: Extract<FailureClass, { kind: "lost-wakeup" }>["evidence"] = { process: processRef(run, pid), object: { kind: "signal", call }, wakeup, signal, waitAt: refTo(run.events, waitIndex) };
  if (from !== undefined) evidence.from = from;
  return { kind: "lost-wakeup", evidence, causeStep: wakeup };
}

function semaphoreWakeup(run: FailingRun, pid: number, id: number): FailureClass | null {
  const waitIndex = lastBlock(run.events, pid);
  if (waitIndex < 0) return null;
  // The last post, then the first take by someone else after it.
  let post = -1;
  for (let i = 0; i < run.events.length; i++) if (semaphoreDelta(run.events[i], id) > 0) post = i;
  if (post < 0) return null;
  let taken = -1;
  for (let i = post + 1; i < run.events.length; i++) {
    const e = run.events[i];
    if (e.pid !== pid && semaphoreDelta(e, id) < 0) {
      taken = i;
      break;
    }
  }
  if (taken < 0) return null;
  const consumedAt = refTo(run.events, taken);
  return {
    kind: "lost-wakeup",
    evidence: { process: processRef(run, pid), object: semaphoreRef(run, id), wakeup: refTo(run.events, post)!, consumedBy: processRef(run, run.events[taken].pid), consumedAt, waitAt: refTo(run.events, waitIndex) },
    causeStep: consumedAt,
  };
}

export function classifyLostWakeup(run: FailingRun): FailureClass | null {
  if (run.outcome.kind !== "deadlock") return null;
  for (const edge of run.outcome.waitFor) {
    const o = edge.object;
    if (o?.kind === "signal") {
      const found = signalWakeup(run, edge.pid, o.call);
      if (found) return found;
    }
  }
  for (const edge of run.outcome.waitFor) {
    const o = edge.object;
    if (o?.kind === "semaphore") {
      const found = semaphoreWakeup(run, edge.pid, o.id);
      if (found) return found;
    }
  }
  return null;
}
