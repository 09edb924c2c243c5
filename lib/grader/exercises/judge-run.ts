import type { Snapshot } from "../../kernel";

type Check = ((snapshot: Snapshot) => string | null | undefined) | undefined;

/**
 * A test's verdict on one finished run, from a JSON copy of its snapshot. A check that throws
 * on a strange snapshot fails the test; it never crashes the grader (or the browser's Run).
 */
export function judgeRun(check: Check, snapshotJson: string): string | null {
  if (!check) return null;
  try {
    return check(JSON.parse(snapshotJson) as Snapshot) ?? null;
  } catch (error) {
    return `the result could not be checked (${String((error as Error)?.message ?? error)})`;
  }
}
