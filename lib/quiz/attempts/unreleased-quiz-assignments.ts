/**
 * The quiz assignments whose answers are not yet released to this user (by
 * `assignmentAnswerRelease`), with their questions: what practice, attempt views and mastery
 * must not give away to them. Counted: published quiz assignments of the courses the user
 * studies in, and any quiz assignment they have attempts in (a student removed from the
 * course keeps their attempts). Not counted: courses the user teaches, where they may see
 * everything anyway; unpublished drafts, which students cannot see or take.
 */
import type { Db } from "@/lib/db";
import { assignmentAnswerRelease } from "./assignment-answer-release";

export interface UnreleasedQuizAssignment {
  id: string;
  title: string;
  questionIds: string[];
  /** When its answers are released to this user at the latest; null for never. */
  until: Date | null;
}

export async function unreleasedQuizAssignments(db: Db, userId: string, now: Date): Promise<UnreleasedQuizAssignment[]> {
  const assignments = await db.assignment.findMany({
    where: {
      kind: "QUIZ",
      OR: [{ published: true, course: { enrollments: { some: { userId, role: "STUDENT" } } } }, { attempts: { some: { userId } } }],
      NOT: { course: { enrollments: { some: { userId, role: "INSTRUCTOR" } } } },
    },
    include: { quiz: { select: { questionIds: true } } },
  });
  const out: UnreleasedQuizAssignment[] = [];
  for (const a of assignments) {
    const { released, until } = await assignmentAnswerRelease(db, a, userId, now);
    if (!released) out.push({ id: a.id, title: a.title, questionIds: (a.quiz?.questionIds ?? "").split(",").filter(Boolean), until });
  }
  return out;
}
