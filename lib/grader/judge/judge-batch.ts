/**
 * Runs INSIDE the judge isolate (bundled with an exercise's tests by judge-bundle.ts), never
 * on the host's own heap: the checks are exercise code run on student-shaped data, so they
 * get a heap limit and a timeout the host can enforce. Pure: no Node API.
 */
import type { Snapshot } from "../../kernel/snapshot";
import { kernelFailure } from "../../kernel/verdict";
import { MAX_TEST_MESSAGE_CHARS } from "../limits";
import { cutText } from "./cut-text";

/** What the judge needs of a test definition. */
export type JudgeTest = { id: string; scenario: { expectedSignals?: string[] }; check?: (snapshot: Snapshot) => unknown };

/**
 * One verdict per run (a student-facing failure, or null), plus what went wrong in the
 * exercise's own code: that goes to the server log, never to the student.
 */
export type JudgeAnswer = { verdicts: Array<string | null>; errors: string[] };

/** Shown instead of a throwing check's message, which can quote hidden check code. */
export const CHECK_FAILED = "the test could not judge this run; this has been logged";
export const MALFORMED_SNAPSHOTS = "the runs could not be judged (malformed snapshots)";
export const NO_SUCH_TEST = "the grader was asked to judge a test that does not exist";

/** Details of at most this many failures per batch reach the log: one broken check would repeat itself. */
const MAX_LOGGED_ERRORS = 3;

function describeError(error: unknown): string {
  try {
    return cutText(error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error), MAX_TEST_MESSAGE_CHARS);
  } catch {
    return "(an error that could not be described)";
  }
}

/** Enough shape for kernelFailure and a check to read without tripping on a missing field. */
function looksLikeSnapshot(s: unknown): s is Snapshot {
  if (typeof s !== "object" || s === null) return false;
  const o = s as Record<string, unknown>;
  return typeof o.outcome === "object" && o.outcome !== null && Array.isArray(o.processes) && Array.isArray(o.errors);
}

function judgeOne(test: JudgeTest, snapshot: unknown, errors: string[]): string | null {
  if (!looksLikeSnapshot(snapshot)) return MALFORMED_SNAPSHOTS;
  let verdict: unknown;
  try {
    // The kernel's own failures come first, as in the sandbox: a check may assume a completed run.
    verdict = kernelFailure(snapshot, test.scenario.expectedSignals ?? []) ?? test.check?.(snapshot);
  } catch (error) {
    if (errors.length < MAX_LOGGED_ERRORS) errors.push(`test ${test.id}: ${describeError(error)}`);
    return CHECK_FAILED;
  }
  if (!verdict) return null;
  return cutText(typeof verdict === "string" ? verdict : String(verdict), MAX_TEST_MESSAGE_CHARS);
}

/**
 * The verdicts of test number `index` of `tests` on a batch of runs, given as the JSON array
 * of their snapshots: for each run, `kernelFailure(snapshot, expectedSignals) ?? check(snapshot)`.
 * Anything but an array of snapshots gives a single failure (the kernel then fails every run
 * of the batch).
 */
export function judgeBatch(tests: readonly JudgeTest[], index: number, snapshotsJson: string): JudgeAnswer {
  const test = Number.isInteger(index) ? tests[index] : undefined;
  if (!test) return { verdicts: [NO_SUCH_TEST], errors: [`no test at index ${String(index)}`] };
  let snapshots: unknown;
  try {
    snapshots = JSON.parse(snapshotsJson);
  } catch {
    snapshots = null;
  }
  if (!Array.isArray(snapshots) || snapshots.length === 0) return { verdicts: [MALFORMED_SNAPSHOTS], errors: [] };
  const errors: string[] = [];
  return { verdicts: snapshots.map((s) => judgeOne(test, s, errors)), errors };
}
