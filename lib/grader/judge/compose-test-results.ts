import { z } from "zod";
import type { Coverage } from "../../kernel/strategies/coverage";
import type { FailureClass } from "../../kernel/failure-class";
import { acceptedFailureClass } from "./failure-class-schema";
import type { HostRecord } from "./host-judge";

/** One test's outcome as the host decides it. */
export type TestOutcome = {
  passed: boolean;
  failure: string | null;
  schedulesExplored: number;
  coverage?: Coverage;
  replay?: string;
  /** The counterexample's trace; its `cause` (the failure class's cause step) is set by the host, never taken from the sandbox. */
  trace?: Record<string, unknown>;
  failureClass?: FailureClass;
};

export const NO_VALID_RESULT = "the sandbox returned no valid result for this test";
export const NOTHING_JUDGED = "the grader judged no run of this test";
export const FAILED_WITHOUT_REASON = "the test failed";

/** What the sandbox may say about a test; anything else is no result at all. */
const sandboxResultSchema = z.object({
  id: z.string(),
  passed: z.boolean(),
  failure: z.string().nullable(),
  schedulesExplored: z.number().int().min(0),
  // Checked on its own (coverageSchema): a coverage statement the host cannot accept is dropped, it fails nothing.
  coverage: z.unknown().optional(),
  replay: z.string().optional(),
  trace: z.record(z.string(), z.unknown()).optional(),
  // Checked on its own (acceptedFailureClass): a class the host cannot accept is dropped, the hint stays.
  failureClass: z.unknown().optional(),
});

const count = z.number().int().min(0).max(1e9);
const coverageSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("exhaustive"),
    preemptionBound: z.number().int().min(0).max(1000),
    schedules: count,
    complete: z.boolean(),
    allInterleavings: z.boolean(),
    reduction: z.enum(["sleep-sets", "none"]),
  }),
  z.strictObject({
    kind: z.literal("pct"),
    depth: z.number().int().min(1).max(10),
    runs: count,
    processes: count,
    steps: count,
    missProbability: z.number().min(0).max(1),
    distinct: z.boolean(),
    exhaustive: z.strictObject({ preemptionBound: z.number().int().min(0).max(1000), schedules: count }).optional(),
  }),
  z.strictObject({ kind: z.literal("random"), runs: count }),
]);

/**
 * The sandbox's statement of what a test's exploration covered, if the host accepts it: well
 * formed, and about a test the host judged runs of. It only describes the exploration (runs
 * with the same schedule are judged once, so it may count more runs than the host judged);
 * it never decides a verdict.
 */
function acceptedCoverage(raw: unknown, judged: number): Coverage | undefined {
  if (judged < 1) return undefined;
  const parsed = coverageSchema.safeParse(raw);
  return parsed.success ? (parsed.data as Coverage) : undefined;
}

/** The trace with the accepted class's cause step as `cause` (the timeline opens there), and no other. */
function withCause(trace: Record<string, unknown>, failureClass: FailureClass | undefined): Record<string, unknown> {
  const { cause: _fromSandbox, ...rest } = trace;
  return failureClass?.causeStep ? { ...rest, cause: failureClass.causeStep } : rest;
}

/**
 * The host's verdict on each test, from its own judging records and the sandbox's results.
 * The sandbox runs student code, so what it says can only make a test fail: a test passes
 * only if the host judged at least one of its runs, failed none, and the sandbox's result at
 * that position is well-formed, is for that test, and says it passed. The student reads the
 * host's own failure where there is one. Results that do not line up with the tests (more of
 * them than tests) are not trusted for any test.
 */
export function composeTestResults(testIds: readonly string[], records: readonly HostRecord[], sandboxResults: unknown): TestOutcome[] {
  const list = Array.isArray(sandboxResults) && sandboxResults.length <= testIds.length ? sandboxResults : [];
  return testIds.map((id, i) => {
    const host = records[i] ?? { judged: 0, failure: null };
    const parsed = sandboxResultSchema.safeParse(list[i]);
    const result = parsed.success && parsed.data.id === id ? parsed.data : null;
    if (!result) return { passed: false, failure: host.failure ?? NO_VALID_RESULT, schedulesExplored: 0 };
    const passed = result.passed && host.failure === null && host.judged >= 1;
    const accepted = acceptedCoverage(result.coverage, host.judged);
    const coverage = accepted ? { coverage: accepted } : {};
    if (passed) return { passed, failure: null, schedulesExplored: result.schedulesExplored, ...coverage };
    const failure = host.failure ?? (result.passed ? NOTHING_JUDGED : (result.failure ?? FAILED_WITHOUT_REASON));
    // A class describes the sandbox's counterexample: only where the sandbox also says the test failed.
    const failureClass = result.passed ? undefined : acceptedFailureClass(result.failureClass);
    const trace = result.trace ? withCause(result.trace, failureClass) : undefined;
    return { passed, failure, schedulesExplored: result.schedulesExplored, ...coverage, replay: result.replay, trace, ...(failureClass ? { failureClass } : {}) };
  });
}
