import type { Snapshot } from "../../kernel";

type Check = ((snapshot: Snapshot) => string | null | undefined) | undefined;

function judgeSnapshot(check: Check, snapshot: unknown): string | null {
  if (!check) return null;
  try {
    return check(snapshot as Snapshot) || null;
  } catch (error) {
    return `the result could not be checked (${String((error as Error)?.message ?? error)})`;
  }
}

/**
 * A test's verdicts on a batch of finished runs, from a JSON copy of their snapshots (an
 * array), one verdict per run, as JSON. For the browser's Run of the public tests, in the
 * student's own browser (the grader judges in its judge isolate: lib/grader/judge/). A check
 * that throws on a strange snapshot fails that run, with its message (public checks are
 * readable anyway); it never crashes the Run. Anything but an array of snapshots fails every
 * run it claims to be.
 */
export function judgeRuns(check: Check, snapshotsJson: string): string {
  let snapshots: unknown;
  try {
    snapshots = JSON.parse(snapshotsJson);
  } catch {
    snapshots = null;
  }
  if (!Array.isArray(snapshots)) return JSON.stringify(["the runs could not be checked (malformed snapshots)"]);
  return JSON.stringify(snapshots.map((s) => judgeSnapshot(check, s)));
}
