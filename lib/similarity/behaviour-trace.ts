import { loadExercise } from "../grader/exercises/load-exercise";
import { transformSync } from "esbuild";
import { sesSafeSource } from "../grader/compile/ses-safe-source";
import { runInIsolate } from "../grader/sandbox/run-in-isolate";
import type { TraceEvent } from "../kernel/trace";

/** What one test's deterministic run did, as the kernel recorded it. */
export type ProbedRun = {
  testId: string;
  /** The submission's own processes (not the test's drivers): pid → parent pid. */
  processes: Array<{ pid: number; parent: number }>;
  events: TraceEvent[];
};

/** The verdict the probe gives every run: it fails the first, so the harness replays it with tracing on. */
const PROBE = "similarity probe: traced run";

type ObservedProcesses = { observed?: { processes?: Array<{ pid: number; parent: number; program: string }> } };

/**
 * Runs a submission's code once per hidden test, on the kernel's first schedule (the
 * exhaustive search's run with no preemption, data seed 1), and returns each run's trace.
 *
 * Grading keeps a trace only for a failing test's counterexample, so a passing submission
 * has none stored: the probe produces one. It uses the grader's own pieces unchanged (the
 * exercise's scenarios, the SES-locked sandbox with the exercise's limits, the SES-safety
 * rewrite of the compiled code): student code never runs outside the sandbox. Only the
 * type stripping differs: esbuild instead of TypeScript's transpileModule, about 10 ms less
 * per submission and no TypeScript to load in a probe worker (both emit CommonJS with the
 * same imports and exports; a behaviour fingerprint is advisory, a grade is not). The probe's judge
 * fails the first run of every test, which makes the harness replay that run with tracing
 * on and send the trace back, exactly as it does for a real counterexample; the verdicts
 * mean nothing and are never stored. Returns null when the code does not compile or the
 * sandbox stopped it (a limit): such a submission has no behaviour to compare.
 */
export async function probeBehaviour(slug: string, source: string, root?: string): Promise<ProbedRun[] | null> {
  const exercise = await loadExercise(slug, root);
  let compiled: string;
  try {
    compiled = transformSync(source, { loader: "ts", format: "cjs", target: "es2022" }).code;
  } catch {
    return null; // a syntax error: nothing ran
  }
  const safe = sesSafeSource(compiled);
  if (!("js" in safe)) return null;
  const js = safe.js;
  const processes = new Map<number, Array<{ pid: number; parent: number }>>();
  const outcome = await runInIsolate({
    js,
    seed: 1,
    limits: exercise.manifest.limits,
    tests: exercise.hidden.map((t) => ({ id: t.id, scenario: t.scenario, explore: { strategy: "exhaustive", budget: 1, maxPreemptions: 0, reduction: false } })),
    judge: (testIndex, snapshotsJson) => {
      const snapshots = JSON.parse(snapshotsJson) as ObservedProcesses[];
      // The kernel's own record of which processes ran the submission's code (drivers are "harness").
      if (!processes.has(testIndex) && snapshots[0]?.observed?.processes) {
        processes.set(
          testIndex,
          snapshots[0].observed.processes.filter((p) => p.program === "module").map((p) => ({ pid: p.pid, parent: p.parent })),
        );
      }
      return JSON.stringify(snapshots.map(() => PROBE));
    },
  });
  if (outcome.kind !== "ok") return null;
  return outcome.results.map((r, i) => {
    const trace = r.trace as { events?: TraceEvent[] } | undefined;
    return { testId: r.id, processes: processes.get(i) ?? [], events: Array.isArray(trace?.events) ? trace.events : [] };
  });
}
