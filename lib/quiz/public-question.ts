/**
 * The browser-safe view of a question, sent BEFORE submission: no answers,
 * no explanations, no generator name — only the rendered variant. Choices
 * (options, ordering items, both matching columns) are shown in the order
 * `displayOrder` derives from the seed (so a reload shows the same order).
 *
 * Without `lang` every text is `{ko, en}`; with `lang` it is a plain string.
 */
import { pointsOf, type LocalizedText, type Question, type QuestionType } from "./question-schema";
import { displayOrder } from "./display-order";
import { resolveQuestion } from "./resolve-question";
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
  const order = displayOrder(q, seed);
  // Text mapper; copies so that the result shares no objects with the bank.
  const t = (x: LocalizedText): LocalizedText | string => (lang ? x[lang] : { ko: x.ko, en: x.en });
  const choice = (c: { id: string; text: LocalizedText }) => ({ id: c.id, text: t(c.text) });
  /** The choices in display order (ids from `displayOrder`, which are exactly the question's). */
  const inOrder = <C extends { id: string; text: LocalizedText }>(all: readonly C[], ids: readonly string[]) =>
    ids.map((id) => choice(all.find((c) => c.id === id) as C));
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
      specific = { type: q.type, options: inOrder(q.options, order.type === q.type ? order.options : []) };
      break;
    case "truefalse":
      specific = { type: "truefalse" };
      break;
    case "ordering":
      specific = { type: "ordering", items: inOrder(q.items, order.type === "ordering" ? order.items : []) };
      break;
    case "matching":
      specific = {
        type: "matching",
        left: inOrder(q.left, order.type === "matching" ? order.left : []),
        right: inOrder(q.right, order.type === "matching" ? order.right : []),
      };
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
