import { db } from "../db";
import { notFoundError } from "../http/api-error";
import { gradesFromRows } from "./grades-from-rows";
import { rubricAdjustments, withAdjustments } from "./rubric-adjustments";
import { loadCourseAssignments } from "./load-course-assignments";

/**
 * One student of the course, assignment by assignment: final grade, extension, override
 * history, and every submission or quiz attempt (newest first). 404 unless they are a
 * student of this course.
 */
export async function getStudentGrades(courseId: string, userId: string) {
  const enrollment = await db().enrollment.findUnique({
    where: { courseId_userId: { courseId, userId } },
    select: { role: true, user: { select: { id: true, name: true, email: true, studentId: true } } },
  });
  if (enrollment?.role !== "STUDENT") throw notFoundError("Student");
  const assignments = await loadCourseAssignments(courseId);
  const scope = { userId, assignment: { courseId } };
  // One load serves both the page's lists and the final grades.
  const [loaded, attempts, extensions, overrides, adjustments] = await Promise.all([
    db().submission.findMany({ where: scope, orderBy: { submittedAt: "desc" }, select: { id: true, userId: true, assignmentId: true, submittedAt: true, status: true, score: true, maxScore: true, late: true, latePenalty: true, stale: true, gradeRun: true } }),
    db().quizAttempt.findMany({ where: { ...scope, submittedAt: { not: null } }, orderBy: { submittedAt: "desc" }, select: { id: true, userId: true, assignmentId: true, attemptNo: true, submittedAt: true, score: true, maxScore: true, late: true } }),
    db().extension.findMany({ where: scope }),
    db().gradeOverride.findMany({ where: scope, orderBy: { createdAt: "desc" }, include: { author: { select: { name: true } } } }),
    rubricAdjustments(scope),
  ]);
  const submissions = withAdjustments(loaded, adjustments);
  const grades = gradesFromRows(assignments, [userId], { submissions, attempts, extensions, overrides });
  return {
    student: enrollment.user,
    assignments: assignments.map((a) => ({
      id: a.id,
      title: a.title,
      kind: a.kind,
      slug: a.slug,
      published: a.published,
      opensAt: a.opensAt,
      dueAt: a.dueAt,
      lateUntil: a.lateUntil,
      latePenaltyPerDay: a.latePenaltyPerDay,
      maxScore: a.maxScore,
      attemptPolicy: a.attemptPolicy,
      grade: grades.get(userId)!.get(a.id)!,
      extension: extensions.find((e) => e.assignmentId === a.id) ?? null,
      overrides: overrides.filter((o) => o.assignmentId === a.id),
      submissions: submissions.filter((s) => s.assignmentId === a.id),
      attempts: attempts.filter((q) => q.assignmentId === a.id),
    })),
  };
}
