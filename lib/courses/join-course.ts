import { db } from "../db";
import { ApiError } from "../http/api-error";

/** Enrols an existing user as a student of the course with this join code (idempotent). */
export async function joinCourse(userId: string, joinCodeInput: string) {
  const joinCode = joinCodeInput.trim().toUpperCase();
  const course = await db().course.findUnique({ where: { joinCode } });
  if (!course) throw new ApiError(400, "That join code does not match any course.", { field: "joinCode" });
  await db().enrollment.upsert({
    where: { courseId_userId: { courseId: course.id, userId } },
    update: {},
    create: { courseId: course.id, userId, role: "STUDENT" },
  });
  return { courseId: course.id, title: course.title };
}
