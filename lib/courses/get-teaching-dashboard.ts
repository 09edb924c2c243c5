import { db } from "../db";

const DAY_MS = 24 * 60 * 60 * 1000;
/** How many of the submissions that need a look are listed per course (the count says how many there are). */
const LISTED = 5;

export type TeachingCourse = {
  id: string;
  code: string;
  title: string;
  students: number;
  /** Queued or being graded now. */
  ungraded: number;
  /** Grading failed (the grader gave up on them): they need a regrade or a look. */
  failed: Array<{ id: string; student: string; assignment: string | null; submittedAt: string }>;
  failedCount: number;
  /** Published assignments due in the next seven days, soonest first. */
  dueThisWeek: Array<{ id: string; title: string; dueAt: string; submitted: number }>;
};

/**
 * What an instructor's landing page shows: each course they teach, what needs attention
 * (submissions still waiting for the grader, gradings that failed) and the deadlines of the
 * coming week with how many students have submitted so far. Submissions of a course are its
 * assignments' submissions.
 */
export async function getTeachingDashboard(userId: string, now = new Date()): Promise<TeachingCourse[]> {
  const teaching = await db().enrollment.findMany({
    where: { userId, role: "INSTRUCTOR" },
    include: { course: { select: { id: true, code: true, title: true } } },
    orderBy: { createdAt: "asc" },
  });
  const weekEnd = new Date(now.getTime() + 7 * DAY_MS);
  return Promise.all(
    teaching.map(async ({ course }) => {
      const inCourse = { assignment: { courseId: course.id } };
      const [students, ungraded, failedCount, failed, due] = await Promise.all([
        db().enrollment.count({ where: { courseId: course.id, role: "STUDENT" } }),
        db().submission.count({ where: { ...inCourse, status: { in: ["QUEUED", "RUNNING"] } } }),
        db().submission.count({ where: { ...inCourse, status: "FAILED" } }),
        db().submission.findMany({
          where: { ...inCourse, status: "FAILED" },
          orderBy: { submittedAt: "desc" },
          take: LISTED,
          select: { id: true, submittedAt: true, user: { select: { name: true } }, assignment: { select: { title: true } } },
        }),
        db().assignment.findMany({
          where: { courseId: course.id, published: true, dueAt: { gte: now, lte: weekEnd } },
          orderBy: { dueAt: "asc" },
          select: { id: true, title: true, dueAt: true, kind: true },
        }),
      ]);
      const submitters = await Promise.all(
        due.map(async (a) => {
          const rows =
            a.kind === "EXERCISE"
              ? await db().submission.findMany({ where: { assignmentId: a.id }, distinct: ["userId"], select: { userId: true } })
              : await db().quizAttempt.findMany({ where: { assignmentId: a.id }, distinct: ["userId"], select: { userId: true } });
          return rows.length;
        }),
      );
      return {
        ...course,
        students,
        ungraded,
        failedCount,
        failed: failed.map((f) => ({ id: f.id, student: f.user.name, assignment: f.assignment?.title ?? null, submittedAt: f.submittedAt.toISOString() })),
        dueThisWeek: due.map((a, i) => ({ id: a.id, title: a.title, dueAt: a.dueAt.toISOString(), submitted: submitters[i] })),
      };
    }),
  );
}
