import { mean, pearson, upperLower } from "./statistics-math";

export type QuizAnswerRow = {
  questionId: string;
  score: number;
  maxScore: number;
  /** The parsed response as stored (see lib/quiz/response-schema.ts). */
  response: unknown;
  /** A generated question's variant (its parameters as JSON); null for a fixed question. */
  variant: string | null;
};

export type QuizAttemptRow = { id: string; answers: readonly QuizAnswerRow[] };

export type QuizItemStats = {
  questionId: string;
  n: number;
  /** Mean fraction of the points earned (the p-value: 1 = everyone right). */
  difficulty: number | null;
  /** Point-biserial (Pearson) correlation of the item with the rest of the attempt's score. */
  pointBiserial: number | null;
  /** Upper-lower 27 % index on the attempt's total. */
  upperLower: number | null;
  /** Share of takers that chose each option (single, multiple, true/false); empty for other types. */
  choices: Array<{ option: string; rate: number }>;
  /** Generated questions: n and difficulty per variant. */
  variants: Array<{ variant: string; n: number; difficulty: number | null }>;
};

/** Which options a response chose: option ids, or "true"/"false". */
function chosen(response: unknown): string[] {
  if (!response || typeof response !== "object") return [];
  const r = response as { type?: string; optionId?: unknown; optionIds?: unknown; value?: unknown };
  if (r.type === "single" && typeof r.optionId === "string") return [r.optionId];
  if (r.type === "multiple" && Array.isArray(r.optionIds)) return [...new Set(r.optionIds.filter((o): o is string => typeof o === "string"))];
  if (r.type === "truefalse" && typeof r.value === "boolean") return [String(r.value)];
  return [];
}

/**
 * Classical item analysis of a quiz from its attempts (one per student: the caller chooses
 * which). An item's score is its fraction of the points; the discrimination compares it with
 * the attempt's *rest* score (total without the item), so an item is not correlated with itself.
 */
export function quizItemStatistics(attempts: readonly QuizAttemptRow[]): QuizItemStats[] {
  const totals = new Map(attempts.map((a) => [a.id, a.answers.reduce((sum, x) => sum + x.score, 0)]));
  const byQuestion = new Map<string, Array<QuizAnswerRow & { attemptId: string }>>();
  for (const a of attempts) for (const x of a.answers) byQuestion.set(x.questionId, [...(byQuestion.get(x.questionId) ?? []), { ...x, attemptId: a.id }]);
  return [...byQuestion.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([questionId, rows]) => {
      const item = rows.map((r) => (r.maxScore > 0 ? r.score / r.maxScore : 0));
      const rest = rows.map((r) => totals.get(r.attemptId)! - r.score);
      const counts = new Map<string, number>();
      for (const r of rows) for (const c of chosen(r.response)) counts.set(c, (counts.get(c) ?? 0) + 1);
      const variants = new Map<string, number[]>();
      rows.forEach((r, i) => r.variant !== null && variants.set(r.variant, [...(variants.get(r.variant) ?? []), item[i]]));
      return {
        questionId,
        n: rows.length,
        difficulty: mean(item),
        pointBiserial: pearson(item, rest),
        upperLower: upperLower(item, rows.map((r) => totals.get(r.attemptId)!)),
        choices: [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([option, count]) => ({ option, rate: count / rows.length })),
        variants: [...variants.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([variant, xs]) => ({ variant, n: xs.length, difficulty: mean(xs) })),
      };
    });
}
