import type { Tx } from "../audit/record-audit";

/**
 * The course's owner: whoever created it (its "course.create" audit entry), else, for courses
 * made without one (seeds, imports), its earliest instructor enrolment. createCourse enrols
 * the creator in the same transaction as the course, so both answers agree.
 */
export async function courseOwner(tx: Tx, courseId: string): Promise<string | null> {
  const created = await tx.auditLog.findFirst({ where: { courseId, action: "course.create", actorId: { not: null } }, orderBy: { createdAt: "asc" }, select: { actorId: true } });
  if (created?.actorId) return created.actorId;
  const first = await tx.enrollment.findFirst({ where: { courseId, role: "INSTRUCTOR" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { userId: true } });
  return first?.userId ?? null;
}
