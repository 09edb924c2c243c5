import { describe, expect, it } from "vitest";
import type { Coverage } from "../kernel/strategies/coverage";
import { coverageSufficient, describeCoverage, formatCount, formatMissBound } from "./coverage-text";

const exhaustive = (over: Partial<Extract<Coverage, { kind: "exhaustive" }>> = {}): Coverage => ({
  kind: "exhaustive",
  preemptionBound: 2,
  schedules: 1234,
  complete: true,
  allInterleavings: false,
  reduction: "none",
  ...over,
});
const pct = (over: Partial<Extract<Coverage, { kind: "pct" }>> = {}): Coverage => ({
  kind: "pct",
  depth: 2,
  runs: 600,
  processes: 4,
  steps: 47,
  missProbability: 0.00068,
  distinct: true,
  ...over,
});

describe("coverage sentences", () => {
  it("formats counts with thousands separators", () => {
    expect([0, 7, 999, 1000, 1234, 1234567].map(formatCount)).toEqual(["0", "7", "999", "1,000", "1,234", "1,234,567"]);
  });

  it("rounds miss probabilities up, so the stated bound still holds", () => {
    expect(formatMissBound(0.2329)).toBe("< 24%");
    expect(formatMissBound(0.0099)).toBe("< 1%");
    expect(formatMissBound(0.01)).toBe("≤ 1%");
    expect(formatMissBound(0.004)).toBe("≤ 0.4%");
    expect(formatMissBound(0.0039)).toBe("< 0.4%");
    expect(formatMissBound(0.00068)).toBe("< 0.07%");
    expect(formatMissBound(0.000041)).toBe("< 0.005%");
    expect(formatMissBound(1e-12)).toBe("< 0.001%");
    for (const p of [0.5, 0.123, 0.0456, 0.00789, 0.000123, 3e-6]) {
      const shown = Number(/([\d.]+)%/.exec(formatMissBound(p))![1]) / 100;
      expect(shown).toBeGreaterThanOrEqual(p);
    }
  });

  it("says what a finished preemption-bounded search covered", () => {
    expect(describeCoverage(exhaustive(), "en")).toBe("all 1,234 interleavings with ≤ 2 preemptions");
    expect(describeCoverage(exhaustive({ preemptionBound: 1, schedules: 1 }), "en")).toBe("the only interleaving with ≤ 1 preemption");
    expect(describeCoverage(exhaustive(), "ko")).toBe("선점 2번 이하인 모든 인터리빙 1,234개");
    expect(describeCoverage(exhaustive({ reduction: "sleep-sets", schedules: 473 }), "en")).toBe("every interleaving with ≤ 2 preemptions (473 schedules, up to reordering of independent steps)");
    expect(describeCoverage(exhaustive({ reduction: "sleep-sets", schedules: 473 }), "ko")).toBe("선점 2번 이하인 모든 인터리빙 (스케줄 473개, 독립적인 단계의 순서만 다른 것은 한 번만)");
    expect(describeCoverage(exhaustive({ allInterleavings: true, schedules: 42 }), "en")).toBe("all 42 interleavings");
    expect(describeCoverage(exhaustive({ allInterleavings: true, schedules: 42 }), "ko")).toBe("가능한 모든 인터리빙 42개");
    expect(describeCoverage(exhaustive({ preemptionBound: 0, schedules: 4 }), "en")).toBe("all 4 interleavings with no preemption");
    expect(describeCoverage(exhaustive({ preemptionBound: 0, schedules: 4 }), "ko")).toBe("선점 없는 모든 인터리빙 4개");
  });

  it("says when the search did not finish", () => {
    expect(describeCoverage(exhaustive({ complete: false }), "en")).toBe("1,234 interleavings with ≤ 2 preemptions (the search did not finish)");
    expect(describeCoverage(exhaustive({ complete: false }), "ko")).toBe("선점 2번 이하인 인터리빙 중 1,234개 (탐색을 끝내지 못함)");
    expect(describeCoverage(pct({ exhaustive: { preemptionBound: 0, schedules: 4 }, missProbability: 0.5 }), "en")).toBe(
      "every interleaving with no preemption (4 schedules), then PCT d=2, 600 runs: a depth-2 bug is missed with probability ≤ 50%",
    );
  });

  it("gives PCT's miss probability for depth-2 bugs", () => {
    expect(describeCoverage(pct(), "en")).toBe("PCT d=2, 600 runs: a depth-2 bug is missed with probability < 0.07%");
    expect(describeCoverage(pct(), "ko")).toBe("PCT d=2, 600회 실행: 깊이 2 버그를 놓칠 확률 0.07% 미만");
    expect(describeCoverage(pct({ exhaustive: { preemptionBound: 1, schedules: 190 }, missProbability: 0.2329 }), "en")).toBe(
      "every interleaving with ≤ 1 preemption (190 schedules), then PCT d=2, 600 runs: a depth-2 bug is missed with probability < 24%",
    );
    expect(describeCoverage(pct({ exhaustive: { preemptionBound: 1, schedules: 190 }, missProbability: 0.2329 }), "ko")).toBe(
      "선점 1번 이하인 모든 인터리빙 (스케줄 190개)에 더해 PCT d=2, 600회 실행: 깊이 2 버그를 놓칠 확률 24% 미만",
    );
    expect(describeCoverage(pct({ missProbability: 0, runs: 186 }), "en")).toBe("PCT d=2, 186 runs: every PCT schedule was run, so no bug of depth ≤ 2 is missed");
    expect(describeCoverage(pct({ missProbability: 1, depth: 3 }), "en")).toBe("PCT d=3, 600 runs (no bound for depth-2 bugs)");
  });

  it("says random exploration has no bound, and when a failure stopped the search", () => {
    expect(describeCoverage({ kind: "random", runs: 20 }, "en")).toBe("20 random schedules (no coverage bound)");
    expect(describeCoverage({ kind: "random", runs: 20 }, "ko")).toBe("무작위 스케줄 20개 (보장된 커버리지 없음)");
    expect(describeCoverage(exhaustive({ complete: false, schedules: 4, preemptionBound: 1 }), "en", { passed: false })).toBe(
      "stopped at the first failing schedule (explored until then: 4 interleavings with ≤ 1 preemption (the search did not finish))",
    );
  });

  it("knows sufficient coverage: a finished search with ≥ 2 preemptions, or PCT missing depth-2 bugs with ≤ 1%", () => {
    expect(coverageSufficient(exhaustive())).toBe(true);
    expect(coverageSufficient(exhaustive({ preemptionBound: 1 }))).toBe(false);
    expect(coverageSufficient(exhaustive({ preemptionBound: 1, allInterleavings: true }))).toBe(true);
    expect(coverageSufficient(exhaustive({ complete: false }))).toBe(false);
    expect(coverageSufficient(pct({ missProbability: 0.0099 }))).toBe(true);
    expect(coverageSufficient(pct({ missProbability: 0.02 }))).toBe(false);
    expect(coverageSufficient({ kind: "random", runs: 1000 })).toBe(false);
  });
});
