import { describe, expect, it } from "vitest";
import { attemptSeed } from "./attempt-seed";
import { displayOrder } from "./display-order";
import { gradeQuestion } from "./grade-question";
import { loadQuestionBank } from "./load-question-bank";
import { toPublicQuestion } from "./public-question";
import type { MultipleQuestion, OrderingQuestion, Question, SingleQuestion } from "./question-schema";
import { resolveQuestion } from "./resolve-question";
import * as fx from "./test-fixtures";

const single = fx.single as SingleQuestion;
const multiple = fx.multiple as MultipleQuestion;
const ordering = fx.ordering as OrderingQuestion;
const matching = fx.matching;

const L = (s: string) => ({ ko: `${s} (ko)`, en: s });
const opt = (id: string, pinLast = false) => ({ id, text: L(id), explanation: L(`why ${id}`), ...(pinLast ? { pinLast: true as const } : {}) });
const withAllOfTheAbove: Question = {
  id: "t-all", topic: "pipes", type: "multiple", difficulty: 1, prompt: L("which?"), explanation: L("all"),
  options: [opt("a"), opt("b"), opt("c"), opt("all", true)], answers: ["all"],
};
const scale: Question = { ...single, id: "t-scale", fixedOrder: true } as Question;
const seeds = Array.from({ length: 200 }, (_, i) => attemptSeed({ scheme: 2, userId: `u${i}`, questionId: "q", attemptNo: 1, assignmentId: null }));
const ids = (q: Question, seed: number) => {
  const o = displayOrder(resolveQuestion(q, seed), seed);
  return "options" in o ? o.options : "items" in o ? o.items : "right" in o ? [...o.left, "|", ...o.right] : [];
};

describe("displayOrder", () => {
  it("is a deterministic permutation of the question's choices", () => {
    for (const q of [single, multiple, ordering, matching]) {
      for (const seed of seeds.slice(0, 20)) {
        expect(ids(q, seed)).toEqual(ids(q, seed));
        const want = q === single || q === multiple ? q.options.map((o) => o.id) : q === ordering ? q.items.map((i) => i.id) : [];
        if (want.length) expect([...ids(q, seed)].sort()).toEqual([...want].sort());
      }
    }
  });

  it("shuffles single, multiple, ordering and both matching columns (many orders over many seeds)", () => {
    for (const q of [single, multiple, ordering, matching]) expect(new Set(seeds.map((s) => ids(q, s).join())).size).toBeGreaterThan(4);
    const lefts = new Set(seeds.map((s) => ids(matching, s).slice(0, 3).join()));
    expect(lefts.size).toBeGreaterThan(2);
  });

  it("never shows an ordering question solved", () => {
    for (const seed of seeds) expect(ids(ordering, seed)).not.toEqual(ordering.answer);
  });

  it("keeps pinLast options last and fixedOrder questions in bank order", () => {
    for (const seed of seeds) expect(ids(withAllOfTheAbove, seed).at(-1)).toBe("all");
    expect(new Set(seeds.map((s) => ids(withAllOfTheAbove, s).join())).size).toBeGreaterThan(3);
    for (const seed of seeds.slice(0, 20)) expect(ids(scale, seed)).toEqual(["a", "b", "c"]);
  });

  it("the public question shows that order, without pin markers", () => {
    const pub = toPublicQuestion(withAllOfTheAbove, { seed: seeds[0] as number });
    expect(pub.type === "multiple" && pub.options.map((o) => o.id)).toEqual(ids(withAllOfTheAbove, seeds[0] as number));
    expect(JSON.stringify(pub)).not.toContain("pinLast");
  });

  it("over the bank, the first option shown is right about as often as chance (it was 97 %)", () => {
    const bank = loadQuestionBank().filter((q): q is SingleQuestion | MultipleQuestion => (q.type === "single" || q.type === "multiple") && !("generator" in q));
    let firstRight = 0;
    let total = 0;
    let chance = 0;
    for (const q of bank) {
      for (const seed of seeds.slice(0, 50)) {
        const first = ids(q, seed)[0];
        const right = q.type === "single" ? [q.answer] : q.answers;
        firstRight += right.includes(first as string) ? 1 : 0;
        chance += right.length / q.options.length;
        total += 1;
      }
    }
    expect(firstRight / total).toBeLessThan((chance / total) * 1.3);
  });

  it("grading follows option identity, whatever position it was shown at", () => {
    for (const seed of seeds.slice(0, 30)) {
      const shown = ids(single, seed);
      const right = single.answer;
      expect(gradeQuestion(single, { type: "single", optionId: right }, { seed }).correct).toBe(true);
      // The option shown where the right one sits in the bank is right only if it is the same option.
      const atBankPosition = shown[single.options.findIndex((o) => o.id === right)] as string;
      expect(gradeQuestion(single, { type: "single", optionId: atBankPosition }, { seed }).correct).toBe(atBankPosition === right);
      expect(gradeQuestion(multiple, { type: "multiple", optionIds: [...multiple.answers].reverse() }, { seed }).score).toBe(3);
    }
  });
});
