import type { RegradeScope } from "./regrade-scope";

/** The submissions a regrade scope covers: only this course's exercise assignments'. */
export function regradeFilter(courseId: string, scope: RegradeScope) {
  const inCourse = { assignment: { courseId, kind: "EXERCISE" as const } };
  if (scope.scope === "submission") return { ...inCourse, id: scope.submissionId };
  if (scope.scope === "student") return { ...inCourse, assignmentId: scope.assignmentId, userId: scope.userId };
  return { ...inCourse, assignmentId: scope.assignmentId };
}
