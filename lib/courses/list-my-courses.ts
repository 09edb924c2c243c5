import { db } from "../db";

/** The courses a user belongs to, with their role in each. */
export async function listMyCourses(userId: string) {
  const enrollments = await db().enrollment.findMany({
    where: { userId },
    include: { course: { select: { id: true, code: true, title: true, description: true } } },
    orderBy: { createdAt: "asc" },
  });
  return enrollments.map((e) => ({ ...e.course, role: e.role }));
}
