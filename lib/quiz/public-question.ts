/**
 * The browser-safe view of a question, sent BEFORE submission: no answers,
 * no explanations, no generator name — only the rendered variant. Ordering
 * items and the right side of a matching question are shuffled
 * deterministically by the seed (so a reload shows the same order), and an
 * ordering question is never shown already in its correct order.
 *
 * Without `lang` every text is `{ko, en}`; with `lang` it is a plain string.
 */
import { pointsOf, type LocalizedText, type Question, type QuestionType } from "./question-schema";
import { resolveQuestion } from "./resolve-question";
import { createRng } from "./rng";
import type { Lang, TopicId } from "./topics";

interface PublicBase<T> {
  id: string;
  topic: TopicId;
  difficulty: 1 | 2 | 3;
  points: number;
  prompt: T;
  /** Public parameters of a generated variant. */
  params?: Record<string, unknown>;
}
export interface PublicChoice<T> {
  id: string;
  text: T;
}

export type PublicQuestion<T = LocalizedText> = PublicBase<T> &
  (
    | { type: "single" | "multiple"; options: PublicChoice<T>[] }
    | { type: "truefalse" }
    | { type: "ordering"; items: PublicChoice<T>[] }
    | { type: "matching"; left: PublicChoice<T>[]; right: PublicChoice<T>[] }
    | { type: "numeric"; unit?: T }
    | { type: "code-output"; code: string }
  );

export interface PublicQuestionOptions {
  seed: number;
  lang?: Lang;
}

/** Shuffle stream independent from the generator's use of the same seed. */
const SHUFFLE_SALT = 0x9e3779b9;

export function toPublicQuestion(question: Question, opts: { seed: number }): PublicQuestion<LocalizedText>;
export function toPublicQuestion(question: Question, opts: { seed: number; lang: Lang }): PublicQuestion<string>;
export function toPublicQuestion(
  question: Question,
  opts: PublicQuestionOptions,
): PublicQuestion<LocalizedText> | PublicQuestion<string>;
export function toPublicQuestion(
  question: Question,
  { seed, lang }: PublicQuestionOptions,
): PublicQuestion<LocalizedText> | PublicQuestion<string> {
  const q = resolveQuestion(question, seed);
  const rng = createRng((seed ^ SHUFFLE_SALT) >>> 0);
  // Text mapper; copies so that the result shares no objects with the bank.
  const t = (x: LocalizedText): LocalizedText | string => (lang ? x[lang] : { ko: x.ko, en: x.en });
  const choice = (c: { id: string; text: LocalizedText }) => ({ id: c.id, text: t(c.text) });
  const base = {
    id: q.id,
    topic: q.topic,
    difficulty: q.difficulty,
    points: pointsOf(q),
    prompt: t(q.prompt),
    ...(q.params !== undefined ? { params: structuredClone(q.params) } : {}),
  };
  let specific: Record<string, unknown> & { type: QuestionType };
  switch (q.type) {
    case "single":
    case "multiple":
      specific = { type: q.type, options: q.options.map(choice) };
      break;
    case "truefalse":
      specific = { type: "truefalse" };
      break;
    case "ordering": {
      let items = rng.shuffle(q.items);
      if (items.every((it, i) => it.id === q.answer[i])) items = [...items.slice(1), ...items.slice(0, 1)];
      specific = { type: "ordering", items: items.map(choice) };
      break;
    }
    case "matching":
      specific = { type: "matching", left: q.left.map(choice), right: rng.shuffle(q.right).map(choice) };
      break;
    case "numeric":
      specific = { type: "numeric", ...(q.unit ? { unit: t(q.unit) } : {}) };
      break;
    case "code-output":
      specific = { type: "code-output", code: q.code };
      break;
  }
  return { ...base, ...specific } as PublicQuestion<LocalizedText> | PublicQuestion<string>;
}
