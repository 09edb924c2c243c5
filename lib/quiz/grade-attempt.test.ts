import { describe, expect, it } from "vitest";
import { computeMastery } from "./compute-mastery";
import { gradeAttempt } from "./grade-attempt";
import { InvalidResponseError } from "./response-schema";
import { toPublicQuestion } from "./public-question";
import { prepareQuestions } from "./prepare-questions";
import { seedFor } from "./seed-for";
import { generatedRace, matching, multiple, numeric, single, truefalse } from "./test-fixtures";
import type { Question } from "./question-schema";

describe("gradeAttempt", () => {
  const qs = [single, multiple, truefalse, matching];
  it("sums scores and maxima; missing responses are unanswered", () => {
    const r = gradeAttempt(
      qs,
      {
        "t-single": { type: "single", optionId: "b" },
        "t-multiple": { type: "multiple", optionIds: ["a", "b"] },
        "t-matching": { type: "matching", pairs: { l1: "r1" } },
      },
      { seed: 1 },
    );
    expect(r.max).toBe(1 + 3 + 1 + 3);
    expect(r.total).toBe(1 + 2 + 0 + 1);
    expect(r.ratio).toBeCloseTo(4 / 8);
    expect(r.results.map((x) => [x.questionId, x.answered])).toEqual([
      ["t-single", true],
      ["t-multiple", true],
      ["t-tf", false],
      ["t-matching", true],
    ]);
  });
  it("throws InvalidResponseError for a malformed response or an unknown question", () => {
    expect(() => gradeAttempt(qs, { "t-single": { type: "single" } }, { seed: 1 })).toThrow(InvalidResponseError);
    expect(() => gradeAttempt(qs, { nope: { type: "truefalse", value: true } }, { seed: 1 })).toThrow(/nope/);
  });
  it("uses per-question seeds, matching what toPublicQuestion showed", async () => {
    const seedOf = (id: string) => seedFor("dana", id, 1);
    await prepareQuestions([generatedRace], seedOf);
    const shown = toPublicQuestion(generatedRace, { seed: seedOf("t-race"), lang: "en" });
    const params = shown.params as { initial: number; deposit: number; withdrawal: number; schedule: string[] };
    // recompute the answer from what the student saw, with the simplest possible simulation
    let shared = params.initial;
    const reg: Record<string, number> = {};
    const step: Record<string, number> = { P1: 0, P2: 0 };
    for (const p of params.schedule) {
      const k = step[p]!++;
      if (k === 0) reg[p] = shared;
      else if (k === 1) reg[p]! += p === "P1" ? params.deposit : -params.withdrawal;
      else shared = reg[p]!;
    }
    const r = gradeAttempt([generatedRace, numeric], { "t-race": { type: "numeric", value: shared } }, { seed: seedOf });
    expect(r.results[0]?.correct).toBe(true);
    expect(r.total).toBe(1);
  });
});

describe("computeMastery", () => {
  const bank: Question[] = [single, multiple, truefalse, { ...numeric, topic: "pipes" }];
  const res = (questionId: string, topic: Question["topic"], score: number, maxScore: number) => ({ questionId, topic, score, maxScore });

  it("takes the best ratio per question and averages over the topic's bank questions", () => {
    const attempts = [
      { results: [res("t-single", "pipes", 0, 1), res("t-multiple", "pipes", 1, 3)] },
      { results: [res("t-single", "pipes", 1, 1), res("t-multiple", "pipes", 0, 3)] },
    ];
    const m = computeMastery(attempts, { bank });
    // pipes has 3 bank questions: single best 1, multiple best 1/3, numeric unseen 0
    expect(m.pipes).toBeCloseTo((1 + 1 / 3 + 0) / 3);
    expect(m.signals).toBe(0);
    expect(Object.keys(m)).toHaveLength(15);
  });
  it("without a bank, averages over attempted questions only", () => {
    const m = computeMastery([{ results: [res("t-single", "pipes", 1, 1), res("t-multiple", "pipes", 1, 3)] }]);
    expect(m.pipes).toBeCloseTo((1 + 1 / 3) / 2);
  });
  it("ignores results for questions not in the bank and clamps to 0..1", () => {
    const m = computeMastery([{ results: [res("ghost", "signals", 5, 1), res("t-tf", "signals", 7, 1)] }], { bank });
    expect(m.signals).toBe(1);
  });
  it("is 0 everywhere with no attempts", () => {
    expect(Object.values(computeMastery([], { bank })).every((v) => v === 0)).toBe(true);
  });
});
