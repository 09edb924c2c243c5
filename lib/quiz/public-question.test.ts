import { beforeAll, describe, expect, it } from "vitest";
import { loadQuestionBank } from "./load-question-bank";
import { toPublicQuestion } from "./public-question";
import type { Question } from "./question-schema";
import { resolveQuestion } from "./resolve-question";
import { prepareQuestions } from "./prepare-questions";
import { seedFor } from "./seed-for";
import { ALL_FIXTURES, matching, ordering, single } from "./test-fixtures";

const bank = loadQuestionBank();

// Generated bank-race variants are computed on the kernel ahead of time.
beforeAll(async () => {
  const all = [...bank, ...ALL_FIXTURES];
  for (const seed of [1, 123]) await prepareQuestions(all, seed);
  await prepareQuestions(all, (id) => seedFor("alice", id, 1));
  await prepareQuestions(all, (id) => seedFor("bob", id, 3));
});
const FORBIDDEN_KEYS = ["answer", "answers", "explanation", "generator", "acceptAlternatives", "tolerance", "trueExplanation", "falseExplanation"];

/** Every explanation text of the resolved variant (question, options, generated worked solution). */
function explanationTexts(q: Question, seed: number): string[] {
  const r = resolveQuestion(q, seed);
  const out = [r.explanation.ko, r.explanation.en];
  if (!("generator" in q)) out.push(q.explanation.ko, q.explanation.en);
  if (r.type === "single" || r.type === "multiple") for (const o of r.options) out.push(o.explanation.ko, o.explanation.en);
  return out;
}

function keysDeep(v: unknown, acc: Set<string> = new Set()): Set<string> {
  if (Array.isArray(v)) v.forEach((x) => keysDeep(x, acc));
  else if (v && typeof v === "object") {
    for (const [k, x] of Object.entries(v)) {
      acc.add(k);
      keysDeep(x, acc);
    }
  }
  return acc;
}

describe("toPublicQuestion redaction (whole bank)", () => {
  it("has questions to check", () => expect(bank.length).toBeGreaterThanOrEqual(90));

  for (const q of [...bank, ...ALL_FIXTURES]) {
    it(`${q.id}: no answers, explanations or generator internals`, () => {
      for (const seed of [1, seedFor("alice", q.id, 1), seedFor("bob", q.id, 3)]) {
        for (const pub of [toPublicQuestion(q, { seed }), toPublicQuestion(q, { seed, lang: "ko" }), toPublicQuestion(q, { seed, lang: "en" })]) {
          const json = JSON.stringify(pub);
          const keys = keysDeep(pub);
          for (const k of FORBIDDEN_KEYS) expect(keys.has(k), `key "${k}" leaked`).toBe(false);
          for (const text of explanationTexts(q, seed)) expect(json.includes(JSON.stringify(text).slice(1, -1)), `explanation leaked: ${text.slice(0, 40)}`).toBe(false);
          if ("generator" in q) expect(json).not.toContain(JSON.stringify(q.generator));
          const r = resolveQuestion(q, seed);
          if (r.type === "code-output") {
            // the expected output must not be shipped unless it literally appears in the code
            if (!r.code.includes(r.answer)) expect(json).not.toContain(JSON.stringify(r.answer).slice(1, -1));
          }
          if (r.type === "matching") {
            // the right column must not be presented aligned with the left one with ids that reveal pairs
            expect(pub).toHaveProperty("right");
          }
        }
      }
    });
  }
});

describe("toPublicQuestion content", () => {
  it("keeps texts in both languages without lang, plain strings with lang", () => {
    const both = toPublicQuestion(single, { seed: 5 });
    expect(both.prompt).toEqual({ ko: "single? (ko)", en: "single?" });
    const ko = toPublicQuestion(single, { seed: 5, lang: "ko" });
    expect(ko.prompt).toBe("single? (ko)");
    // Options are shuffled (display-order.ts); the texts are the Korean ones.
    expect(ko.type === "single" && [...ko.options.map((o) => o.text)].sort()).toEqual(["option a (ko)", "option b (ko)", "option c (ko)"]);
  });

  it("shuffles ordering items deterministically and never in the answer order", () => {
    const orders = new Set<string>();
    for (let seed = 0; seed < 200; seed++) {
      const p = toPublicQuestion(ordering, { seed });
      if (p.type !== "ordering") throw new Error("type");
      const ids = p.items.map((i) => i.id);
      expect(ids).not.toEqual(["sock", "bind", "listen", "accept"]);
      expect([...ids].sort()).toEqual(["accept", "bind", "listen", "sock"]);
      const again = toPublicQuestion(ordering, { seed });
      expect(again.type === "ordering" && again.items.map((i) => i.id)).toEqual(ids);
      orders.add(ids.join(","));
    }
    expect(orders.size).toBeGreaterThan(10);
  });

  it("shuffles both sides of matching questions", () => {
    const rights = new Set<string>();
    const lefts = new Set<string>();
    for (let seed = 0; seed < 50; seed++) {
      const p = toPublicQuestion(matching, { seed });
      if (p.type !== "matching") throw new Error("type");
      expect(p.left.map((l) => l.id).sort()).toEqual(["l1", "l2", "l3"]);
      expect(p.right.map((r) => r.id).sort()).toEqual(["r1", "r2", "r3", "rx"]);
      rights.add(p.right.map((r) => r.id).join(","));
      lefts.add(p.left.map((l) => l.id).join(","));
    }
    expect(rights.size).toBeGreaterThan(5);
    expect(lefts.size).toBeGreaterThan(2);
  });

  it("renders generated questions with params and the generated prompt", () => {
    const q = bank.find((x) => x.id === "race-bank-final-balance");
    expect(q).toBeDefined();
    const p = toPublicQuestion(q!, { seed: 123, lang: "en" });
    expect(p.params).toMatchObject({ initial: expect.any(Number), schedule: expect.any(Array) });
    expect(p.prompt).toContain("P1:");
    expect(p.prompt.startsWith(q!.prompt.en)).toBe(true);
  });

  it("does not share objects with the bank (mutating the result cannot corrupt the bank)", () => {
    const p = toPublicQuestion(single, { seed: 1 });
    (p.prompt as { en: string }).en = "changed";
    expect(single.prompt.en).toBe("single?");
  });
});
