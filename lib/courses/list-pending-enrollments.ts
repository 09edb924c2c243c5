import { db } from "../db";

/**
 * Roster rows waiting for their email to be proven (ADR 019), for the instructor's roster.
 * Shown as "invited", like a new account: the instructor is not told that the address
 * already has an unverified account.
 */
export function listPendingEnrollments(courseId: string) {
  return db().pendingEnrollment.findMany({ where: { courseId }, orderBy: { email: "asc" }, select: { id: true, email: true, studentId: true } });
}
