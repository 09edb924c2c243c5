import { db } from "../db";
import { effectiveDeadlines, lateness } from "../assignments/lateness";
import { gradeStudents } from "../gradebook/grade-students";
import { loadCourseAssignments } from "../gradebook/load-course-assignments";

/**
 * A student's view of a course: its published assignments with their dates (the student's
 * extension applied), where "now" falls (not open, open, late window, closed), attempts used
 * and the grade that counts, computed by the grade book's own rule (late penalty, BEST/LAST,
 * override), so the student reads the instructor's number; and every practice exercise with
 * the student's best practice score on it (practice never counts toward a grade).
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
  const [graded, exercises, practice] = await Promise.all([
    loadCourseAssignments(courseId).then((all) => gradeStudents(all.filter((a) => a.published), [userId])),
    db().exercise.findMany({ where: { archived: false }, orderBy: [{ difficulty: "asc" }, { slug: "asc" }], select: { id: true, slug: true, titleKo: true, titleEn: true, difficulty: true, topics: true, maxScore: true } }),
    db().submission.groupBy({ by: ["exerciseId"], where: { userId, assignmentId: null, status: "GRADED" }, _max: { score: true }, _count: { _all: true } }),
  ]);
  const grades = graded.get(userId)!;
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
        attemptPolicy: a.attemptPolicy,
        extended: extension !== null,
        state: lateness(a, extension, now).state,
        grade: grades.get(a.id)!,
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
