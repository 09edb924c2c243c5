import { describe, expect, it, vi } from "vitest";
import { MAX_SNAPSHOTS_JSON_CHARS } from "../limits";
import type { JudgeCaller } from "./exercise-judge";
import { CHECK_FAILED, NO_SUCH_TEST } from "./judge-batch";
import { createHostJudge, type HostJudgeOptions } from "./host-judge";
import type { JudgeCall } from "./judge-isolate";

/** A host judge over tests "a" and "b" whose judge isolate answers `answers` in turn; time is `clock.now`. */
function setup(answers: JudgeCall[], over: Partial<HostJudgeOptions> = {}) {
  const clock = { now: 0 };
  const call = vi.fn<JudgeCaller>(() => answers.shift() ?? { kind: "ok", answer: { verdicts: [null], errors: [] } });
  const log = vi.fn();
  const host = createHostJudge({ testIds: ["a", "b"], call, deadline: 1000, wallMs: 1000, log, logFields: { exercise: "x" }, now: () => clock.now, ...over });
  return { host, call, log, clock };
}

const ok = (...verdicts: Array<string | null>): JudgeCall => ({ kind: "ok", answer: { verdicts, errors: [] } });

describe("createHostJudge", () => {
  it("records how many runs of each test it judged and the first failure", () => {
    const { host } = setup([ok(null, null), ok(null, "second batch failed", "later failure"), ok(null)]);
    expect(JSON.parse(host.judge(0, "[]"))).toEqual([null, null]);
    expect(JSON.parse(host.judge(0, "[]"))).toEqual([null, "second batch failed", "later failure"]);
    host.judge(1, "[]");
    expect(host.records).toEqual([
      { judged: 5, failure: "second batch failed" },
      { judged: 1, failure: null },
    ]);
  });

  it("refuses a test index that is not an integer in range, without judging anything", () => {
    const { host, call, log } = setup([]);
    for (const index of [-1, 2, 0.5, NaN, "0" as unknown as number]) expect(JSON.parse(host.judge(index, "[]"))).toEqual([NO_SUCH_TEST]);
    expect(call).not.toHaveBeenCalled();
    expect(host.records).toEqual([
      { judged: 0, failure: null },
      { judged: 0, failure: null },
    ]);
    expect(log).toHaveBeenCalledWith("grader.judge-refused", expect.anything());
  });

  it("fails an oversized batch without parsing or judging it, as a limit", () => {
    const { host, call } = setup([]);
    const parse = vi.spyOn(JSON, "parse");
    const huge = "[" + " ".repeat(MAX_SNAPSHOTS_JSON_CHARS) + "]";
    const answer = host.judge(1, huge);
    expect(parse).not.toHaveBeenCalled();
    parse.mockRestore();
    expect(JSON.parse(answer)).toEqual(["this run left more state than the grader can judge (4.0 MB)"]);
    expect(call).not.toHaveBeenCalled();
    expect(host.records[1]).toEqual({ judged: 1, failure: "this run left more state than the grader can judge (4.0 MB)" });
    expect(host.limit()).toBe("this run left more state than the grader can judge (4.0 MB)");
    expect(JSON.parse(host.judge(0, "[]"))).toEqual(["this run left more state than the grader can judge (4.0 MB)"]);
    expect(call).not.toHaveBeenCalled();
  });

  it("gives each call the job's remaining wall-clock time", () => {
    const { host, call, clock } = setup([]);
    clock.now = 300;
    host.judge(0, "[]");
    expect(call).toHaveBeenCalledWith(0, "[]", 700);
  });

  it("after a judge timeout, fails every later run at once and reports the limit", () => {
    const { host, call, log } = setup([{ kind: "timeout" }]);
    expect(JSON.parse(host.judge(0, "[]"))[0]).toMatch(/time limit exceeded \(1000 ms wall clock\) while the tests judged/);
    expect(host.limit()).toMatch(/time limit exceeded/);
    expect(JSON.parse(host.judge(1, "[]"))[0]).toMatch(/time limit exceeded/);
    expect(call).toHaveBeenCalledTimes(1);
    expect(host.records.map((r) => r.failure)).toEqual([expect.stringMatching(/time limit/), expect.stringMatching(/time limit/)]);
    expect(log).toHaveBeenCalledWith("grader.judge-limit", expect.objectContaining({ exercise: "x", test: "a" }));
  });

  it("does not call the judge once the deadline has passed", () => {
    const { host, call, clock } = setup([]);
    clock.now = 1000;
    expect(JSON.parse(host.judge(0, "[]"))[0]).toMatch(/time limit exceeded/);
    expect(call).not.toHaveBeenCalled();
    expect(host.limit()).not.toBeNull();
  });

  it("reports a judge that ran out of memory as a limit", () => {
    const { host } = setup([{ kind: "memory" }]);
    expect(JSON.parse(host.judge(0, "[]"))[0]).toMatch(/ran out of memory judging a run of this submission \(128 MB\)/);
    expect(host.limit()).toMatch(/out of memory/);
  });

  it("logs why a check threw; the verdict it returns says only that it was logged", () => {
    const { host, log } = setup([{ kind: "ok", answer: { verdicts: [CHECK_FAILED], errors: ["test a: TypeError: s.shm.find is not a function"] } }, { kind: "error", detail: "judge broke" }]);
    expect(host.judge(0, "[]")).not.toContain("find");
    expect(JSON.parse(host.judge(1, "[]"))).toEqual([CHECK_FAILED]);
    expect(log).toHaveBeenCalledWith("grader.check-failed", { exercise: "x", test: "a", error: "test a: TypeError: s.shm.find is not a function" });
    expect(log).toHaveBeenCalledWith("grader.judge-failed", { exercise: "x", test: "b", error: "judge broke" });
    expect(host.records.map((r) => r.failure)).toEqual([CHECK_FAILED, CHECK_FAILED]);
  });
});
