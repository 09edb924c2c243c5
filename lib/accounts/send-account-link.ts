import { db } from "../db";
import { env } from "../env";
import { isLang } from "../i18n/messages";
import { accountMailText } from "../mail/account-mail-text";
import { sendMail } from "../mail/send-mail";
import { ACCOUNT_TOKEN_TTL_HOURS, accountLinkPath, type AccountTokenKind } from "./account-token-kinds";
import { issueAccountToken } from "./issue-account-token";
import { consumeMailRateLimit } from "./mail-rate-limit";

export type LinkRecipient = { id: string; email: string; name: string; locale: string };
export type SendLinkResult = { sent: true } | { sent: false; retryAfterSeconds: number };

/**
 * Issues a fresh single-use link of `kind` for the user and mails it, unless the address has
 * had its hourly share of account emails: then nothing is issued and the caller decides what
 * to say (a 429 to an instructor or to the reset form, silence at sign-up).
 */
export async function sendAccountLink(user: LinkRecipient, kind: AccountTokenKind, course?: { id: string; title: string }): Promise<SendLinkResult> {
  const limit = await consumeMailRateLimit(user.email);
  if (!limit.allowed) return { sent: false, retryAfterSeconds: limit.retryAfterSeconds };
  const token = await issueAccountToken({ userId: user.id, kind, courseId: course?.id }, db());
  const url = new URL(accountLinkPath(kind, token), env().AUTH_URL).toString();
  const lang = isLang(user.locale) ? user.locale : "ko";
  const { subject, text } = accountMailText(kind, lang, { name: user.name, url, courseTitle: course?.title, hours: ACCOUNT_TOKEN_TTL_HOURS[kind] });
  await sendMail({ to: user.email, subject, text, courseId: kind === "INVITE" ? course?.id : null });
  return { sent: true };
}
