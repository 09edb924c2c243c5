import type { Snapshot } from "../../../lib/kernel";
import type { Scenario } from "../../../lib/grader/exercises/test-definition";

/**
 * The supervisor (pid 1) runs `workers` workers; a driver sends `signal` to it after
 * `afterSeconds` virtual seconds. Jobs take one virtual second each and the clock only jumps
 * while everyone sleeps, so at 2.5 s every worker is in the middle of its third job.
 */
export function shutdownScenario(workers: number, signal: string, afterSeconds: number, extra?: { repeat?: number; afterYields?: number }): Scenario {
  return {
    main: "main",
    args: [workers],
    drivers: [{ kind: "signal", target: 1, signal, afterSeconds, ...extra }],
    // Workers that never stop would run forever: stop such runs early.
    options: { maxSteps: 3000 },
  };
}

/** Checks everything a graceful shutdown promises. */
export function checkGraceful(workers: number) {
  return (s: Snapshot): string | null => {
    if (s.outcome.kind !== "completed") return null; // the kernel reports deadlocks, step limits and killed processes
    const main = s.processes.find((p) => p.pid === 1);
    if (!main?.exit || !("exited" in main.exit) || main.exit.code !== 0) return `the supervisor did not exit normally (${JSON.stringify(main?.exit)})`;
    const ws = s.processes.filter((p) => p.name === "worker");
    if (ws.length !== workers) return `expected ${workers} workers, found ${ws.length}`;
    for (const w of ws) {
      if (!w.exit || !("exited" in w.exit) || w.exit.code !== 0) return `worker pid ${w.pid} did not exit normally (${JSON.stringify(w.exit)})`;
      const lines = (s.output[w.pid] ?? "").split("\n").filter((l) => /^(start|done) /.test(l));
      const started = lines.filter((l) => l.startsWith("start ")).map((l) => l.slice(6));
      const done = new Set(lines.filter((l) => l.startsWith("done ")).map((l) => l.slice(5)));
      const unfinished = started.filter((job) => !done.has(job));
      if (unfinished.length) return `worker pid ${w.pid} started job ${unfinished.join(", ")} but never finished it`;
      if (started.length === 0) return `worker pid ${w.pid} never started a job`;
    }
    if (s.zombies.length) return `zombie processes left: ${s.zombies.map((pid) => `pid ${pid} (${s.processes.find((p) => p.pid === pid)?.name})`).join(", ")}`;
    return null;
  };
}
