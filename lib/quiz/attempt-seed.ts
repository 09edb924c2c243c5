import { fnv1a32, seedFor } from "./seed-for";

/**
 * The seed a question of an attempt is shown and graded with.
 *
 * Scheme 2 (every attempt started since issue 14) puts the attempt's scope into the seed:
 * the assignment for a graded attempt, "practice" otherwise. Attempt numbers count per scope,
 * so without it practice attempt 1 and graded attempt 1 had the same variants and option
 * order, and practice gave the graded answers away. Scheme 1 is the old
 * `seedFor(userId, questionId, attemptNo)`, kept so that attempts stored before it keep their
 * variants (their results are regraded from the stored responses when viewed).
 */
export function attemptSeed(input: { scheme: number; userId: string; questionId: string; attemptNo: number; assignmentId: string | null }): number {
  if (input.scheme === 1) return seedFor(input.userId, input.questionId, input.attemptNo);
  const scope = input.assignmentId === null ? "practice" : `assignment:${input.assignmentId}`;
  return fnv1a32(`v2\u0000${scope}\u0000${input.userId}\u0000${input.questionId}\u0000${input.attemptNo}`);
}
