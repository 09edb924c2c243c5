import { db } from "../db";
import { ApiError } from "../http/api-error";
import { hashPassword } from "../auth/password";
import { passwordProblem } from "../auth/password-strength";
import { applyPendingEnrollments } from "./apply-pending-enrollments";
import { claimAccountToken } from "./claim-account-token";
import { findAccountToken } from "./find-account-token";

/**
 * Accepts an invitation or a password reset: sets the password and, since the link reached
 * the mailbox, marks the email verified and applies the roster rows waiting for it. A weak
 * password is refused before the link is spent, so the student can try another.
 */
export async function setPasswordWithToken(token: string, password: string): Promise<{ email: string }> {
  const found = await findAccountToken(token, ["INVITE", "RESET"]);
  const problem = passwordProblem(password, found.user);
  if (problem) throw new ApiError(400, problem, { field: "password" });
  const passwordHash = await hashPassword(password);
  await db().$transaction(async (tx) => {
    await claimAccountToken(tx, found.id);
    const now = new Date();
    await tx.user.update({ where: { id: found.userId }, data: { passwordHash } });
    await tx.user.updateMany({ where: { id: found.userId, emailVerified: null }, data: { emailVerified: now } });
    // Any other outstanding invitation or reset link for this account is now stale.
    await tx.accountToken.updateMany({ where: { userId: found.userId, kind: { in: ["INVITE", "RESET"] }, usedAt: null }, data: { usedAt: now } });
    await applyPendingEnrollments(tx, found.user);
  });
  return { email: found.user.email };
}
