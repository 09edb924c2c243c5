import type { Tx } from "../audit/record-audit";
import { ApiError } from "../http/api-error";
import { INVALID_LINK } from "./find-account-token";

/**
 * Spends a token inside the caller's transaction: one conditional update, so of two requests
 * racing with the same link exactly one wins and the other gets the 400.
 */
export async function claimAccountToken(tx: Tx, tokenId: string, now = new Date()): Promise<void> {
  const { count } = await tx.accountToken.updateMany({ where: { id: tokenId, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  if (count !== 1) throw new ApiError(400, INVALID_LINK, { field: "token" });
}
