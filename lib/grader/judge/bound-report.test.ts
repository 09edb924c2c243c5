import { describe, expect, it } from "vitest";
import { MAX_REPORT_BYTES, MAX_TEST_MESSAGE_CHARS, MAX_TRACE_OUTPUT_CHARS, MAX_TRACE_STRING_CHARS } from "../limits";
import type { GradeReport, TestReport } from "../types";
import { boundReport } from "./bound-report";

/** A trace of `events` print events of `textChars` characters each. */
function trace(events: number, textChars = 40) {
  return {
    version: 1,
    events: Array.from({ length: events }, (_, i) => ({ step: i, pid: 1, kind: "print", text: "x".repeat(textChars) })),
    truncated: false,
    droppedEvents: 0,
    output: { "1": "y".repeat(50_000) },
    failure: "f".repeat(10_000),
  };
}

function test(id: string, over: Partial<TestReport> = {}): TestReport {
  return { id, title: id, passed: false, points: 0, maxPoints: 10, message: `test ${id} failed`, hidden: true, schedulesExplored: 1, ...over };
}

function report(tests: TestReport[], over: Partial<GradeReport> = {}): GradeReport {
  return {
    exercise: "x",
    verdict: "graded",
    score: 0,
    maxScore: 10 * tests.length,
    compile: { ok: true, diagnostics: [] },
    tests,
    limits: { cpuMs: 1, wallMs: 1, memoryMb: 1 },
    schedulesExplored: 1,
    testsHash: "h",
    durationMs: 1,
    ...over,
  };
}

const size = (r: GradeReport) => Buffer.byteLength(JSON.stringify(r));
type Trace = ReturnType<typeof trace>;

describe("boundReport", () => {
  it("leaves a small report as it is", () => {
    const small = report([test("a", { trace: trace(10) }), test("b", { passed: true, points: 10 })]);
    const bounded = boundReport(small, "en");
    expect(bounded.tests[1]).toEqual(small.tests[1]);
    expect((bounded.tests[0].trace as Trace).events).toEqual(trace(10).events);
  });

  it("cuts messages, trace strings, trace output and the error", () => {
    const t = trace(3, 5000);
    const bounded = boundReport(report([test("a", { message: "m".repeat(50_000), trace: t })], { error: "e".repeat(50_000) }), "en");
    const kept = bounded.tests[0].trace as Trace;
    expect(bounded.tests[0].message).toHaveLength(MAX_TEST_MESSAGE_CHARS);
    expect(bounded.error).toHaveLength(MAX_TEST_MESSAGE_CHARS);
    expect(kept.events[0].text).toHaveLength(MAX_TRACE_STRING_CHARS);
    expect(kept.output["1"]).toHaveLength(MAX_TRACE_OUTPUT_CHARS);
    expect(kept.failure).toHaveLength(MAX_TEST_MESSAGE_CHARS);
  });

  it("drops the traces of later failing tests first, and says so in their messages", () => {
    // Each trace is ~300 KB: four do not fit in 1 MB, three do.
    const tests = ["a", "b", "c", "d"].map((id) => test(id, { trace: trace(3500), replay: `replay-${id}` }));
    const bounded = boundReport(report(tests), "en");
    expect(size(bounded)).toBeLessThanOrEqual(MAX_REPORT_BYTES);
    expect(bounded.tests.map((t) => t.trace !== undefined)).toEqual([true, true, true, false]);
    expect(bounded.tests[3].message).toMatch(/^test d failed\n\(The timeline of this run was left out/);
    expect(bounded.tests[3].replay).toBe("replay-d");
    expect(bounded.tests[0].message).toBe("test a failed");
    expect((bounded.tests[0].trace as Trace).events).toHaveLength(3500);
  });

  it("says so in the student's language", () => {
    const tests = ["a", "b", "c", "d"].map((id) => test(id, { trace: trace(3800) }));
    expect(boundReport(report(tests), "ko").tests[3].message).toMatch(/타임라인/);
  });

  it("shortens the first failing test's trace when it alone is too large, marking it truncated", () => {
    const bounded = boundReport(report([test("a", { trace: trace(20_000) }), test("b", { trace: trace(20_000) })]), "en");
    expect(size(bounded)).toBeLessThanOrEqual(MAX_REPORT_BYTES);
    const kept = bounded.tests[0].trace as Trace;
    expect(kept.events.length).toBeGreaterThan(1000);
    expect(kept.events.length).toBeLessThan(20_000);
    expect(kept).toMatchObject({ truncated: true, droppedEvents: 20_000 - kept.events.length });
    expect(bounded.tests[1].trace).toBeUndefined();
  });

  it("leaves out diagnostics that do not fit, last", () => {
    const diagnostics = Array.from({ length: 2000 }, (_, i) => ({ severity: "warning" as const, line: i, column: 1, code: "TS2322", message: "w".repeat(1000) }));
    const bounded = boundReport(report([], { compile: { ok: true, diagnostics } }), "en");
    expect(size(bounded)).toBeLessThanOrEqual(MAX_REPORT_BYTES);
    expect(bounded.compile.diagnostics.at(-1)).toMatchObject({ code: "REPORT-SIZE" });
    expect(bounded.compile.diagnostics.length).toBeGreaterThan(500);
  });
});
