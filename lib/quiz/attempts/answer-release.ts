/**
 * Whether a viewer may see the correct answers and explanations of an attempt's questions:
 * the one rule behind the submit response, the attempt view (API) and the quiz page, for
 * graded and practice attempts alike (docs/decisions/016).
 *
 * Staff (an admin, or anyone else the caller already let see the attempt: the course's
 * instructors) see everything. The attempt's owner sees them once no quiz assignment that
 * shares a question with the attempt is still unreleased to them. For a graded attempt its
 * own assignment is one of those; for practice it is any assignment of the same questions,
 * so practice cannot reveal what the graded attempt will ask.
 */
import type { Db } from "@/lib/db";
import { unreleasedQuizAssignments } from "./unreleased-quiz-assignments";

export type AnswerRelease =
  | { released: true }
  | {
      released: false;
      /** ISO instant when they are released at the latest; null for never. */
      until: string | null;
      /** The assignments holding them back. */
      assignments: { id: string; title: string }[];
    };

export async function answerRelease(
  db: Db,
  input: { viewer: { id: string; role: string }; ownerId: string; questionIds: readonly string[]; now: Date },
): Promise<AnswerRelease> {
  if (input.viewer.role === "ADMIN" || input.viewer.id !== input.ownerId) return { released: true };
  const asked = new Set(input.questionIds);
  const holding = (await unreleasedQuizAssignments(db, input.ownerId, input.now)).filter((a) => a.questionIds.some((id) => asked.has(id)));
  if (holding.length === 0) return { released: true };
  const until = holding.some((a) => a.until === null) ? null : new Date(Math.max(...holding.map((a) => (a.until as Date).getTime())));
  return { released: false, until: until?.toISOString() ?? null, assignments: holding.map((a) => ({ id: a.id, title: a.title })) };
}
