import { db } from "../db";
import { ApiError, notFoundError } from "../http/api-error";
import { recordAudit } from "../audit/record-audit";
import { courseOwner } from "./course-owner";

/**
 * Removes someone from a course. Their submissions and grades stay (they reappear if they
 * rejoin). An instructor cannot remove themselves, so a course always keeps its staff; and a
 * co-instructor cannot remove the course's owner (courseOwner): being added to help teach a
 * course must not be a way to take it over. Admins can.
 */
export async function removeEnrollment(actor: { id: string; role: string }, courseId: string, userId: string) {
  if (userId === actor.id) throw new ApiError(400, "You cannot remove yourself from the course.", { field: "userId" });
  return db().$transaction(async (tx) => {
    const enrollment = await tx.enrollment.findUnique({ where: { courseId_userId: { courseId, userId } }, include: { user: { select: { email: true } } } });
    if (!enrollment) throw notFoundError("Enrollment");
    if (actor.role !== "ADMIN" && (await courseOwner(tx, courseId)) === userId) throw new ApiError(403, "The course's owner can only be removed by an administrator.", { field: "userId" });
    await tx.enrollment.delete({ where: { id: enrollment.id } });
    await recordAudit(tx, { actorId: actor.id, courseId, action: "roster.remove", details: { userId, email: enrollment.user.email, role: enrollment.role } });
    return { removed: userId };
  });
}
