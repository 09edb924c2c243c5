/**
 * Turns any question into the concrete variant a student answers. Fixed
 * questions are returned as they are; a generated question is expanded by
 * its generator for the seed into the shape of a fixed question of the same
 * type (with `params`). Grading and redaction both work on this shape.
 */
import { getGenerator } from "./generators";
import { isGenerated, type FixedQuestion, type LocalizedText, type Question } from "./question-schema";

export type ResolvedQuestion = FixedQuestion & {
  /** Public parameters of a generated variant; absent for fixed questions. */
  params?: Record<string, unknown>;
};

function join(a: LocalizedText, b: LocalizedText): LocalizedText {
  return { ko: `${a.ko}\n\n${b.ko}`, en: `${a.en}\n\n${b.en}` };
}

export function resolveQuestion(question: Question, seed: number): ResolvedQuestion {
  if (!isGenerated(question)) return question;
  const gen = getGenerator(question.generator);
  if (!gen) throw new Error(`question "${question.id}": unknown generator "${question.generator}"`);
  if (gen.type !== question.type) {
    throw new Error(`question "${question.id}" is "${question.type}" but generator "${gen.id}" makes "${gen.type}"`);
  }
  const v = gen.generate(seed >>> 0);
  const common = {
    id: question.id,
    topic: question.topic,
    difficulty: question.difficulty,
    ...(question.points !== undefined ? { points: question.points } : {}),
    prompt: join(question.prompt, v.prompt),
    explanation: join(question.explanation, v.explanation),
    params: v.params,
  };
  switch (v.type) {
    case "numeric":
      return {
        ...common,
        type: "numeric",
        answer: v.answer,
        ...(v.tolerance !== undefined ? { tolerance: v.tolerance } : {}),
        ...(v.unit !== undefined ? { unit: v.unit } : {}),
      };
    case "code-output":
      return {
        ...common,
        type: "code-output",
        code: v.code,
        answer: v.answer,
        ...(v.acceptAlternatives !== undefined ? { acceptAlternatives: v.acceptAlternatives } : {}),
      };
    case "single":
      return { ...common, type: "single", options: v.options, answer: v.answer };
  }
}
