import { describe, expect, it } from "vitest";
import { describeCoverage } from "../grader/coverage-text";
import { coverageByTest } from "./coverage-by-test";

describe("coverageByTest", () => {
  const exhaustive = { kind: "exhaustive", preemptionBound: 2, schedules: 669, complete: true, allInterleavings: false, reduction: "sleep-sets" };
  const pct = { kind: "pct", depth: 2, runs: 45, processes: 5, steps: 200, missProbability: 0.95, distinct: true };

  it("reads each test's coverage from a stored report, by test id, for the results panel and the instructor view", () => {
    const report = { tests: [{ id: "two-tellers", coverage: exhaustive }, { id: "uneven", coverage: pct }, { id: "old" }] };
    const byTest = coverageByTest(JSON.parse(JSON.stringify(report)));
    expect([...byTest.keys()]).toEqual(["two-tellers", "uneven"]);
    expect(describeCoverage(byTest.get("two-tellers")!, "en")).toMatch(/^every interleaving with ≤ 2 preemptions \(669 schedules/);
    expect(describeCoverage(byTest.get("uneven")!, "ko")).toContain("PCT");
  });

  it("ignores reports without tests and coverage of another shape", () => {
    expect(coverageByTest(null).size).toBe(0);
    expect(coverageByTest({ tests: "no" }).size).toBe(0);
    expect(coverageByTest({ tests: [{ id: "x", coverage: { kind: "magic" } }, { id: 3, coverage: exhaustive }, null] }).size).toBe(0);
  });
});
