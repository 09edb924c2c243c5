import { db } from "../db";
import { ApiError } from "../http/api-error";
import type { AccountTokenKind } from "./account-token-kinds";
import { hashToken } from "./hash-token";

/** One message for a link that never existed, expired, or was used: which of them is nobody's business. */
export const INVALID_LINK = "This link is invalid, has expired, or was already used. Ask for a new one.";

/**
 * The usable token behind a link, with its user, or a 400. Looked up by hash: the link's
 * token itself is never stored. Reading does not spend it (claimAccountToken does).
 */
export async function findAccountToken(token: string, kinds: AccountTokenKind[], now = new Date()) {
  const found = await db().accountToken.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: { select: { id: true, email: true, name: true, studentId: true } } },
  });
  if (!found || !kinds.includes(found.kind as AccountTokenKind) || found.usedAt || found.expiresAt <= now) throw new ApiError(400, INVALID_LINK, { field: "token" });
  return found;
}
