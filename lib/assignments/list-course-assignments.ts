import { db } from "../db";

/** Every assignment of a course (drafts included) for its staff, by due date. */
export async function listCourseAssignments(courseId: string) {
  return db().assignment.findMany({
    where: { courseId },
    orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }],
    include: {
      exercise: { select: { slug: true, maxScore: true } },
      quiz: { select: { slug: true } },
      _count: { select: { submissions: true, attempts: true, extensions: true } },
    },
  });
}
