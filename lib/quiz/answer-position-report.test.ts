import { describe, expect, it } from "vitest";
import { answerPositionReport } from "./answer-position-report";
import { loadQuestionBank } from "./load-question-bank";
import type { MultipleQuestion, Question, SingleQuestion } from "./question-schema";

const L = (s: string) => ({ ko: `${s} (ko)`, en: s });
const opt = (id: string) => ({ id, text: L(id), explanation: L(`why ${id}`) });
const single = (id: string, answer: string, extra: object = {}): Question =>
  ({ id, topic: "pipes", type: "single", difficulty: 1, prompt: L(id), explanation: L(id), options: ["a", "b", "c", "d"].map(opt), answer, ...extra }) as Question;
const multiple = (id: string, answers: string[]): Question =>
  ({ id, topic: "pipes", type: "multiple", difficulty: 1, prompt: L(id), explanation: L(id), options: ["a", "b", "c", "d", "e"].map(opt), answers }) as Question;

describe("answerPositionReport", () => {
  it("names the questions whose answer sits where most answers sit", () => {
    const r = answerPositionReport([single("s1", "a"), single("s2", "a"), single("s3", "a", { fixedOrder: true }), single("s4", "a"), single("s5", "c")]);
    expect(r.single.byPosition).toEqual([4, 0, 1]);
    expect(r.single.biased).toMatchObject({ position: 0, questionIds: ["s1", "s2", "s3", "s4"], chance: 0.25 });
    // The fixedOrder one is shown in bank order: the shuffle does not hide it.
    expect(r.unshuffled).toEqual(["s3"]);
  });

  it("reports multiple-choice questions whose answers are exactly the first options", () => {
    const r = answerPositionReport([multiple("m1", ["a", "b"]), multiple("m2", ["b", "a", "c"]), multiple("m3", ["a"]), multiple("m4", ["c", "e"])]);
    expect(r.multiple.leading).toEqual(["m1", "m2", "m3"]);
    expect(r.multiple.biased).not.toBeNull();
  });

  it("stays quiet about a balanced bank", () => {
    const r = answerPositionReport([single("s1", "a"), single("s2", "b"), single("s3", "c"), single("s4", "d"), single("s5", "a"), multiple("m1", ["b", "d"])]);
    expect(r.single.biased).toBeNull();
    expect(r.multiple.biased).toBeNull();
    expect(r.unshuffled).toEqual([]);
  });

  it("over the real bank, reports exactly the fixed choice questions at the biased position", () => {
    const bank = loadQuestionBank();
    const r = answerPositionReport(bank);
    const fixedSingles = bank.filter((q) => q.type === "single" && !("generator" in q));
    expect(r.single.total).toBe(fixedSingles.length);
    expect(r.single.byPosition.reduce((a, b) => a + b, 0)).toBe(fixedSingles.length);
    for (const id of r.single.biased?.questionIds ?? []) {
      const q = bank.find((x) => x.id === id) as SingleQuestion;
      expect(q.options.findIndex((o) => o.id === q.answer)).toBe(r.single.biased?.position);
    }
    for (const id of r.multiple.leading) {
      const q = bank.find((x) => x.id === id) as MultipleQuestion;
      expect(q.answers.every((a) => q.options.slice(0, q.answers.length).some((o) => o.id === a))).toBe(true);
    }
  });
});
