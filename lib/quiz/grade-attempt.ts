/**
 * Grades a whole attempt. `seed` is either one number used for every
 * question, or a function giving each question's seed — normally
 * the attempt's `seedOf` (`attempts/attempt-questions.ts`), the same one used for
 * `toPublicQuestion` when the attempt was shown.
 *
 * Missing responses count as unanswered (0 points). A malformed response
 * throws `InvalidResponseError` naming the question; so does a response
 * for a question that is not part of the attempt.
 */
import { gradeQuestion, type QuestionResult } from "./grade-question";
import type { Question } from "./question-schema";
import { InvalidResponseError } from "./response-schema";

export interface AttemptResult {
  total: number;
  max: number;
  /** total / max, 0 when max is 0. */
  ratio: number;
  results: QuestionResult[];
}

export interface GradeAttemptOptions {
  seed: number | ((questionId: string) => number);
}

export function gradeAttempt(
  questions: readonly Question[],
  responses: Readonly<Record<string, unknown>>,
  { seed }: GradeAttemptOptions,
): AttemptResult {
  const ids = new Set(questions.map((q) => q.id));
  for (const id of Object.keys(responses)) {
    if (!ids.has(id)) throw new InvalidResponseError(id, ["no such question in this attempt"]);
  }
  const results = questions.map((q) =>
    gradeQuestion(q, Object.hasOwn(responses, q.id) ? responses[q.id] : undefined, {
      seed: typeof seed === "function" ? seed(q.id) : seed,
    }),
  );
  const total = Math.round(results.reduce((s, r) => s + r.score, 0) * 1e6) / 1e6;
  const max = results.reduce((s, r) => s + r.maxScore, 0);
  return { total, max, ratio: max > 0 ? total / max : 0, results };
}
