import { formatCsv } from "./format-csv";
import { gradeStudents } from "./grade-students";
import { loadCourseAssignments } from "./load-course-assignments";
import { studentsOfCourse } from "./students-of-course";

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The grade book as a CSV an LMS grade import accepts: one row per student (student id,
 * email, name) and one column per assignment holding the final score in points, after late
 * penalties and overrides (empty when there is none). Column titles carry the maximum, and
 * repeated titles are numbered, so every column maps to one assignment.
 */
export async function exportGradebookCsv(courseId: string): Promise<string> {
  const assignments = await loadCourseAssignments(courseId);
  const students = await studentsOfCourse(courseId);
  const grades = await gradeStudents(assignments, students.map((s) => s.id));
  const seen = new Map<string, number>();
  const titles = assignments.map((a) => {
    const n = (seen.get(a.title) ?? 0) + 1;
    seen.set(a.title, n);
    return `${a.title}${n > 1 ? ` #${n}` : ""} [${round2(a.maxScore)}]`;
  });
  const header = ["Student ID", "Email", "Name", ...titles];
  const rows = students.map((s) => [
    s.studentId ?? "",
    s.email,
    s.name,
    ...assignments.map((a) => {
      const score = grades.get(s.id)!.get(a.id)!.score;
      return score === null ? null : round2(score);
    }),
  ]);
  return formatCsv([header, ...rows]);
}
