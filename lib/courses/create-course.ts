import { db } from "../db";
import { ApiError } from "../http/api-error";
import { recordAudit } from "../audit/record-audit";
import { generateJoinCode } from "./generate-join-code";
import { isUniqueViolation } from "./unique-violation";

export type CourseFields = { code: string; title: string; description: string };

/** Creates a course with a fresh join code; its creator becomes its first instructor. */
export async function createCourse(actorId: string, fields: CourseFields) {
  try {
    return await db().$transaction(async (tx) => {
      const course = await tx.course.create({ data: { ...fields, joinCode: generateJoinCode() } });
      await tx.enrollment.create({ data: { courseId: course.id, userId: actorId, role: "INSTRUCTOR" } });
      await recordAudit(tx, { actorId, courseId: course.id, action: "course.create", details: fields });
      return course;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ApiError(400, `A course with code ${fields.code} already exists.`, { field: "code" });
    throw error;
  }
}
