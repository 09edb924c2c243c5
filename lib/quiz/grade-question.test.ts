import { beforeAll, describe, expect, it } from "vitest";
import { gradeQuestion, InvalidResponseError } from "./grade-question";
import { prepareQuestions } from "./prepare-questions";
import { bankRacePrograms, bankRaceScenario, runRace } from "./generators/bank-race";
import { codeOutput, generatedLost, generatedRace, matching, multiple, numeric, numericTol, ordering, single, truefalse } from "./test-fixtures";

const g = (q: Parameters<typeof gradeQuestion>[0], r: unknown, seed = 1) => gradeQuestion(q, r, { seed });

describe("gradeQuestion: single", () => {
  it("gives full marks only for the right option", () => {
    expect(g(single, { type: "single", optionId: "b" })).toMatchObject({ score: 1, maxScore: 1, correct: true, answered: true });
    expect(g(single, { type: "single", optionId: "a" })).toMatchObject({ score: 0, correct: false });
  });
  it("reports per-option feedback with chosen/correct flags and explanations", () => {
    const r = g(single, { type: "single", optionId: "a" });
    expect(r.feedback.perOption).toEqual([
      expect.objectContaining({ id: "a", chosen: true, correct: false, explanation: { ko: "because a (ko)", en: "because a" } }),
      expect.objectContaining({ id: "b", chosen: false, correct: true }),
      expect.objectContaining({ id: "c", chosen: false, correct: false }),
    ]);
    expect(r.feedback.correctAnswer).toBe("b");
    expect(r.feedback.explanation.en).toBe("single explained");
  });
});

describe("gradeQuestion: multiple (partial credit)", () => {
  const m = (ids: string[]) => g(multiple, { type: "multiple", optionIds: ids });
  it("full marks for exactly the right set", () => {
    expect(m(["c", "a", "b"])).toMatchObject({ score: 3, maxScore: 3, correct: true });
  });
  it("(correct chosen − wrong chosen) / #correct × points", () => {
    expect(m(["a", "b"]).score).toBe(2); // 2/3 × 3
    expect(m(["a", "b", "d"]).score).toBe(1); // (2−1)/3 × 3
    expect(m(["a"]).score).toBe(1);
    expect(m(["a", "b", "c", "d"])).toMatchObject({ score: 2, correct: false });
  });
  it("never goes below zero", () => {
    expect(m(["a", "d", "e"]).score).toBe(0);
    expect(m([]).score).toBe(0);
  });
});

describe("gradeQuestion: truefalse", () => {
  it("compares the boolean", () => {
    expect(g(truefalse, { type: "truefalse", value: false }).correct).toBe(true);
    expect(g(truefalse, { type: "truefalse", value: true }).score).toBe(0);
  });
});

describe("gradeQuestion: ordering (LCS / n)", () => {
  const o = (order: string[]) => g(ordering, { type: "ordering", order });
  it("full marks for the exact order", () => {
    expect(o(["sock", "bind", "listen", "accept"])).toMatchObject({ score: 4, correct: true });
  });
  it("one item moved costs 1/n", () => {
    expect(o(["bind", "listen", "accept", "sock"]).score).toBe(3);
    expect(o(["sock", "listen", "bind", "accept"]).score).toBe(3);
  });
  it("reversed order keeps only 1/n", () => {
    expect(o(["accept", "listen", "bind", "sock"]).score).toBe(1);
  });
});

describe("gradeQuestion: matching", () => {
  it("fraction of correct pairs; omitted pairs count as wrong", () => {
    expect(g(matching, { type: "matching", pairs: { l1: "r1", l2: "r2", l3: "r3" } })).toMatchObject({ score: 3, correct: true });
    expect(g(matching, { type: "matching", pairs: { l1: "r1", l2: "r3", l3: "r2" } }).score).toBe(1);
    expect(g(matching, { type: "matching", pairs: { l1: "r1", l2: "r2" } }).score).toBe(2);
    expect(g(matching, { type: "matching", pairs: { l1: "rx", l2: "rx", l3: "rx" } }).score).toBe(0);
  });
  it("reports each pair", () => {
    const r = g(matching, { type: "matching", pairs: { l1: "r2" } });
    expect(r.feedback.perPair).toEqual([
      { leftId: "l1", chosen: "r2", correct: "r1" },
      { leftId: "l2", chosen: null, correct: "r2" },
      { leftId: "l3", chosen: null, correct: "r3" },
    ]);
  });
});

describe("gradeQuestion: numeric", () => {
  it("exact by default", () => {
    expect(g(numeric, { type: "numeric", value: 8192 }).correct).toBe(true);
    expect(g(numeric, { type: "numeric", value: 8191 }).correct).toBe(false);
    expect(g(numeric, { type: "numeric", value: 8192 }).feedback.unit).toEqual({ ko: "bytes (ko)", en: "bytes" });
  });
  it("within tolerance, inclusive", () => {
    expect(g(numericTol, { type: "numeric", value: 3.6 }).correct).toBe(true);
    expect(g(numericTol, { type: "numeric", value: 3.4 }).correct).toBe(true);
    expect(g(numericTol, { type: "numeric", value: 3.61 }).correct).toBe(false);
  });
});

describe("gradeQuestion: code-output", () => {
  const c = (output: string) => g(codeOutput, { type: "code-output", output }).correct;
  it("ignores trailing whitespace per line, trailing newlines and CRLF", () => {
    expect(c("  a\nb")).toBe(true);
    expect(c("  a   \r\nb\t\r\n\r\n")).toBe(true);
  });
  it("keeps leading whitespace and inner content significant", () => {
    expect(c("a\nb")).toBe(false);
    expect(c("  a\n\nb")).toBe(false);
    expect(c("  a\nb\nc")).toBe(false);
  });
  it("accepts listed alternatives", () => {
    expect(c("  a\nB")).toBe(true);
  });
});

describe("gradeQuestion: unanswered and malformed responses", () => {
  it("null/undefined means unanswered: 0 points, answered=false, feedback still given", () => {
    for (const r of [null, undefined]) {
      const res = g(single, r);
      expect(res).toMatchObject({ score: 0, answered: false, correct: false });
      expect(res.feedback.correctAnswer).toBe("b");
    }
  });
  const bad: [string, Parameters<typeof gradeQuestion>[0], unknown][] = [
    ["a string", single, "b"],
    ["a type tag of another type", single, { type: "multiple", optionIds: ["b"] }],
    ["an unknown option", single, { type: "single", optionId: "zzz" }],
    ["extra keys", single, { type: "single", optionId: "b", answer: "b" }],
    ["duplicate options", multiple, { type: "multiple", optionIds: ["a", "a"] }],
    ["an ordering that is not a permutation", ordering, { type: "ordering", order: ["sock", "bind", "listen"] }],
    ["an ordering with a repeat", ordering, { type: "ordering", order: ["sock", "sock", "listen", "accept"] }],
    ["a matching with an unknown left id", matching, { type: "matching", pairs: { l9: "r1" } }],
    ["a matching with an unknown right id", matching, { type: "matching", pairs: { l1: "r9" } }],
    ["a numeric string", numeric, { type: "numeric", value: "8192" }],
    ["NaN", numeric, { type: "numeric", value: Number.NaN }],
    ["Infinity", numeric, { type: "numeric", value: Number.POSITIVE_INFINITY }],
    ["a non-boolean truefalse", truefalse, { type: "truefalse", value: "false" }],
    ["a code-output without output", codeOutput, { type: "code-output" }],
  ];
  it.each(bad)("rejects %s with InvalidResponseError", (_label, q, r) => {
    expect(() => g(q, r)).toThrow(InvalidResponseError);
    try {
      g(q, r);
    } catch (e) {
      expect((e as InvalidResponseError).questionId).toBe(q.id);
      expect((e as InvalidResponseError).issues.length).toBeGreaterThan(0);
    }
  });
});

describe("gradeQuestion: generated questions", () => {
  beforeAll(async () => {
    for (const seed of [1, 7, 42, 99_999, 0xffffffff]) await prepareQuestions([generatedRace, generatedLost], seed);
  });
  it("grades bank-race against the interpreter's result for the same seed", () => {
    for (const seed of [1, 42, 99_999, 0xffffffff]) {
      const s = bankRaceScenario(seed);
      const final = runRace(s.initial, bankRacePrograms(s), s.schedule).final;
      expect(g(generatedRace, { type: "numeric", value: final }, seed).correct).toBe(true);
      expect(g(generatedRace, { type: "numeric", value: final + 10 }, seed).correct).toBe(false);
      // the variant-specific worked solution is appended to the question's explanation
      const fb = g(generatedRace, null, seed).feedback;
      expect(fb.explanation.en.startsWith("race explained\n\n|")).toBe(true);
      expect(fb.correctAnswer).toBe(final);
    }
  });
  it("grades the generated single-choice variant", () => {
    const r = g(generatedLost, null, 7);
    const right = r.feedback.correctAnswer as string;
    expect(g(generatedLost, { type: "single", optionId: right }, 7).correct).toBe(true);
    const wrong = r.feedback.perOption!.find((o) => !o.correct)!.id;
    expect(g(generatedLost, { type: "single", optionId: wrong }, 7).correct).toBe(false);
  });
});
