import { describe, expect, it } from "vitest";
import type { Snapshot } from "../../kernel";
import { MAX_TEST_MESSAGE_CHARS } from "../limits";
import { CHECK_FAILED, judgeBatch, MALFORMED_SNAPSHOTS, NO_SUCH_TEST, type JudgeTest } from "./judge-batch";

/** A minimal snapshot: pid 1 printed `output` and ended as `exit`. */
function snapshot(output: string, over: Partial<Snapshot> = {}): Snapshot {
  return {
    outcome: { kind: "completed" },
    steps: 1,
    processes: [{ pid: 1, ppid: 0, name: "main", uid: 0, gid: 0, state: "reaped", exit: { exited: true, code: 0 }, error: null, counters: {} as Snapshot["counters"] }],
    exitStatuses: { "1": { exited: true, code: 0 } },
    zombies: [],
    errors: [],
    output: { "1": output },
    outputTruncated: false,
    shm: [],
    msgQueues: [],
    semaphores: [],
    mutexes: [],
    counters: {} as Snapshot["counters"],
    ...over,
  };
}

const says = (word: string): JudgeTest => ({ id: "says", scenario: {}, check: (s) => (s.output["1"] === word ? null : `printed ${JSON.stringify(s.output["1"])}`) });
const judge = (test: JudgeTest, runs: unknown[]) => judgeBatch([test], 0, JSON.stringify(runs));

describe("judgeBatch (runs in the judge isolate)", () => {
  it("gives one verdict per run, in order", () => {
    expect(judge(says("ok"), [snapshot("ok"), snapshot("no"), snapshot("ok")]).verdicts).toEqual([null, 'printed "no"', null]);
  });

  it("fails a run the kernel failed even when the check would pass it (the sandbox now sends every run)", () => {
    const lenient: JudgeTest = { id: "lenient", scenario: {}, check: () => null };
    const deadlocked = snapshot("ok", { outcome: { kind: "deadlock", message: "deadlock: pid 1 waits for pid 2", waitFor: [] } });
    const crashed = snapshot("ok", { errors: [{ pid: 1, message: "TypeError: boom" }] });
    expect(judge(lenient, [deadlocked, crashed, snapshot("ok")]).verdicts).toEqual(["deadlock: pid 1 waits for pid 2", "pid 1 (main): TypeError: boom", null]);
  });

  it("fails a process killed by a signal unless the scenario expects that signal", () => {
    const killed = snapshot("", { processes: [{ ...snapshot("").processes[0], exit: { signaled: true, signal: "SIGTERM" } }] });
    const lenient = (expectedSignals?: string[]): JudgeTest => ({ id: "t", scenario: { expectedSignals }, check: () => null });
    expect(judge(lenient(), [killed]).verdicts).toEqual(["pid 1 (main) was killed by SIGTERM"]);
    expect(judge(lenient(["SIGTERM"]), [killed]).verdicts).toEqual([null]);
  });

  it("answers a throwing check with a fixed message; the error's details go apart, for the log", () => {
    const nosy: JudgeTest = { id: "nosy", scenario: {}, check: (s) => (s.shm as unknown as { find: number }).find.toFixed(1) };
    const answer = judge(nosy, [snapshot("x")]);
    expect(answer.verdicts).toEqual([CHECK_FAILED]);
    expect(JSON.stringify(answer.verdicts)).not.toMatch(/toFixed|find/);
    expect(answer.errors).toEqual([expect.stringMatching(/^test nosy: TypeError: .*toFixed/)]);
  });

  it("logs the details of at most a few throwing runs per batch", () => {
    const broken: JudgeTest = { id: "broken", scenario: {}, check: () => { throw new Error("nope"); } };
    const answer = judge(broken, Array.from({ length: 10 }, () => snapshot("x")));
    expect(answer.verdicts).toEqual(Array(10).fill(CHECK_FAILED));
    expect(answer.errors).toHaveLength(3);
  });

  it("cuts a check's long verdict", () => {
    const wordy: JudgeTest = { id: "wordy", scenario: {}, check: () => "x".repeat(100_000) };
    expect(judge(wordy, [snapshot("")]).verdicts[0]).toHaveLength(MAX_TEST_MESSAGE_CHARS);
  });

  it("answers malformed input with a failure instead of throwing", () => {
    for (const input of ["{", "{}", "null", "[]"]) expect(judgeBatch([says("ok")], 0, input).verdicts).toEqual([MALFORMED_SNAPSHOTS]);
    expect(judge(says("ok"), [{ outcome: null }, 42]).verdicts).toEqual([MALFORMED_SNAPSHOTS, MALFORMED_SNAPSHOTS]);
  });

  it("refuses a test index that does not exist", () => {
    for (const index of [-1, 1, 0.5, NaN]) expect(judgeBatch([says("ok")], index, JSON.stringify([snapshot("ok")])).verdicts).toEqual([NO_SUCH_TEST]);
  });
});
