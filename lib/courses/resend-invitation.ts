import { db } from "../db";
import { ApiError } from "../http/api-error";
import { recordAudit } from "../audit/record-audit";
import { sendAccountLink } from "../accounts/send-account-link";

/**
 * Sends a fresh invitation to a student of this course who cannot sign in yet (enrolled
 * without a password and unverified, or waiting on a pending roster row). The new link
 * replaces the earlier one. Anyone else is a 400: an active account needs no invitation, and
 * the route must not become a way to mail arbitrary addresses.
 */
export async function resendInvitation(actorId: string, courseId: string, rawEmail: string): Promise<void> {
  const email = rawEmail.trim().toLowerCase();
  const [course, enrolled, pending] = await Promise.all([
    db().course.findUniqueOrThrow({ where: { id: courseId }, select: { id: true, title: true } }),
    db().enrollment.findFirst({ where: { courseId, role: "STUDENT", user: { email } }, select: { user: { select: { id: true, email: true, name: true, locale: true, passwordHash: true, emailVerified: true } } } }),
    db().pendingEnrollment.findUnique({ where: { courseId_email: { courseId, email } } }),
  ]);
  const user = pending ? await db().user.findUnique({ where: { email }, select: { id: true, email: true, name: true, locale: true } }) : enrolled && !enrolled.user.passwordHash && !enrolled.user.emailVerified ? enrolled.user : null;
  if (!user) throw new ApiError(400, "Only a student of this course who has not set a password yet can be sent an invitation.", { field: "email" });
  const result = await sendAccountLink(user, "INVITE", course).catch((error: unknown) => {
    console.error(`[mail] invitation to ${email} failed`, error);
    throw new ApiError(502, "The mail server did not accept the invitation. Try again later.");
  });
  if (!result.sent) {
    throw new ApiError(429, `Too many emails to this address. Try again in ${result.retryAfterSeconds} s.`, { retryAfterSeconds: result.retryAfterSeconds });
  }
  await db().$transaction((tx) => recordAudit(tx, { actorId, courseId, action: "roster.invite", details: { email } }));
}
