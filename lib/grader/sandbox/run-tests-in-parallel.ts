import os from "node:os";
import { runInIsolate, type SandboxJob, type SandboxOutcome } from "./run-in-isolate";

/**
 * Splits a submission's tests over up to `parallelism` fresh isolates that run at the same
 * time (isolated-vm runs each isolate on its own thread), so one submission's grade arrives
 * sooner on an idle machine; under load the worker pool keeps the cores busy either way.
 * Each isolate gets the exercise's full limits. The first group that exceeds a limit or
 * fails decides the outcome, exactly as if the tests had shared one isolate.
 */
export async function runTestsInParallel(job: SandboxJob, parallelism = Math.min(2, os.availableParallelism())): Promise<SandboxOutcome> {
  const groups = Math.max(1, Math.min(parallelism, job.tests.length));
  if (groups === 1) return runInIsolate(job);
  // Round-robin keeps long and short tests mixed across groups; indices map results back.
  const indices: number[][] = Array.from({ length: groups }, () => []);
  job.tests.forEach((_, i) => indices[i % groups].push(i));
  const done = new Array<number>(groups).fill(0);
  const explored = new Array<number>(groups).fill(0);
  const outcomes = await Promise.all(
    indices.map((group, g) =>
      runInIsolate({
        ...job,
        tests: group.map((i) => job.tests[i]),
        check: (local, snapshotJson) => job.check(group[local], snapshotJson),
        onProgress: (testsDone, _total, schedules) => {
          done[g] = testsDone;
          explored[g] = schedules;
          job.onProgress?.(done.reduce((a, b) => a + b, 0), job.tests.length, explored.reduce((a, b) => a + b, 0));
        },
      }),
    ),
  );
  const cpuMs = outcomes.reduce((s, o) => s + o.cpuMs, 0);
  const wallMs = Math.max(...outcomes.map((o) => o.wallMs));
  const failed = outcomes.find((o) => o.kind !== "ok");
  if (failed) return { ...failed, cpuMs, wallMs };
  const results = new Array(job.tests.length);
  outcomes.forEach((o, g) => o.kind === "ok" && o.results.forEach((r, local) => (results[indices[g][local]] = r)));
  return { kind: "ok", results, cpuMs, wallMs };
}
