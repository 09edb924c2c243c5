import { db } from "../db";
import { containsText } from "../database/contains-text";

export type CourseStudent = { id: string; name: string; email: string; studentId: string | null };

/** What the grade book shows of a student. */
export const studentSelect = { user: { select: { id: true, name: true, email: true, studentId: true } } } as const;

/** A course's student enrolments, narrowed by a search on name, email or student id when q is set (any case). */
export function studentFilter(courseId: string, q = "") {
  return {
    courseId,
    role: "STUDENT" as const,
    ...(q && { user: { OR: [{ name: containsText(q) }, { email: containsText(q) }, { studentId: containsText(q) }] } }),
  };
}

/** A course's students (optionally searched), by name then id (whole-class views: grade book, export, analytics). */
export async function studentsOfCourse(courseId: string, q = ""): Promise<CourseStudent[]> {
  const rows = await db().enrollment.findMany({ where: studentFilter(courseId, q), select: studentSelect, orderBy: [{ user: { name: "asc" } }, { userId: "asc" }] });
  return rows.map((r) => r.user);
}
