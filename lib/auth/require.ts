import { forbidden, unauthorized } from "next/navigation";
import type { Role } from "../db";
import { db } from "../db";
import { forbiddenError, notFoundError, unauthorizedError } from "../http/api-error";
import { getCurrentUser, type CurrentUser } from "./current-user";

/**
 * Authorization lives here and only here. Pages call the page variants (which render the
 * 401/403 pages); route handlers call the api variants (which throw ApiError 401/403).
 */
type Mode = "page" | "api";

function deny(mode: Mode, status: 401 | 403): never {
  if (mode === "api") throw status === 401 ? unauthorizedError() : forbiddenError();
  if (status === 401) unauthorized();
  forbidden();
}

export async function requireUser(mode: Mode = "page"): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) deny(mode, 401);
  return user;
}

export async function requireRole(roles: Role | Role[], mode: Mode = "page"): Promise<CurrentUser> {
  const user = await requireUser(mode);
  const allowed = Array.isArray(roles) ? roles : [roles];
  if (!allowed.includes(user.role)) deny(mode, 403);
  return user;
}

/** The signed-in user, the course and their enrolment in it (404 for a missing course via the API). */
async function userInCourse(courseId: string, mode: Mode) {
  const user = await requireUser(mode);
  const course = await db().course.findUnique({ where: { id: courseId } });
  if (!course) {
    if (mode === "api") throw notFoundError("Course");
    deny(mode, 403);
  }
  const enrollment = user.role === "ADMIN" ? null : await db().enrollment.findUnique({ where: { courseId_userId: { courseId, userId: user.id } } });
  return { user, course, enrollment };
}

/** Staff of a course: its instructors, and admins. */
export async function requireCourseInstructor(courseId: string, mode: Mode = "page") {
  const { user, course, enrollment } = await userInCourse(courseId, mode);
  if (user.role !== "ADMIN" && (user.role !== "INSTRUCTOR" || enrollment?.role !== "INSTRUCTOR")) deny(mode, 403);
  return { user, course };
}

/** Any member of a course (student or instructor), and admins. */
export async function requireCourseMember(courseId: string, mode: Mode = "page") {
  const { user, course, enrollment } = await userInCourse(courseId, mode);
  if (user.role === "ADMIN") return { user, course, courseRole: "INSTRUCTOR" as const };
  if (!enrollment) deny(mode, 403);
  return { user, course, courseRole: enrollment.role };
}
