import { db } from "../db";
import { ApiError } from "../http/api-error";
import { recordAudit } from "../audit/record-audit";
import { getCourseAssignment } from "./get-course-assignment";

/**
 * Gives one student of the course their own due date (and late window) for an assignment,
 * replacing any earlier extension. Without a late-until of its own, the assignment's late
 * window keeps its length after the new due date (effectiveDeadlines); `lateUntil = dueAt`
 * closes submissions at the extended due date. The grade book re-evaluates their late
 * penalties with it; revokeExtension takes it back.
 */
export async function grantExtension(actorId: string, courseId: string, assignmentId: string, input: { userId: string; dueAt: Date; lateUntil: Date | null }) {
  const assignment = await getCourseAssignment(courseId, assignmentId);
  if (input.lateUntil && input.lateUntil < input.dueAt) throw new ApiError(400, "The late window must not end before the extended due date.", { field: "lateUntil" });
  if (input.dueAt < assignment.dueAt) throw new ApiError(400, "An extension must not be earlier than the assignment's due date.", { field: "dueAt" });
  const enrolled = await db().enrollment.findUnique({ where: { courseId_userId: { courseId, userId: input.userId } } });
  if (enrolled?.role !== "STUDENT") throw new ApiError(400, "That user is not a student of this course.", { field: "userId" });
  return db().$transaction(async (tx) => {
    const data = { dueAt: input.dueAt, lateUntil: input.lateUntil };
    const extension = await tx.extension.upsert({
      where: { assignmentId_userId: { assignmentId, userId: input.userId } },
      update: data,
      create: { assignmentId, userId: input.userId, ...data },
    });
    await recordAudit(tx, { actorId, courseId, action: "assignment.extension", details: { assignmentId, userId: input.userId, ...data } });
    return extension;
  });
}
