/**
 * The question-bank rules behind `scripts/content-check.ts`, as a pure
 * function over already-read files so that it can be unit-tested.
 */
import { isDeepStrictEqual } from "node:util";
import { gradeResolvedQuestion } from "./grade-question";
import { getGenerator } from "./generators";
import { GeneratedVariantSchema } from "./generators/types";
import { parseQuestionFiles, type RawQuestionFile } from "./load-question-bank";
import { isGenerated, QUESTION_TYPES, type Question } from "./question-schema";
import { normalizeOutput } from "./normalize-output";
import { resolveQuestion, type ResolvedQuestion } from "./resolve-question";
import { seedFor } from "./seed-for";
import { TOPIC_IDS } from "./topics";

export interface ContentFailure {
  file: string;
  questionId: string;
  rule: string;
  message: string;
}

export interface BankCheckResult {
  questions: Question[];
  failures: ContentFailure[];
}

export interface BankCheckOptions {
  minPerTopic?: number;
  generatorSeeds?: number;
  /**
   * Runs a code-output question's code and returns what it printed (the
   * simulated kernel, `runCodeSnippet`); omitted = the check is skipped.
   */
  runCode?: (code: string) => Promise<{ output: string; failure: string | null }>;
}

/** A response that must score full marks on `q`. */
function perfectResponse(q: ResolvedQuestion): unknown {
  switch (q.type) {
    case "single":
      return { type: "single", optionId: q.answer };
    case "numeric":
      return { type: "numeric", value: q.answer };
    case "code-output":
      return { type: "code-output", output: q.answer };
    default:
      throw new Error(`not a generatable type: ${q.type}`);
  }
}

/** A response that must NOT score full marks on `q`. */
function perturbedResponse(q: ResolvedQuestion): unknown {
  switch (q.type) {
    case "single": {
      const other = q.options.find((o) => o.id !== q.answer);
      return { type: "single", optionId: other?.id ?? q.answer };
    }
    case "numeric":
      return { type: "numeric", value: q.answer + (q.tolerance ?? 0) + 1 };
    case "code-output":
      return { type: "code-output", output: `${q.answer}\n#` };
    default:
      throw new Error(`not a generatable type: ${q.type}`);
  }
}

export async function checkQuestionBank(files: readonly RawQuestionFile[], opts: BankCheckOptions = {}): Promise<BankCheckResult> {
  const minPerTopic = opts.minPerTopic ?? 5;
  const nSeeds = opts.generatorSeeds ?? 1000;
  const failures: ContentFailure[] = [];
  const fail = (file: string, questionId: string, rule: string, message: string) =>
    failures.push({ file, questionId, rule, message });

  const { questions, problems } = parseQuestionFiles(files);
  for (const p of problems) {
    // "<file>: <id>: <message>"
    const m = /^(.*?\.json): ([^:]+): (.*)$/s.exec(p);
    if (m) {
      const msg = m[3] as string;
      const isSchema = msg.startsWith("schema: ");
      fail(m[1] as string, m[2] as string, isSchema ? "schema" : "bank", isSchema ? msg.slice("schema: ".length) : msg);
    }
    else fail(p.split(":")[0] ?? "?", "-", "bank", p);
  }
  const fileOf = new Map<string, string>();
  for (const { file, data } of files) {
    if (Array.isArray(data)) for (const q of data) if (q && typeof q === "object" && "id" in q) fileOf.set(String(q.id), file);
  }

  // Per-topic counts.
  for (const t of TOPIC_IDS) {
    const n = questions.filter((q) => q.topic === t).length;
    if (n < minPerTopic) fail(`content/questions/${t}.json`, "-", "min-per-topic", `topic "${t}" has ${n} questions, needs ≥ ${minPerTopic}`);
  }

  for (const q of questions) {
    const file = fileOf.get(q.id) ?? "?";
    if (q.type === "ordering" && !isGenerated(q) && q.answer.length >= 3) {
      const sorted = [...q.answer].sort();
      if (sorted.every((id, i) => id === q.answer[i])) {
        fail(file, q.id, "ordering-ids-leak", "item ids sort into the answer order; use ids that do not give the order away");
      }
    }
    if (!isGenerated(q)) {
      // Fixed answers must grade as full marks (guards against a broken grader or answer).
      if (q.type === "single" || q.type === "numeric" || q.type === "code-output") {
        const r = gradeResolvedQuestion(q, perfectResponse(q));
        if (!r.correct) fail(file, q.id, "answer-grades", "the stored answer does not grade as correct");
      }
      if (q.type === "code-output" && opts.runCode) {
        // The stored answer must be what the code really prints on the kernel.
        const run = await opts.runCode(q.code);
        if (run.failure) fail(file, q.id, "code-runs", `the code fails on the kernel: ${run.failure}`);
        else if (!gradeResolvedQuestion(q, { type: "code-output", output: run.output }).correct) {
          fail(file, q.id, "code-output-agrees", `the kernel prints ${JSON.stringify(normalizeOutput(run.output))}, the answer is ${JSON.stringify(q.answer)}`);
        }
      }
      continue;
    }
    const gen = getGenerator(q.generator);
    if (!gen) {
      fail(file, q.id, "generator-exists", `unknown generator "${q.generator}"`);
      continue;
    }
    if (gen.type !== q.type) {
      fail(file, q.id, "generator-type", `question type "${q.type}" but generator "${gen.id}" makes "${gen.type}"`);
      continue;
    }
    let reported = 0;
    const report = (rule: string, message: string) => {
      if (reported++ < 3) fail(file, q.id, rule, message);
    };
    for (let i = 0; i < nSeeds; i++) {
      const seed = seedFor("content-check", q.id, i);
      try {
        await gen.prepare?.(seed);
        const v1 = gen.generate(seed);
        const shape = GeneratedVariantSchema.safeParse(v1);
        if (!shape.success) {
          report("generator-shape", `seed ${seed}: ${shape.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; ")}`);
          continue;
        }
        if (!isDeepStrictEqual(v1, gen.generate(seed))) report("generator-deterministic", `seed ${seed}: two runs differ`);
        const resolved = resolveQuestion(q, seed);
        if (!gradeResolvedQuestion(resolved, perfectResponse(resolved)).correct) {
          report("generator-agrees", `seed ${seed}: the generated answer does not grade as correct`);
        }
        if (gradeResolvedQuestion(resolved, perturbedResponse(resolved)).correct) {
          report("generator-agrees", `seed ${seed}: a perturbed answer still grades as correct`);
        }
        if (gen.reference && !isDeepStrictEqual(v1.answer, gen.reference.generate(seed).answer)) {
          report("reference-agrees", `seed ${seed}: answer ${JSON.stringify(v1.answer)} differs from the reference implementation's`);
        }
      } catch (e) {
        report("generator-throws", `seed ${seed}: ${(e as Error).message}`);
      }
    }
  }
  return { questions, failures };
}

/** Counts for the summary / report. */
export function bankStats(questions: readonly Question[]) {
  const byTopic = Object.fromEntries(TOPIC_IDS.map((t) => [t, questions.filter((q) => q.topic === t).length]));
  const byType = Object.fromEntries(QUESTION_TYPES.map((t) => [t, questions.filter((q) => q.type === t).length]));
  const generated = questions.filter(isGenerated).length;
  return { total: questions.length, byTopic, byType, generated };
}
