import { db } from "../db";
import { notFoundError } from "../http/api-error";

/**
 * An assignment of this course, with its content's slug and maximum score. Scoped by
 * course: an id from another course is a 404, even for its own instructors.
 */
export async function getCourseAssignment(courseId: string, assignmentId: string) {
  const assignment = await db().assignment.findFirst({
    where: { id: assignmentId, courseId },
    include: { exercise: { select: { slug: true, maxScore: true, titleEn: true, titleKo: true } }, quiz: { select: { slug: true, titleEn: true, titleKo: true } } },
  });
  if (!assignment) throw notFoundError("Assignment");
  return assignment;
}
