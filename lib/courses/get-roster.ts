import { db } from "../db";

/**
 * Everyone enrolled in a course, instructors first, then by name. The role order is applied
 * here, not in SQL: enums sort by declaration order on PostgreSQL but alphabetically on SQLite.
 */
export async function getRoster(courseId: string) {
  const enrollments = await db().enrollment.findMany({
    where: { courseId },
    include: { user: { select: { id: true, name: true, email: true, studentId: true } } },
    orderBy: { user: { name: "asc" } },
  });
  const rank = (role: string) => (role === "INSTRUCTOR" ? 0 : 1);
  return enrollments
    .sort((a, b) => rank(a.role) - rank(b.role))
    .map((e) => ({ ...e.user, role: e.role, enrolledAt: e.createdAt }));
}
