import { db } from "../db";

export type GradebookAssignment = Awaited<ReturnType<typeof loadCourseAssignments>>[number];

/**
 * A course's assignments as the grade book needs them: deadline policy and maximum score.
 * A quiz's maximum is what its attempts were graded out of (the bank can change), falling
 * back to one point per question before anyone attempted it.
 */
export async function loadCourseAssignments(courseId: string) {
  const rows = await db().assignment.findMany({
    where: { courseId },
    orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      title: true,
      kind: true,
      published: true,
      opensAt: true,
      dueAt: true,
      lateUntil: true,
      latePenaltyPerDay: true,
      attemptPolicy: true,
      maxAttempts: true,
      exercise: { select: { slug: true, maxScore: true } },
      quiz: { select: { slug: true, topic: true, questionIds: true } },
    },
  });
  const quizIds = rows.filter((a) => a.kind === "QUIZ").map((a) => a.id);
  const quizMax = quizIds.length
    ? await db().quizAttempt.groupBy({ by: ["assignmentId"], where: { assignmentId: { in: quizIds }, submittedAt: { not: null } }, _max: { maxScore: true } })
    : [];
  const maxOf = new Map(quizMax.map((q) => [q.assignmentId, q._max.maxScore]));
  return rows.map((a) => ({
    ...a,
    slug: a.exercise?.slug ?? a.quiz?.slug ?? "",
    maxScore: a.exercise?.maxScore ?? maxOf.get(a.id) ?? (a.quiz?.questionIds.split(",").filter(Boolean).length || 0),
  }));
}
