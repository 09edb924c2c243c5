import { db } from "../db";
import { env } from "../env";
import { ApiError } from "../http/api-error";
import { hashPassword } from "../auth/password";
import { passwordProblem } from "../auth/password-strength";
import { isLang } from "../i18n/messages";
import { accountMailText } from "../mail/account-mail-text";
import { sendMail } from "../mail/send-mail";
import { consumeMailRateLimit } from "./mail-rate-limit";
import { sendAccountLink } from "./send-account-link";

export type SignUpInput = { name: string; email: string; password: string; joinCode: string; locale?: string };

/** The one answer to every accepted sign-up, whether or not the email was free (ADR 019). */
export const SIGN_UP_ACCEPTED = { status: "accepted", message: "Check your email to confirm your address." } as const;

/**
 * Creates a student and enrols them in the course of the join code, in one transaction, and
 * mails a verification link: until the address is verified, no roster import links the
 * account to a course (the join code is proof enough for its own course).
 *
 * A taken email gets the same answer, after the same bcrypt work, and its owner gets a "you
 * already have an account" email instead: the form never tells a stranger which addresses
 * have accounts. A wrong join code is still a 400: it says nothing about the email.
 */
export async function signUpStudent(input: SignUpInput): Promise<typeof SIGN_UP_ACCEPTED> {
  const email = input.email.trim().toLowerCase();
  const name = input.name.trim();
  const joinCode = input.joinCode.trim().toUpperCase();
  const course = await db().course.findUnique({ where: { joinCode } });
  if (!course) throw new ApiError(400, "That join code does not match any course.", { field: "joinCode" });
  const problem = passwordProblem(input.password, { email, name });
  if (problem) throw new ApiError(400, problem, { field: "password" });
  const passwordHash = await hashPassword(input.password);
  const locale = isLang(input.locale) ? input.locale : "ko";
  const existing = await db().user.findUnique({ where: { email }, select: { locale: true } });
  if (existing) {
    await tellOwnerTheyHaveAnAccount(email, existing.locale);
    return SIGN_UP_ACCEPTED;
  }
  let user;
  try {
    user = await db().$transaction(async (tx) => {
      const created = await tx.user.create({ data: { email, name, passwordHash, role: "STUDENT", locale } });
      await tx.enrollment.create({ data: { courseId: course.id, userId: created.id, role: "STUDENT" } });
      return created;
    });
  } catch (error) {
    // Two sign-ups racing for one email: the unique index decides; the loser is told like any taken email.
    if ((error as { code?: string }).code !== "P2002") throw error;
    await tellOwnerTheyHaveAnAccount(email, locale);
    return SIGN_UP_ACCEPTED;
  }
  await sendAccountLink(user, "VERIFY").catch((e: unknown) => console.error("[signup] verification email failed", e));
  return SIGN_UP_ACCEPTED;
}

async function tellOwnerTheyHaveAnAccount(email: string, locale: string) {
  // Silently dropped past the per-address limit: a 429 here would mark the address as taken.
  if (!(await consumeMailRateLimit(email)).allowed) return;
  const url = new URL("/forgot-password", env().AUTH_URL).toString();
  const { subject, text } = accountMailText("ALREADY_REGISTERED", isLang(locale) ? locale : "ko", { name: "", url, hours: 0 });
  await sendMail({ to: email, subject, text }).catch((e: unknown) => console.error("[signup] notice email failed", e));
}
