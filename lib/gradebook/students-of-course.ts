import { db } from "../db";

/** Ids of a course's students, by name (whole-class views: export, analytics). */
export async function studentsOfCourse(courseId: string): Promise<string[]> {
  const rows = await db().enrollment.findMany({ where: { courseId, role: "STUDENT" }, select: { userId: true }, orderBy: [{ user: { name: "asc" } }, { userId: "asc" }] });
  return rows.map((r) => r.userId);
}
