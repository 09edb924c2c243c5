import type { Tx } from "../audit/record-audit";

/**
 * Enrols a user whose email was just proven in every course whose roster listed that email
 * while the account was unverified (ADR 019), recording the roster's student id on an account
 * that has none. Runs inside the transaction that marks the email verified.
 */
export async function applyPendingEnrollments(tx: Tx, user: { id: string; email: string; studentId: string | null }): Promise<number> {
  const pending = await tx.pendingEnrollment.findMany({ where: { email: user.email }, orderBy: { createdAt: "asc" } });
  for (const p of pending) {
    await tx.enrollment.upsert({ where: { courseId_userId: { courseId: p.courseId, userId: user.id } }, update: {}, create: { courseId: p.courseId, userId: user.id, role: "STUDENT" } });
    if (p.studentId) await tx.user.updateMany({ where: { id: user.id, studentId: null }, data: { studentId: p.studentId } });
  }
  await tx.pendingEnrollment.deleteMany({ where: { email: user.email } });
  return pending.length;
}
