import { db } from "../db";
import { sendAccountLink } from "../accounts/send-account-link";

/**
 * Mails an invitation (a set-password link) to each of these emails that cannot sign in yet:
 * an account without a password and without a proven email, or with a roster row waiting for
 * its proof. Others (existing users who already sign in) are simply enrolled and need no link.
 * Answers how many were sent and how many were not (address over its hourly limit, or the
 * relay failed); those can be resent from the roster.
 */
export async function sendInvitations(courseId: string, emails: string[]): Promise<{ sent: number; notSent: number }> {
  if (!emails.length) return { sent: 0, notSent: 0 };
  const course = await db().course.findUniqueOrThrow({ where: { id: courseId }, select: { id: true, title: true } });
  const [users, pending] = await Promise.all([
    db().user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true, name: true, locale: true, passwordHash: true, emailVerified: true } }),
    db().pendingEnrollment.findMany({ where: { courseId, email: { in: emails } }, select: { email: true } }),
  ]);
  const waiting = new Set(pending.map((p) => p.email));
  let sent = 0;
  let notSent = 0;
  for (const user of users) {
    const needsLink = waiting.has(user.email) || (!user.passwordHash && !user.emailVerified);
    if (!needsLink) continue;
    try {
      if ((await sendAccountLink(user, "INVITE", course)).sent) sent++;
      else notSent++;
    } catch (error) {
      console.error(`[mail] invitation to ${user.email} failed`, error);
      notSent++;
    }
  }
  return { sent, notSent };
}
