import { JUDGE_MEMORY_MB, MAX_SNAPSHOTS_JSON_CHARS } from "../limits";
import type { GraderLog } from "../pool/grader-log";
import { CHECK_FAILED, MALFORMED_SNAPSHOTS, NO_SUCH_TEST } from "./judge-batch";
import type { JudgeCaller } from "./exercise-judge";

/** What the host itself saw of one test: how many runs it judged, and the first it failed. */
export type HostRecord = { judged: number; failure: string | null };

export type HostJudge = {
  /** The sandbox's judge callback (SandboxJob.judge): one verdict per run, as a JSON array. */
  judge: (testIndex: number, snapshotsJson: string) => string;
  /** One per test, in the tests' order. */
  records: HostRecord[];
  /** Once judging hit a limit (time, the judge's heap, a run's size): the student-facing reason (the grade is then a resource-limit). */
  limit: () => string | null;
};

export type HostJudgeOptions = {
  testIds: readonly string[];
  call: JudgeCaller;
  /** performance.now() by which the whole job must be done: each judge call gets what is left. */
  deadline: number;
  wallMs: number;
  log: GraderLog;
  /** Added to every log line (exercise, suite…). */
  logFields?: Record<string, unknown>;
  now?: () => number;
};

const MB = 1024 * 1024;

export const tooMuchState = (chars: number) => `this run left more state than the grader can judge (${(chars / MB).toFixed(1)} MB)`;
const outOfTime = (wallMs: number) => `time limit exceeded (${wallMs} ms wall clock) while the tests judged this submission's runs`;
const outOfMemory = () => `the tests ran out of memory judging a run of this submission (${JUDGE_MEMORY_MB} MB)`;

/**
 * The host's side of judging: it validates what the sandbox asks, refuses oversized batches
 * before parsing anything, runs the checks in the judge isolate within the job's remaining
 * wall-clock time, and keeps its own record of every verdict, which is what the grade is
 * computed from (see composeTestResults): the sandbox only relays runs.
 */
export function createHostJudge(o: HostJudgeOptions): HostJudge {
  const now = o.now ?? (() => performance.now());
  const records: HostRecord[] = o.testIds.map(() => ({ judged: 0, failure: null }));
  let limit: string | null = null;
  const fields = o.logFields ?? {};

  const fail = (record: HostRecord, failure: string): string => {
    record.judged++;
    record.failure ??= failure;
    // One failure, whatever the batch's length (counting its runs would mean parsing it): a
    // verdict list of the wrong length fails the whole batch in the sandbox, and the host's
    // record, not the sandbox, decides the test anyway.
    return JSON.stringify([failure]);
  };
  const hitLimit = (reason: string, testIndex: number): string => {
    limit ??= reason;
    o.log("grader.judge-limit", { ...fields, test: o.testIds[testIndex], reason });
    return fail(records[testIndex], reason);
  };

  const judge = (testIndex: number, snapshotsJson: string): string => {
    if (!Number.isInteger(testIndex) || testIndex < 0 || testIndex >= records.length) {
      o.log("grader.judge-refused", { ...fields, reason: `no test at index ${String(testIndex)}` });
      return JSON.stringify([NO_SUCH_TEST]);
    }
    const record = records[testIndex];
    if (typeof snapshotsJson !== "string") return fail(record, MALFORMED_SNAPSHOTS);
    if (limit) return fail(record, limit);
    // A grader limit, like the judge's time and heap: the grade says so (resource-limit) rather
    // than blaming the program's logic, and later batches are not even looked at.
    if (snapshotsJson.length > MAX_SNAPSHOTS_JSON_CHARS) return hitLimit(tooMuchState(snapshotsJson.length), testIndex);
    const left = o.deadline - now();
    if (left < 1) return hitLimit(outOfTime(o.wallMs), testIndex);

    const call = o.call(testIndex, snapshotsJson, left);
    switch (call.kind) {
      case "timeout":
        return hitLimit(outOfTime(o.wallMs), testIndex);
      case "memory":
        return hitLimit(outOfMemory(), testIndex);
      case "error":
        o.log("grader.judge-failed", { ...fields, test: o.testIds[testIndex], error: call.detail });
        return fail(record, CHECK_FAILED);
      case "ok": {
        const { verdicts, errors } = call.answer;
        for (const error of errors) o.log("grader.check-failed", { ...fields, test: o.testIds[testIndex], error });
        record.judged += verdicts.length;
        record.failure ??= verdicts.find((v) => v !== null) ?? null;
        return JSON.stringify(verdicts);
      }
    }
  };
  return { judge, records, limit: () => limit };
}
