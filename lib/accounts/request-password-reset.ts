import { db } from "../db";
import { ApiError } from "../http/api-error";
import { consumeMailRateLimit } from "./mail-rate-limit";
import { sendAccountLink } from "./send-account-link";

/**
 * "Forgot password": mails a reset link if the address has an account, and answers the same
 * either way (no enumeration). The per-address limit is counted before the lookup, so a 429
 * says nothing about the account either. An account without a password (invited, never
 * accepted) may use it too: the link proves the mailbox all the same.
 */
export async function requestPasswordReset(rawEmail: string): Promise<void> {
  const email = rawEmail.trim().toLowerCase();
  const user = await db().user.findUnique({ where: { email }, select: { id: true, email: true, name: true, locale: true } });
  if (!user) {
    // Spend the address's allowance like a real send, so the 429 comes at the same count.
    const limit = await consumeMailRateLimit(email);
    if (!limit.allowed) throw tooMany(limit.retryAfterSeconds);
    return;
  }
  let result;
  try {
    result = await sendAccountLink(user, "RESET");
  } catch (error) {
    // A relay failure is logged for the operator; answering differently would reveal the account.
    console.error(`[mail] reset link to ${email} failed`, error);
    return;
  }
  if (!result.sent) throw tooMany(result.retryAfterSeconds);
}

function tooMany(retryAfterSeconds: number) {
  return new ApiError(429, `Too many emails to this address. Try again in ${retryAfterSeconds} s.`, { retryAfterSeconds });
}
