import { db } from "../db";
import { ApiError, notFoundError } from "../http/api-error";
import { recordAudit } from "../audit/record-audit";

/**
 * Removes someone from a course. Their submissions and grades stay (they reappear if they
 * rejoin). An instructor cannot remove themselves, so a course always keeps its staff.
 */
export async function removeEnrollment(actorId: string, courseId: string, userId: string) {
  if (userId === actorId) throw new ApiError(400, "You cannot remove yourself from the course.", { field: "userId" });
  return db().$transaction(async (tx) => {
    const enrollment = await tx.enrollment.findUnique({ where: { courseId_userId: { courseId, userId } }, include: { user: { select: { email: true } } } });
    if (!enrollment) throw notFoundError("Enrollment");
    await tx.enrollment.delete({ where: { id: enrollment.id } });
    await recordAudit(tx, { actorId, courseId, action: "roster.remove", details: { userId, email: enrollment.user.email, role: enrollment.role } });
    return { removed: userId };
  });
}
