import path from "node:path";
import { describe, expect, it } from "vitest";
import { bankStats, checkQuestionBank } from "./check-question-bank";
import { runCodeSnippet } from "./run-code-snippet";
import { gradeQuestion } from "./grade-question";
import { loadQuestionBank, QuestionBankError, readQuestionFiles } from "./load-question-bank";
import { isGenerated, QUESTION_TYPES, type Question } from "./question-schema";
import { questionsForTopic } from "./questions-for-topic";
import { TOPIC_IDS } from "./topics";

const DIR = path.join(process.cwd(), "content", "questions");
const bank = loadQuestionBank({ dir: DIR, fresh: true });

describe("the real question bank", () => {
  it("loads and validates", () => {
    expect(bank.length).toBeGreaterThanOrEqual(90);
    expect(new Set(bank.map((q) => q.id)).size).toBe(bank.length);
  });
  it("has ≥ 6 questions for every topic", () => {
    for (const t of TOPIC_IDS) expect(questionsForTopic(t, bank).length, t).toBeGreaterThanOrEqual(6);
  });
  it("uses every type at least 5 times and has ≥ 3 parametrized questions", () => {
    const s = bankStats(bank);
    for (const t of QUESTION_TYPES) expect(s.byType[t], t).toBeGreaterThanOrEqual(5);
    expect(s.generated).toBeGreaterThanOrEqual(3);
  });
  it("passes every content:check rule (200 seeds per generator here; the script runs 1,000)", async () => {
    const { failures } = await checkQuestionBank(readQuestionFiles(DIR), { generatorSeeds: 200, runCode: runCodeSnippet });
    expect(failures).toEqual([]);
  });
  it("every fixed answer grades as full marks", () => {
    for (const q of bank) {
      if (isGenerated(q)) continue;
      const perfect =
        q.type === "single" ? { type: "single", optionId: q.answer }
        : q.type === "multiple" ? { type: "multiple", optionIds: q.answers }
        : q.type === "truefalse" ? { type: "truefalse", value: q.answer }
        : q.type === "ordering" ? { type: "ordering", order: q.answer }
        : q.type === "matching" ? { type: "matching", pairs: q.answer }
        : q.type === "numeric" ? { type: "numeric", value: q.answer }
        : { type: "code-output", output: q.answer };
      expect(gradeQuestion(q, perfect, { seed: 1 }).correct, q.id).toBe(true);
    }
  });
  it("single/multiple questions have per-option explanations that differ from each other", () => {
    for (const q of bank) {
      if (isGenerated(q) || (q.type !== "single" && q.type !== "multiple")) continue;
      const ex = q.options.map((o) => o.explanation.en);
      expect(new Set(ex).size, q.id).toBe(ex.length);
    }
  });
  it("questionsForTopic returns only that topic, in bank order", () => {
    const pipes = questionsForTopic("pipes", bank);
    expect(pipes.every((q) => q.topic === "pipes")).toBe(true);
    expect(pipes.map((q) => q.id)).toEqual(bank.filter((q) => q.topic === "pipes").map((q) => q.id));
  });
});

// ---------------------------------------------------------------- the checker itself

const L = (s: string) => ({ ko: s, en: s });
const opt = (id: string) => ({ id, text: L(id), explanation: L(`why ${id}`) });
const good = (id: string, topic: string): Record<string, unknown> => ({
  id, topic, type: "single", difficulty: 1, prompt: L("p"), explanation: L("e"), options: [opt("a"), opt("b")], answer: "a",
});
/** A bank with five valid questions per topic, to which one broken file is added. */
function bankWith(extra: Record<string, unknown>[], topic = "pipes") {
  const files = TOPIC_IDS.map((t) => ({
    file: `/x/${t}.json`,
    data: [1, 2, 3, 4, 5].map((i) => good(`${t}-q${i}`, t)) as unknown[],
  }));
  files.find((f) => f.file === `/x/${topic}.json`)!.data.push(...extra);
  return checkQuestionBank(files, { generatorSeeds: 20 });
}
const rules = (r: Awaited<ReturnType<typeof checkQuestionBank>>) => r.failures.map((f) => `${f.questionId}:${f.rule}`);

describe("checkQuestionBank", () => {
  it("runs code-output questions on the kernel and reports a stored answer the code does not print", async () => {
    const q = {
      id: "co-wrong", topic: "pipes", type: "code-output", difficulty: 1, prompt: L("p"), explanation: L("e"),
      code: 'const [r, w] = await ipc.pipe();\nawait ipc.write(w, "ab");\nconsole.log(await ipc.read(r, 1));', answer: "ab",
    };
    const files = [{ file: "/x/pipes.json", data: [q, good("p1", "pipes"), good("p2", "pipes"), good("p3", "pipes"), good("p4", "pipes")] }];
    const r = await checkQuestionBank(files, { generatorSeeds: 1, minPerTopic: 0, runCode: runCodeSnippet });
    expect(r.failures.map((f) => `${f.questionId}:${f.rule}`)).toEqual(["co-wrong:code-output-agrees"]);
    expect(r.failures[0]?.message).toContain('"a"');
  });
  it("accepts a valid bank", async () => {
    expect((await bankWith([])).failures).toEqual([]);
  });
  it("reports a missing language", async () => {
    const r = await bankWith([{ ...good("bad-lang", "pipes"), prompt: { ko: "p", en: " " } }]);
    expect(rules(r)).toEqual(["bad-lang:schema"]);
    expect(r.failures[0]?.file).toBe("/x/pipes.json");
    expect(r.failures[0]?.message).toMatch(/prompt\.en/);
  });
  it("reports a missing explanation (question and option)", async () => {
    const { explanation: _drop, ...noExpl } = good("no-expl", "pipes");
    expect(rules(await bankWith([noExpl]))).toEqual(["no-expl:schema"]);
    expect(rules(await bankWith([{ ...good("no-opt-expl", "pipes"), options: [{ id: "a", text: L("a") }, opt("b")] }]))).toEqual(["no-opt-expl:schema"]);
  });
  it("reports duplicate ids across files", async () => {
    expect(rules(await bankWith([good("signals-q1", "pipes")]))).toEqual(["signals-q1:bank"]);
  });
  it("reports an answer that is not an option, and a topic/file mismatch", async () => {
    expect(rules(await bankWith([{ ...good("bad-ans", "pipes"), answer: "z" }]))).toEqual(["bad-ans:schema"]);
    expect(rules(await bankWith([good("wrong-file", "signals")]))).toEqual(["wrong-file:bank"]);
  });
  it("reports topics with fewer than 5 questions", async () => {
    const files = [{ file: "/x/pipes.json", data: [good("only", "pipes")] }];
    const r = await checkQuestionBank(files, { generatorSeeds: 1 });
    expect(r.failures.filter((f) => f.rule === "min-per-topic")).toHaveLength(15);
  });
  it("reports unknown generators and generator/type mismatches", async () => {
    const gen = { id: "g1", topic: "pipes", type: "numeric", difficulty: 1, prompt: L("p"), explanation: L("e"), generator: "does-not-exist" };
    expect(rules(await bankWith([gen]))).toEqual(["g1:generator-exists"]);
    expect(rules(await bankWith([{ ...gen, id: "g2", type: "single", generator: "bank-race" }]))).toEqual(["g2:generator-type"]);
    expect((await bankWith([{ ...gen, id: "g3", generator: "bank-race" }])).failures).toEqual([]);
  });
  it("reports ordering ids that sort into the answer", async () => {
    const q = {
      id: "leaky", topic: "pipes", type: "ordering", difficulty: 1, prompt: L("p"), explanation: L("e"),
      items: [{ id: "s1", text: L("x") }, { id: "s2", text: L("y") }, { id: "s3", text: L("z") }], answer: ["s1", "s2", "s3"],
    };
    expect(rules(await bankWith([q]))).toEqual(["leaky:ordering-ids-leak"]);
  });
  it("reports a file that is not an array", async () => {
    const files = TOPIC_IDS.map((t) => ({ file: `/x/${t}.json`, data: [1, 2, 3, 4, 5].map((i) => good(`${t}-q${i}`, t)) as unknown }));
    files[0]!.data = { not: "an array" };
    const r = await checkQuestionBank(files, { generatorSeeds: 1 });
    expect(r.failures.some((f) => f.rule === "bank" && /array/.test(f.message))).toBe(true);
  });
});

describe("loadQuestionBank", () => {
  it("throws QuestionBankError listing problems for an invalid directory", () => {
    expect(() => loadQuestionBank({ dir: path.join(process.cwd(), "lib", "quiz", "testdata", "bad-bank"), fresh: true })).toThrow(QuestionBankError);
  });
  it("caches per directory", () => {
    expect(loadQuestionBank({ dir: DIR })).toBe(loadQuestionBank({ dir: DIR }));
  });
});

export type { Question };
