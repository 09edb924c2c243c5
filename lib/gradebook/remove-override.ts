import { db } from "../db";
import { ApiError, notFoundError } from "../http/api-error";
import { recordAudit } from "../audit/record-audit";
import { gradeStudents } from "./grade-students";
import { loadCourseAssignments } from "./load-course-assignments";

/**
 * Removes a student's override on an assignment, so the computed grade counts again.
 * Every override of that cell goes (removing only the latest would bring back an older
 * one the instructor had already replaced). Nothing is lost: the audit entry, written in
 * the same transaction, keeps each removed override (score, comment, author, date) and the
 * score before and after.
 */
export async function removeOverride(actorId: string, courseId: string, input: { assignmentId: string; userId: string }) {
  const assignment = (await loadCourseAssignments(courseId)).find((a) => a.id === input.assignmentId);
  if (!assignment) throw notFoundError("Assignment");
  const before = (await gradeStudents([assignment], [input.userId])).get(input.userId)!.get(assignment.id)!;
  return db().$transaction(async (tx) => {
    const overrides = await tx.gradeOverride.findMany({ where: input, orderBy: { createdAt: "asc" } });
    if (overrides.length === 0) throw new ApiError(404, "This student has no override on this assignment.");
    await tx.gradeOverride.deleteMany({ where: { id: { in: overrides.map((o) => o.id) } } });
    await recordAudit(tx, {
      actorId,
      courseId,
      action: "grade.override.remove",
      details: {
        ...input,
        previousScore: before.score,
        removed: overrides.map((o) => ({ id: o.id, score: o.score, comment: o.comment, authorId: o.authorId, createdAt: o.createdAt.toISOString() })),
      },
    });
    return { removed: overrides.length };
  });
}
