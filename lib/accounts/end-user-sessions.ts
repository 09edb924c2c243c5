import { db } from "../db";
import { revokeSessions } from "../auth/sessions";
import { notFoundError } from "../http/api-error";

/**
 * An administrator ends every session of an account (a stolen laptop, a departed TA): the
 * account's tokens stop working on their next request (ADR 020). Recorded in the audit log,
 * outside any course, in the same transaction.
 */
export async function endUserSessions(actor: { id: string }, userId: string) {
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
    if (!user) throw notFoundError("User");
    await revokeSessions(user.id, tx);
    await tx.auditLog.create({ data: { actorId: actor.id, action: "sessions.revoke", details: JSON.stringify({ userId: user.id, email: user.email }) } });
    return { revoked: user.id };
  });
}
