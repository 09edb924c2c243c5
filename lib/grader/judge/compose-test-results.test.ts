import { describe, expect, it } from "vitest";
import { composeTestResults, FAILED_WITHOUT_REASON, NO_VALID_RESULT, NOTHING_JUDGED } from "./compose-test-results";

const ids = ["a", "b"];
const judged = (failure: string | null = null, runs = 3) => ({ judged: runs, failure });
const passed = (id: string, over: Record<string, unknown> = {}) => ({ id, passed: true, failure: null, schedulesExplored: 4, ...over });

describe("composeTestResults: the host decides, the sandbox can only make tests fail", () => {
  it("passes a test the host judged, failed nothing of, and the sandbox says passed", () => {
    expect(composeTestResults(ids, [judged(), judged()], [passed("a"), passed("b")])).toEqual([
      { passed: true, failure: null, schedulesExplored: 4 },
      { passed: true, failure: null, schedulesExplored: 4 },
    ]);
  });

  it("fails a test the sandbox says passed when the host judged none of its runs", () => {
    const [a] = composeTestResults(ids, [judged(null, 0), judged()], [passed("a"), passed("b")]);
    expect(a).toMatchObject({ passed: false, failure: NOTHING_JUDGED });
  });

  it("fails a test the sandbox says passed when the host failed one of its runs, with the host's message", () => {
    const [a] = composeTestResults(ids, [judged("counter 5"), judged()], [passed("a"), passed("b")]);
    expect(a).toMatchObject({ passed: false, failure: "counter 5" });
  });

  it("shows the host's failure rather than the sandbox's", () => {
    const [a] = composeTestResults(ids, [judged("counter 5"), judged()], [{ ...passed("a"), passed: false, failure: "all good, really", trace: { events: [] }, replay: "tok" }, passed("b")]);
    expect(a).toEqual({ passed: false, failure: "counter 5", schedulesExplored: 4, trace: { events: [] }, replay: "tok" });
  });

  it("keeps the sandbox's failure when the host has none (e.g. the program could not load)", () => {
    const [a, b] = composeTestResults(ids, [judged(null, 0), judged()], [{ ...passed("a"), passed: false, failure: "the program could not be loaded" }, { ...passed("b"), passed: false }]);
    expect(a).toMatchObject({ passed: false, failure: "the program could not be loaded" });
    expect(b).toMatchObject({ passed: false, failure: FAILED_WITHOUT_REASON });
  });

  it("keeps a well-formed failure class and sets the trace's cause from it, never from the sandbox's trace", () => {
    const cause = { event: 2, step: 1, pid: 3 };
    const failureClass = { kind: "edeadlk", evidence: { process: { pid: 3, name: "w" }, lock: { kind: "mutex", id: 1, name: "m" }, acquiredAt: null, relockAt: cause, caught: false }, causeStep: cause };
    const failed = (over: Record<string, unknown>) => ({ ...passed("a"), passed: false, failure: "x", trace: { events: [], cause: { event: 99 } }, ...over });
    const [a] = composeTestResults(ids, [judged("pid 3: EDEADLK"), judged()], [failed({ failureClass }), passed("b")]);
    expect(a.failureClass).toEqual(failureClass);
    expect(a.trace).toEqual({ events: [], cause });
    // A class of the wrong shape is dropped, and so is the sandbox's own cause.
    const [b] = composeTestResults(ids, [judged("pid 3: EDEADLK"), judged()], [failed({ failureClass: { ...failureClass, causeStep: "step 2" } }), passed("b")]);
    expect(b.failureClass).toBeUndefined();
    expect(b.trace).toEqual({ events: [] });
    // A sandbox saying the test passed has no counterexample to classify.
    const [c] = composeTestResults(ids, [judged("counter 5"), judged()], [{ ...passed("a"), failureClass }, passed("b")]);
    expect(c.failureClass).toBeUndefined();
  });

  it("fails a test whose result is missing", () => {
    expect(composeTestResults(ids, [judged(), judged()], [passed("a")])[1]).toEqual({ passed: false, failure: NO_VALID_RESULT, schedulesExplored: 0 });
  });

  it("fails a test whose result carries another test's id", () => {
    const results = composeTestResults(ids, [judged(), judged()], [passed("b"), passed("a")]);
    expect(results.map((r) => r.passed)).toEqual([false, false]);
    expect(results[0].failure).toBe(NO_VALID_RESULT);
  });

  it("trusts no result when there are more results than tests", () => {
    const results = composeTestResults(ids, [judged(), judged()], [passed("a"), passed("b"), passed("c")]);
    expect(results.map((r) => r.passed)).toEqual([false, false]);
  });

  it("fails malformed results", () => {
    const malformed = [
      { ...passed("a"), passed: "true" },
      { ...passed("a"), failure: 7 },
      { ...passed("a"), schedulesExplored: -1 },
      { ...passed("a"), schedulesExplored: 1.5 },
      { ...passed("a"), replay: 42 },
      { ...passed("a"), trace: "a trace" },
      { id: "a", passed: true },
      null,
      "passed",
    ];
    for (const result of malformed) expect(composeTestResults(["a"], [judged()], [result])[0], JSON.stringify(result)).toMatchObject({ passed: false, failure: NO_VALID_RESULT });
  });

  it("fails every test when the sandbox's results are not an array", () => {
    for (const results of [null, {}, "[]", { 0: passed("a"), length: 1 }]) expect(composeTestResults(["a"], [judged()], results)[0].passed).toBe(false);
  });

  it("carries the sandbox's coverage statement through, for passing and failing tests", () => {
    const coverage = { kind: "exhaustive", preemptionBound: 2, schedules: 4, complete: true, allInterleavings: false, reduction: "sleep-sets" };
    const pct = { kind: "pct", depth: 2, runs: 600, processes: 4, steps: 47, missProbability: 0.004, distinct: true, exhaustive: { preemptionBound: 1, schedules: 54 } };
    const [a, b] = composeTestResults(ids, [judged(), judged("lost update")], [passed("a", { coverage }), { ...passed("b", { coverage: pct }), passed: false, failure: "x", replay: "tok" }]);
    expect(a).toEqual({ passed: true, failure: null, schedulesExplored: 4, coverage });
    expect(b).toMatchObject({ passed: false, failure: "lost update", coverage: pct, replay: "tok" });
  });

  it("drops a coverage statement it cannot accept, without failing the test for it", () => {
    const bad = [
      { kind: "exhaustive", preemptionBound: 2, schedules: 4, complete: true },
      { kind: "pct", depth: 2, runs: 6, processes: 4, steps: 47, missProbability: 2, distinct: true },
      { kind: "random", runs: -1 },
      { kind: "everything" },
      "all of them",
    ];
    for (const coverage of bad) expect(composeTestResults(["a"], [judged()], [passed("a", { coverage })])[0], JSON.stringify(coverage)).toEqual({ passed: true, failure: null, schedulesExplored: 4 });
    // Nor about a test the host judged no run of.
    expect(composeTestResults(["a"], [judged(null, 0)], [passed("a", { coverage: { kind: "random", runs: 3 } })])[0].coverage).toBeUndefined();
  });
});
