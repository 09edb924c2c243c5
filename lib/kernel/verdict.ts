import type { Snapshot } from "./snapshot";

/**
 * A run's failure that needs no exercise check: it did not complete, a process failed, or a
 * process died of a signal the scenario did not expect. A pure function of the snapshot, so
 * the sandbox (to steer exploration) and the host (whose verdict counts) compute the same.
 */
export function kernelFailure(s: Snapshot, expectedSignals: readonly string[] = []): string | null {
  const o = s.outcome;
  if (o.kind !== "completed") return o.message;
  const named = (pid: number) => {
    const p = s.processes.find((x) => x.pid === pid);
    return `pid ${pid} (${p?.name ?? "?"})`;
  };
  if (s.errors.length) return s.errors.map((e) => `${named(e.pid)}: ${e.message}`).join("; ");
  for (const p of s.processes) {
    if (p.exit && "signaled" in p.exit && !expectedSignals.includes(p.exit.signal)) return `${named(p.pid)} was killed by ${p.exit.signal}`;
  }
  return null;
}
