import { db } from "../db";
import { applyPendingEnrollments } from "./apply-pending-enrollments";
import { claimAccountToken } from "./claim-account-token";
import { findAccountToken } from "./find-account-token";

/** Marks the email of a signed-up account as proven and enrols it where a roster was waiting for it. */
export async function verifyEmailWithToken(token: string): Promise<{ email: string; coursesJoined: number }> {
  const found = await findAccountToken(token, ["VERIFY"]);
  const coursesJoined = await db().$transaction(async (tx) => {
    await claimAccountToken(tx, found.id);
    await tx.user.updateMany({ where: { id: found.userId, emailVerified: null }, data: { emailVerified: new Date() } });
    return applyPendingEnrollments(tx, found.user);
  });
  return { email: found.user.email, coursesJoined };
}
