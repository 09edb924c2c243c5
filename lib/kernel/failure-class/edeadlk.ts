/**
 * EDEADLK: a process locked a mutex it already held (mutexes do not count). Uncaught, the
 * error ends the process; caught, the process goes on believing it has entered the critical
 * section a second time, which is as wrong. `uncaughtOnly` asks for the first kind only.
 */
import { lastLock, mutexRef, processRef, refTo } from "./trace-facts";
import type { FailingRun, FailureClass } from "./types";

export function classifyEdeadlk(run: FailingRun, uncaughtOnly: boolean): FailureClass | null {
  const events = run.events;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (e.kind !== "syscall" || e.errno !== "EDEADLK") continue;
    const error = run.snapshot.errors.find((x) => x.pid === e.pid);
    const caught = !(error && error.message.includes("EDEADLK"));
    if (uncaughtOnly && caught) continue;
    const id = typeof e.args?.[0] === "number" ? e.args[0] : -1;
    const relockAt = refTo(events, i)!;
    return {
      kind: "edeadlk",
      evidence: { process: processRef(run, e.pid), lock: mutexRef(run, id), acquiredAt: lastLock(events, e.pid, id, i), relockAt, caught },
      causeStep: relockAt,
    };
  }
  return null;
}
