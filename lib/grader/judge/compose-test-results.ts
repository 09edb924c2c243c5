import { z } from "zod";
import type { HostRecord } from "./host-judge";

/** One test's outcome as the host decides it. */
export type TestOutcome = { passed: boolean; failure: string | null; schedulesExplored: number; replay?: string; trace?: Record<string, unknown> };

export const NO_VALID_RESULT = "the sandbox returned no valid result for this test";
export const NOTHING_JUDGED = "the grader judged no run of this test";
export const FAILED_WITHOUT_REASON = "the test failed";

/** What the sandbox may say about a test; anything else is no result at all. */
const sandboxResultSchema = z.object({
  id: z.string(),
  passed: z.boolean(),
  failure: z.string().nullable(),
  schedulesExplored: z.number().int().min(0),
  replay: z.string().optional(),
  trace: z.record(z.string(), z.unknown()).optional(),
});

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
    if (passed) return { passed, failure: null, schedulesExplored: result.schedulesExplored };
    const failure = host.failure ?? (result.passed ? NOTHING_JUDGED : (result.failure ?? FAILED_WITHOUT_REASON));
    return { passed, failure, schedulesExplored: result.schedulesExplored, replay: result.replay, trace: result.trace };
  });
}
