import { db } from "../db";
import { ApiError } from "../http/api-error";
import { recordAudit } from "../audit/record-audit";
import { getCourseAssignment } from "./get-course-assignment";

/**
 * Takes back a student's extension: the assignment's own dates apply to them again, and the
 * grade book re-evaluates their late penalties (effectiveLateness never makes a submission
 * worse than what the student was told when submitting). The audit entry keeps the dates
 * that were revoked.
 */
export async function revokeExtension(actorId: string, courseId: string, assignmentId: string, userId: string) {
  await getCourseAssignment(courseId, assignmentId);
  return db().$transaction(async (tx) => {
    const extension = await tx.extension.findUnique({ where: { assignmentId_userId: { assignmentId, userId } } });
    if (!extension) throw new ApiError(404, "This student has no extension on this assignment.");
    await tx.extension.delete({ where: { id: extension.id } });
    await recordAudit(tx, { actorId, courseId, action: "assignment.extension.revoke", details: { assignmentId, userId, dueAt: extension.dueAt, lateUntil: extension.lateUntil } });
    return { revoked: userId };
  });
}
