/**
 * Grades one response. Pure: no I/O, no clock, no randomness except the seed.
 *
 * Scoring (score is in 0..points, rounded to 6 decimals):
 *  - single, truefalse, numeric, code-output: all or nothing.
 *    numeric: |value − answer| ≤ tolerance (default 0; a 1e-9 slack absorbs
 *    float noise). code-output: equal after `normalizeOutput`, against the
 *    answer or any of `acceptAlternatives`.
 *  - multiple: max(0, (correct chosen − wrong chosen) / #correct) × points.
 *  - ordering: LCS(response, answer) / n × points — the longest run of items
 *    already in the correct relative order. Full marks only for the exact
 *    order; moving one item elsewhere costs 1/n.
 *  - matching: (#left ids mapped to their correct right id) / #left × points;
 *    an omitted left id counts as wrong.
 *
 * `response` null/undefined means "unanswered" (score 0, answered false);
 * any other malformed response throws `InvalidResponseError`.
 */
import { pointsOf, type LocalizedText, type Question, type QuestionType } from "./question-schema";
import { normalizeOutput } from "./normalize-output";
import { resolveQuestion, type ResolvedQuestion } from "./resolve-question";
import { InvalidResponseError, parseResponse, type QuestionResponse } from "./response-schema";
import type { TopicId } from "./topics";

export interface PerOptionFeedback {
  id: string;
  text: LocalizedText;
  chosen: boolean;
  /** Whether this option is part of the correct answer. */
  correct: boolean;
  explanation: LocalizedText;
}

export interface PerPairFeedback {
  leftId: string;
  chosen: string | null;
  correct: string;
}

export type CorrectAnswer = string | string[] | boolean | number | Record<string, string>;

export interface QuestionFeedback {
  explanation: LocalizedText;
  perOption?: PerOptionFeedback[];
  /** matching only */
  perPair?: PerPairFeedback[];
  correctAnswer: CorrectAnswer;
  /** numeric only */
  tolerance?: number;
  unit?: LocalizedText;
}

export interface QuestionResult {
  questionId: string;
  topic: TopicId;
  type: QuestionType;
  score: number;
  maxScore: number;
  correct: boolean;
  answered: boolean;
  feedback: QuestionFeedback;
}

export interface GradeOptions {
  seed: number;
}

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/** Length of the longest common subsequence of two id lists. */
function lcsLength(a: readonly string[], b: readonly string[]): number {
  const prev = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] as number;
      prev[j] = x === b[j - 1] ? diag + 1 : Math.max(up, prev[j - 1] as number);
      diag = up;
    }
  }
  return prev[b.length] as number;
}

function fraction(q: ResolvedQuestion, r: QuestionResponse | null): number {
  if (r === null) return 0;
  switch (q.type) {
    case "single":
      return r.type === "single" && r.optionId === q.answer ? 1 : 0;
    case "truefalse":
      return r.type === "truefalse" && r.value === q.answer ? 1 : 0;
    case "multiple": {
      if (r.type !== "multiple") return 0;
      const good = r.optionIds.filter((id) => q.answers.includes(id)).length;
      const bad = r.optionIds.length - good;
      return Math.max(0, (good - bad) / q.answers.length);
    }
    case "ordering":
      return r.type === "ordering" ? lcsLength(r.order, q.answer) / q.answer.length : 0;
    case "matching": {
      if (r.type !== "matching") return 0;
      const left = q.left.map((l) => l.id);
      return left.filter((l) => r.pairs[l] === q.answer[l]).length / left.length;
    }
    case "numeric":
      return r.type === "numeric" && Math.abs(r.value - q.answer) <= (q.tolerance ?? 0) + 1e-9 ? 1 : 0;
    case "code-output": {
      if (r.type !== "code-output") return 0;
      const got = normalizeOutput(r.output);
      return [q.answer, ...(q.acceptAlternatives ?? [])].some((a) => normalizeOutput(a) === got) ? 1 : 0;
    }
  }
}

function feedbackFor(q: ResolvedQuestion, r: QuestionResponse | null): QuestionFeedback {
  switch (q.type) {
    case "single":
    case "multiple": {
      const correctIds = q.type === "single" ? [q.answer] : q.answers;
      const chosenIds =
        r?.type === "single" ? [r.optionId] : r?.type === "multiple" ? r.optionIds : [];
      return {
        explanation: q.explanation,
        perOption: q.options.map((o) => ({
          id: o.id,
          text: o.text,
          chosen: chosenIds.includes(o.id),
          correct: correctIds.includes(o.id),
          explanation: o.explanation,
        })),
        correctAnswer: q.type === "single" ? q.answer : [...q.answers],
      };
    }
    case "matching":
      return {
        explanation: q.explanation,
        perPair: q.left.map((l) => ({
          leftId: l.id,
          chosen: r?.type === "matching" ? (r.pairs[l.id] ?? null) : null,
          correct: q.answer[l.id] as string,
        })),
        correctAnswer: { ...q.answer },
      };
    case "ordering":
      return { explanation: q.explanation, correctAnswer: [...q.answer] };
    case "numeric":
      return {
        explanation: q.explanation,
        correctAnswer: q.answer,
        ...(q.tolerance !== undefined ? { tolerance: q.tolerance } : {}),
        ...(q.unit !== undefined ? { unit: q.unit } : {}),
      };
    case "truefalse":
    case "code-output":
      return { explanation: q.explanation, correctAnswer: q.answer };
  }
}

/** Grades an already-resolved question (use when the variant is at hand). */
export function gradeResolvedQuestion(q: ResolvedQuestion, response: unknown): QuestionResult {
  let r: QuestionResponse | null = null;
  if (response !== null && response !== undefined) {
    const parsed = parseResponse(q, response);
    if (!parsed.ok) throw parsed.error;
    r = parsed.response;
  }
  const maxScore = pointsOf(q);
  const score = round6(fraction(q, r) * maxScore);
  return {
    questionId: q.id,
    topic: q.topic,
    type: q.type,
    score,
    maxScore,
    correct: score === maxScore,
    answered: r !== null,
    feedback: feedbackFor(q, r),
  };
}

export function gradeQuestion(question: Question, response: unknown, { seed }: GradeOptions): QuestionResult {
  return gradeResolvedQuestion(resolveQuestion(question, seed), response);
}

export { InvalidResponseError };
