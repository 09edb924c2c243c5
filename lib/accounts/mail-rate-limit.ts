import { consumeRateLimit, type RateLimitResult } from "../rate-limit/consume-rate-limit";
import { db } from "../db";

/** Account emails (invitations, resets, verifications) per address per hour. */
export const ACCOUNT_MAILS_PER_HOUR = 5;

/**
 * Counts one account email to this address. Counted per address whether or not it has an
 * account, so the limit itself tells nothing, and nobody can flood someone's inbox through the
 * reset form or the sign-up form. Emails contain no ':' so one name never prefixes another.
 */
export function consumeMailRateLimit(email: string, now = new Date()): Promise<RateLimitResult> {
  return consumeRateLimit(db(), `account-mail:${email.toLowerCase()}`, ACCOUNT_MAILS_PER_HOUR, 3600_000, now);
}
