import { db } from "../db";
import { ApiError, notFoundError } from "../http/api-error";
import { recordAudit } from "../audit/record-audit";
import { gradeStudents } from "./grade-students";
import { loadCourseAssignments } from "./load-course-assignments";

/**
 * Sets a student's score on an assignment by hand, with the reason. Overrides are appended,
 * never edited: the latest one is in force (finalGrade), and the override and its audit
 * entry (with the score it replaced) are written in one transaction. The score must lie in
 * 0..the assignment's maximum: assignments have no extra-credit setting, so a score above the
 * maximum is a typo (55 meant, 550 typed) and would silently inflate every total.
 */
export async function overrideGrade(actorId: string, courseId: string, input: { assignmentId: string; userId: string; score: number; comment: string }) {
  const assignment = (await loadCourseAssignments(courseId)).find((a) => a.id === input.assignmentId);
  if (!assignment) throw notFoundError("Assignment");
  if (!(input.score >= 0 && input.score <= assignment.maxScore)) {
    throw new ApiError(400, `The score must be between 0 and ${assignment.maxScore}, this assignment's maximum.`, { field: "score" });
  }
  const enrolled = await db().enrollment.findUnique({ where: { courseId_userId: { courseId, userId: input.userId } } });
  if (enrolled?.role !== "STUDENT") throw new ApiError(400, "That user is not a student of this course.", { field: "userId" });
  const before = (await gradeStudents([assignment], [input.userId])).get(input.userId)!.get(assignment.id)!;
  return db().$transaction(async (tx) => {
    const override = await tx.gradeOverride.create({ data: { ...input, authorId: actorId } });
    await recordAudit(tx, {
      actorId,
      courseId,
      action: "grade.override",
      details: { overrideId: override.id, assignmentId: input.assignmentId, userId: input.userId, score: input.score, previousScore: before.score, comment: input.comment },
    });
    return override;
  });
}
