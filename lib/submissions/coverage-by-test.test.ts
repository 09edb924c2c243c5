import { describe, expect, it } from "vitest";
import { describeCoverage } from "../grader/coverage-text";
import { toStoredReport } from "../grader/queue/stored-report";
import type { GradeReport } from "../grader/types";
import { coverageByTest } from "./coverage-by-test";

describe("coverageByTest", () => {
  const exhaustive = { kind: "exhaustive", preemptionBound: 2, schedules: 669, complete: true, allInterleavings: false, reduction: "sleep-sets" } as const;
  const pct = { kind: "pct", depth: 2, runs: 45, processes: 5, steps: 200, missProbability: 0.95, distinct: true } as const;

  it("reads each test's coverage back from the stored report, by test id, for the results panel and the instructor view", () => {
    const report = {
      exercise: "fix-the-race",
      verdict: "graded",
      score: 0,
      maxScore: 100,
      tests: [
        { id: "two-tellers", coverage: exhaustive },
        { id: "uneven", coverage: pct },
        { id: "old" },
      ],
    } as unknown as GradeReport;
    const stored = JSON.parse(toStoredReport(report)) as Record<string, unknown>;
    expect(stored.tests).toBeUndefined(); // the results themselves live in TestResult rows
    const byTest = coverageByTest(stored);
    expect([...byTest.keys()]).toEqual(["two-tellers", "uneven"]);
    expect(describeCoverage(byTest.get("two-tellers")!, "en")).toMatch(/^every interleaving with ≤ 2 preemptions \(669 schedules/);
    expect(describeCoverage(byTest.get("uneven")!, "ko")).toContain("PCT");
  });

  it("ignores reports without coverage and coverage of another shape", () => {
    expect(coverageByTest(null).size).toBe(0);
    expect(coverageByTest({ coverage: "no" }).size).toBe(0);
    expect(coverageByTest({ coverage: [exhaustive] }).size).toBe(0);
    expect(coverageByTest({ coverage: { x: { kind: "magic" }, y: null } }).size).toBe(0);
  });
});
