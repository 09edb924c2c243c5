/**
 * Signals that went wrong: one whose default action killed a process the scenario did not
 * expect to die (typically sent before the handler was installed), and ones that never had
 * their effect (merged with the same signal already pending, or still pending, blocked, when
 * the run ended). The kernel's observations say what became of each signal; the trace says
 * where it happened.
 */
import type { ObservedSignal } from "../observations";
import { firstIndex, lastIndex, processRef, refTo } from "./trace-facts";
import type { FailingRun, FailureClass, TraceRef } from "./types";

/** The trace's record of an observed signal arriving at its target. */
function arrival(run: FailingRun, s: ObservedSignal): TraceRef | null {
  const i = firstIndex(run.events, (e) => e.kind === "signal" && e.pid === s.to && e.signal === s.signal && e.step === s.step && (e.from === undefined || e.from === s.from));
  return refTo(run.events, i);
}

export function classifyFatalSignal(run: FailingRun): FailureClass | null {
  const expected = run.expectedSignals ?? [];
  for (const p of run.snapshot.processes) {
    const exit = p.exit;
    if (!exit || !("signaled" in exit) || expected.includes(exit.signal)) continue;
    const sent = run.snapshot.observed?.signals.find((s) => s.to === p.pid && s.signal === exit.signal && s.action === "terminated");
    const killed = lastIndex(run.events, (e) => e.kind === "signal" && e.pid === p.pid && e.signal === exit.signal && e.action === "terminate");
    const killedAt = refTo(run.events, killed) ?? refTo(run.events, lastIndex(run.events, (e) => e.kind === "exit" && e.pid === p.pid));
    return {
      kind: "signal-fatal",
      evidence: { signal: exit.signal, process: processRef(run, p.pid), from: sent ? sent.from : null, sentAt: sent ? arrival(run, sent) : null, killedAt },
      causeStep: killedAt,
    };
  }
  return null;
}

/** SIGCHLD to `parent` merged with one already pending, when `zombies` are left: the handler missed a child. */
export function mergedSigchld(run: FailingRun, parent: number, zombies: number[]): FailureClass | null {
  const s = run.snapshot.observed?.signals.find((x) => x.signal === "SIGCHLD" && x.to === parent && x.action === "merged");
  if (!s) return null;
  const sentAt = arrival(run, s);
  return { kind: "signal-lost", evidence: { signal: s.signal, to: processRef(run, parent), from: s.from, how: "merged", sentAt, zombies: zombies.slice(0, 16) }, causeStep: sentAt };
}

/** A signal sent with kill() that was merged or never acted on. */
export function classifyLostSignal(run: FailingRun): FailureClass | null {
  const s = run.snapshot.observed?.signals.find((x) => x.via === "kill" && (x.action === "merged" || x.action === "pending"));
  if (!s) return null;
  const sentAt = arrival(run, s);
  return { kind: "signal-lost", evidence: { signal: s.signal, to: processRef(run, s.to), from: s.from, how: s.action === "merged" ? "merged" : "pending", sentAt, zombies: [] }, causeStep: sentAt };
}
