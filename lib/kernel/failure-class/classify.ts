/**
 * Classifies a failing run by the kind of mistake it shows (types.ts), from the most specific
 * evidence to the least. The order matters where a run shows several symptoms of one mistake:
 * a lock never released makes others wait forever (a deadlock), and often a caught EDEADLK
 * too, but the unreleased lock is what to fix. Every detector reads the trace once.
 */
import { classifyDeadlock } from "./deadlock";
import { classifyEdeadlk } from "./edeadlk";
import { classifyLostUpdate } from "./lost-update";
import { classifyLostWakeup } from "./lost-wakeup";
import { classifyRacyUpdate } from "./racy-update";
import { classifyRuntimeError } from "./runtime-error";
import { classifyFatalSignal, classifyLostSignal } from "./signals";
import { classifyUnreleasedLock } from "./unreleased-lock";
import { classifyZombie } from "./zombie";
import type { FailingRun, FailureClass } from "./types";

const firstOf = (run: FailingRun, detectors: Array<(run: FailingRun) => FailureClass | null>): FailureClass | null => {
  for (const detect of detectors) {
    const found = detect(run);
    if (found) return found;
  }
  return null;
};

/**
 * Every process asleep: a relock that killed its process (which then left its lock behind), a
 * lock left behind, a cycle, a spent wake-up, or waits nobody will end.
 */
const DEADLOCK_DETECTORS = [
  (r: FailingRun) => classifyEdeadlk(r, true),
  classifyUnreleasedLock,
  (r: FailingRun) => classifyDeadlock(r, true),
  classifyLostWakeup,
  // A process that died of an error before the others got stuck: the usual reason nobody wakes them.
  (r: FailingRun) => (r.snapshot.errors.length > 0 ? classifyRuntimeError(r) : null),
  (r: FailingRun) => classifyDeadlock(r, false),
];

/** The run finished but a process died of a signal or of an error. */
const CRASH_DETECTORS = [classifyFatalSignal, (r: FailingRun) => classifyEdeadlk(r, true), classifyRuntimeError];

/**
 * The run finished cleanly and the test's check rejected it. A read-modify-write that only
 * another schedule would break comes last: what this run showed explains the failure better.
 */
const CHECK_DETECTORS = [classifyLostUpdate, classifyUnreleasedLock, (r: FailingRun) => classifyEdeadlk(r, false), classifyZombie, classifyLostSignal, classifyRacyUpdate];

const short = (text: string) => (text.length > 500 ? `${text.slice(0, 499)}…` : text);

/** The failure's class, or null when the run did not fail. Never throws on a well-formed run. */
export function classifyFailure(run: FailingRun): FailureClass | null {
  if (!run.failure) return null;
  const unclassified: FailureClass = { kind: "unclassified", evidence: { outcome: run.outcome.kind, failure: short(run.failure) }, causeStep: null };
  switch (run.outcome.kind) {
    case "deadlock":
      return firstOf(run, DEADLOCK_DETECTORS) ?? unclassified;
    case "completed":
      break;
    default:
      // The step limit (a livelock or busy-wait), a hang, an internal error: nothing this classifier knows.
      return unclassified;
  }
  const crashed = run.snapshot.errors.length > 0 || run.snapshot.processes.some((p) => p.exit && "signaled" in p.exit && !(run.expectedSignals ?? []).includes(p.exit.signal));
  if (crashed) return firstOf(run, CRASH_DETECTORS) ?? unclassified;
  return firstOf(run, CHECK_DETECTORS) ?? { kind: "wrong-result", evidence: { failure: short(run.failure) }, causeStep: null };
}
