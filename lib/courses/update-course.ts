import { db } from "../db";
import { ApiError } from "../http/api-error";
import { recordAudit } from "../audit/record-audit";
import type { CourseFields } from "./create-course";
import { isUniqueViolation } from "./unique-violation";

/** Changes a course's code, title or description. */
export async function updateCourse(actorId: string, courseId: string, fields: Partial<CourseFields>) {
  try {
    return await db().$transaction(async (tx) => {
      const course = await tx.course.update({ where: { id: courseId }, data: fields });
      await recordAudit(tx, { actorId, courseId, action: "course.update", details: fields });
      return course;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ApiError(400, `A course with code ${fields.code} already exists.`, { field: "code" });
    throw error;
  }
}
