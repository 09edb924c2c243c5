import { db } from "../db";
import { effectiveDeadlines, lateness } from "../assignments/lateness";

type Attempt = { score: number | null; maxScore: number | null; late: boolean };

function summarize(attempts: Attempt[]) {
  const scored = attempts.filter((a) => a.score !== null);
  const best = scored.reduce<Attempt | null>((b, a) => (b === null || (a.score ?? 0) > (b.score ?? 0) ? a : b), null);
  return { attempts: attempts.length, bestScore: best?.score ?? null, maxScore: best?.maxScore ?? null, anyLate: attempts.some((a) => a.late) };
}

/**
 * A student's view of a course: its published assignments with their dates (the student's
 * extension applied), where "now" falls (not open, open, late window, closed), attempts used
 * and best score; and every practice exercise with the student's best score on it.
 */
export async function getCourseHome(courseId: string, userId: string, now = new Date()) {
  const course = await db().course.findUnique({
    where: { id: courseId },
    select: {
      id: true,
      title: true,
      description: true,
      assignments: {
        where: { published: true },
        orderBy: { dueAt: "asc" },
        include: { exercise: { select: { slug: true } }, quiz: { select: { slug: true, topic: true } }, extensions: { where: { userId } } },
      },
    },
  });
  if (!course) return null;
  const ids = course.assignments.map((a) => a.id);
  const [submissions, quizAttempts, exercises, practice] = await Promise.all([
    db().submission.findMany({ where: { userId, assignmentId: { in: ids } }, select: { assignmentId: true, score: true, maxScore: true, late: true } }),
    db().quizAttempt.findMany({ where: { userId, assignmentId: { in: ids }, submittedAt: { not: null } }, select: { assignmentId: true, score: true, maxScore: true, late: true } }),
    db().exercise.findMany({ where: { archived: false }, orderBy: [{ difficulty: "asc" }, { slug: "asc" }], select: { id: true, slug: true, titleKo: true, titleEn: true, difficulty: true, topics: true, maxScore: true } }),
    db().submission.groupBy({ by: ["exerciseId"], where: { userId, status: "GRADED" }, _max: { score: true }, _count: { _all: true } }),
  ]);
  const attemptsOf = (id: string) => [...submissions, ...quizAttempts].filter((s) => s.assignmentId === id);
  const practiceOf = new Map(practice.map((p) => [p.exerciseId, p]));
  return {
    id: course.id,
    title: course.title,
    description: course.description,
    assignments: course.assignments.map((a) => {
      const extension = a.extensions[0] ?? null;
      const { dueAt, lateUntil } = effectiveDeadlines(a, extension);
      const href = a.kind === "EXERCISE" && a.exercise ? `/exercises/${a.exercise.slug}?assignment=${a.id}` : a.quiz ? `/quizzes/${a.quiz.topic}?assignment=${a.id}` : null;
      return {
        id: a.id,
        title: a.title,
        kind: a.kind,
        href,
        opensAt: a.opensAt.toISOString(),
        dueAt: dueAt.toISOString(),
        lateUntil: lateUntil?.toISOString() ?? null,
        latePenaltyPerDay: a.latePenaltyPerDay,
        maxAttempts: a.maxAttempts,
        state: lateness(a, extension, now).state,
        ...summarize(attemptsOf(a.id)),
      };
    }),
    exercises: exercises.map((e) => ({
      slug: e.slug,
      title: { ko: e.titleKo, en: e.titleEn },
      difficulty: e.difficulty,
      topics: e.topics ? e.topics.split(",") : [],
      maxScore: e.maxScore,
      bestScore: practiceOf.get(e.id)?._max.score ?? null,
      attempts: practiceOf.get(e.id)?._count._all ?? 0,
    })),
  };
}

export type CourseHome = NonNullable<Awaited<ReturnType<typeof getCourseHome>>>;
