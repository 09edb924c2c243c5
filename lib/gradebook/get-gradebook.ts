import { db } from "../db";
import { gradeStudents } from "./grade-students";
import type { GradebookQuery } from "./gradebook-query";
import { loadCourseAssignments } from "./load-course-assignments";
import { type CourseStudent, studentFilter, studentSelect, studentsOfCourse } from "./students-of-course";
import type { FinalGrade } from "./types";

export type GradebookRow = CourseStudent & { cells: Record<string, FinalGrade>; total: number; totalMax: number };

function matchesFlag(cells: FinalGrade[], flag: GradebookQuery["flag"]): boolean {
  if (flag === "late") return cells.some((c) => c.late);
  if (flag === "missing") return cells.some((c) => c.score === null);
  if (flag === "overridden") return cells.some((c) => c.overridden);
  return true;
}

/**
 * One page of a course's grade book: students × assignments with final score, late flag and
 * attempts. Sorting by a student column pages in SQL (LIMIT/OFFSET on the enrolment index
 * joined to users by name), so only one page of students is graded. Sorting by a score, or
 * filtering by a flag, needs every matching student's grades: they are computed in the same
 * four queries (grade-students), then sorted and sliced here.
 */
export async function getGradebook(courseId: string, query: GradebookQuery) {
  const assignments = await loadCourseAssignments(courseId);
  const sqlPaged = query.flag === "all" && ["name", "email", "studentId"].includes(query.sort);
  let students: CourseStudent[];
  let totalRows: number;
  if (sqlPaged) {
    const field = query.sort as "name" | "email" | "studentId";
    const where = await studentFilter(courseId, query.q);
    const [count, page] = await Promise.all([
      db().enrollment.count({ where }),
      db().enrollment.findMany({ where, select: studentSelect, orderBy: [{ user: { [field]: query.dir } }, { userId: "asc" }], skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
    ]);
    students = page.map((e) => e.user);
    totalRows = count;
  } else {
    students = await studentsOfCourse(courseId, query.q);
    totalRows = students.length;
  }
  const grades = await gradeStudents(assignments, students.map((s) => s.id));
  let rows: GradebookRow[] = students.map((s) => {
    const cells = Object.fromEntries(grades.get(s.id)!);
    const list = Object.values(cells);
    return { ...s, cells, total: list.reduce((sum, c) => sum + (c.score ?? 0), 0), totalMax: list.reduce((sum, c) => sum + c.maxScore, 0) };
  });
  if (!sqlPaged) {
    rows = rows.filter((r) => matchesFlag(Object.values(r.cells), query.flag));
    totalRows = rows.length;
    const sign = query.dir === "asc" ? 1 : -1;
    const key = (r: GradebookRow): number | string | null =>
      query.sort === "total" ? r.total : query.sort.startsWith("a:") ? (r.cells[query.sort.slice(2)]?.score ?? null) : (r[query.sort as "name" | "email" | "studentId"] ?? "");
    // Stable sort (rows arrive by name); students without a score go last either way.
    rows = rows
      .map((r) => ({ r, k: key(r) }))
      .sort((x, y) => (x.k === null ? (y.k === null ? 0 : 1) : y.k === null ? -1 : x.k < y.k ? -sign : x.k > y.k ? sign : 0))
      .map((x) => x.r)
      .slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  }
  return {
    assignments: assignments.map((a) => ({ id: a.id, title: a.title, kind: a.kind, slug: a.slug, maxScore: a.maxScore, dueAt: a.dueAt, published: a.published, maxAttempts: a.maxAttempts })),
    rows,
    page: query.page,
    pageSize: query.pageSize,
    totalRows,
    pageCount: Math.max(1, Math.ceil(totalRows / query.pageSize)),
  };
}
