import { db } from "../db";

/** A course with its published assignments, as a member sees it. */
export async function getCourseOverview(courseId: string) {
  return db().course.findUnique({
    where: { id: courseId },
    select: {
      id: true,
      code: true,
      title: true,
      description: true,
      assignments: {
        where: { published: true },
        orderBy: { dueAt: "asc" },
        select: { id: true, title: true, kind: true, opensAt: true, dueAt: true, lateUntil: true },
      },
    },
  });
}
