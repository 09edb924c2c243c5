/**
 * Zombies: children that exited and that their parent never waited for. When the parent
 * caught SIGCHLD and one of those signals was merged into another still pending (signals do
 * not queue: two children exiting close together raise one), the mistake is the handler
 * reaping one child per signal: that is a lost signal (signals.ts), not a missing wait.
 */
import { capped, exitRef, processRef } from "./trace-facts";
import { mergedSigchld } from "./signals";
import type { FailingRun, FailureClass } from "./types";

function parentOf(run: FailingRun, pid: number): number {
  return run.snapshot.observed?.processes.find((p) => p.pid === pid)?.parent ?? run.snapshot.processes.find((p) => p.pid === pid)?.ppid ?? 0;
}

export function classifyZombie(run: FailingRun): FailureClass | null {
  const zombies = run.snapshot.zombies;
  if (zombies.length === 0) return null;
  const parent = parentOf(run, zombies[0]);
  const merged = mergedSigchld(run, parent, zombies);
  if (merged) return merged;
  const mine = zombies.filter((pid) => parentOf(run, pid) === parent);
  const parentExitedAt = parent > 0 ? exitRef(run, parent) : null;
  return {
    kind: "zombie",
    evidence: { parent: processRef(run, parent), parentExitedAt, zombies: capped(mine.map((pid) => ({ ...processRef(run, pid), exitedAt: exitRef(run, pid) }))) },
    // The parent's exit is where the wait was missed for good; without one, the first zombie's exit.
    causeStep: parentExitedAt ?? exitRef(run, mine[0]),
  };
}
