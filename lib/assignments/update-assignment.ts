import { db } from "../db";
import { recordAudit } from "../audit/record-audit";
import { checkDeadlines, type AssignmentSettings } from "./assignment-input";
import { getCourseAssignment } from "./get-course-assignment";

/**
 * Changes an assignment's settings (publishing included). Its content (which exercise or
 * quiz) is fixed once created: submissions refer to it.
 */
export async function updateAssignment(actorId: string, courseId: string, assignmentId: string, changes: Partial<AssignmentSettings>) {
  const current = await getCourseAssignment(courseId, assignmentId);
  checkDeadlines({ ...current, ...changes });
  return db().$transaction(async (tx) => {
    const updated = await tx.assignment.update({ where: { id: assignmentId }, data: changes });
    await recordAudit(tx, { actorId, courseId, action: "assignment.update", details: { assignmentId, ...changes } });
    return updated;
  });
}
