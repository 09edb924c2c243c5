/**
 * Stands in for lib/kernel when lib/grader/sandbox/harness.ts is bundled into the browser's
 * test worker (worker-script.ts redirects that one import here). Everything is the real
 * kernel except `explore`, which additionally
 *  - keeps a trace to show for every test: the counterexample when one is found, else one
 *    traced schedule, so "Run" can show output and a timeline even when all is well;
 *  - in replay mode, runs exactly one recorded schedule (`replay(program, token)`) instead of
 *    searching, so a grader's counterexample can be replayed on the student's current code.
 * This way the browser builds programs from scenarios with the grader's own harness code.
 */
import { explore as searchSchedules, replay, runOnce, type ExploreOptions, type ExploreResult, type Program, type Trace } from "../../kernel";

export * from "../../kernel";

let replayToken: string | null = null;
const shown: Array<Trace | null> = [];

/** Switches `explore` to replaying one token (the worker runs one request, then is discarded). */
export function replayOnly(token: string) {
  replayToken = token;
}

/** The trace to show for each explored test, in order. */
export function shownTraces(): ReadonlyArray<Trace | null> {
  return shown;
}

export async function explore(program: Program, options: ExploreOptions = {}): Promise<ExploreResult> {
  let trace: Trace | null = null;
  try {
    if (replayToken !== null) {
      const r = await replay(program, replayToken);
      trace = r.trace;
      if (r.failure === null) return { passed: true, schedulesExplored: 1, exhausted: false, elapsedMs: null };
      return { passed: false, failure: r.failure, outcome: r.outcome, trace: r.trace!, snapshot: r.snapshot, replayToken, schedulesExplored: 1, strategy: "replay", elapsedMs: null };
    }
    const result = await searchSchedules(program, options);
    trace = result.passed ? (await runOnce(program, { seed: options.seed, trace: true })).trace : result.trace;
    return result;
  } finally {
    shown.push(trace);
  }
}
