/**
 * The score an assignment counts from a student's submitted attempts:
 * BEST = the highest, LAST = the most recent (highest attemptNo). Null when
 * nothing was submitted.
 */
export function countedQuizScore(
  attempts: readonly { attemptNo: number; score: number | null; maxScore: number | null; submittedAt: Date | null }[],
  policy: "BEST" | "LAST",
): { score: number; maxScore: number; attemptNo: number } | null {
  const submitted = attempts.filter((a) => a.submittedAt !== null && a.score !== null);
  if (submitted.length === 0) return null;
  const pick = submitted.reduce((best, a) =>
    policy === "LAST" ? (a.attemptNo > best.attemptNo ? a : best) : (a.score as number) > (best.score as number) ? a : best,
  );
  return { score: pick.score as number, maxScore: pick.maxScore ?? 0, attemptNo: pick.attemptNo };
}
