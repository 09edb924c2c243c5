import { db } from "../db";

/** Everyone enrolled in a course, instructors first, then by name. */
export async function getRoster(courseId: string) {
  const enrollments = await db().enrollment.findMany({
    where: { courseId },
    include: { user: { select: { id: true, name: true, email: true, studentId: true } } },
    orderBy: [{ role: "desc" }, { user: { name: "asc" } }],
  });
  return enrollments.map((e) => ({ ...e.user, role: e.role, enrolledAt: e.createdAt }));
}
