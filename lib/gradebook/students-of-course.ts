import { db, dbKind } from "../db";
import { containsText, foldAsciiCase, hasLikeWildcard } from "../database/contains-text";

export type CourseStudent = { id: string; name: string; email: string; studentId: string | null };

/** What the grade book shows of a student. */
export const studentSelect = { user: { select: { id: true, name: true, email: true, studentId: true } } } as const;

/** Whether a student's name, email or student id contains q, literally and ignoring ASCII case (as the database search does). */
export function studentMatches(student: CourseStudent, q: string): boolean {
  const needle = foldAsciiCase(q);
  return [student.name, student.email, student.studentId].some((field) => field !== null && foldAsciiCase(field).includes(needle));
}

/**
 * A course's student enrolments, narrowed by a search on name, email or student id when q is
 * set (any case). `%` and `_` in q match literally: on SQLite, where LIKE can't be told so
 * through Prisma (see containsText), the LIKE matches are narrowed here to the literal ones
 * and the filter names those students.
 */
export async function studentFilter(courseId: string, q = "") {
  const enrolled = { courseId, role: "STUDENT" as const };
  if (!q) return enrolled;
  const search = { ...enrolled, user: { OR: [{ name: containsText(q) }, { email: containsText(q) }, { studentId: containsText(q) }] } };
  if (dbKind() === "postgresql" || !hasLikeWildcard(q)) return search;
  const candidates = await db().enrollment.findMany({ where: search, select: studentSelect });
  return { ...enrolled, userId: { in: candidates.filter((c) => studentMatches(c.user, q)).map((c) => c.user.id) } };
}

/** A course's students (optionally searched), by name then id (whole-class views: grade book, export, analytics). */
export async function studentsOfCourse(courseId: string, q = ""): Promise<CourseStudent[]> {
  const rows = await db().enrollment.findMany({ where: await studentFilter(courseId, q), select: studentSelect, orderBy: [{ user: { name: "asc" } }, { userId: "asc" }] });
  return rows.map((r) => r.user);
}
