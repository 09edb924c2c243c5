import crypto from "node:crypto";
import type { Tx } from "../audit/record-audit";
import { db } from "../db";
import { ACCOUNT_TOKEN_TTL_HOURS, type AccountTokenKind } from "./account-token-kinds";
import { hashToken } from "./hash-token";

/**
 * Creates a link token for a user and returns it; only its hash is stored. Earlier unused
 * tokens of the same kind are spent at once, so only the newest link (the one just sent or
 * resent) works.
 */
export async function issueAccountToken(input: { userId: string; kind: AccountTokenKind; courseId?: string | null }, client: Tx = db(), now = new Date()): Promise<string> {
  const token = crypto.randomBytes(32).toString("base64url");
  await client.accountToken.updateMany({ where: { userId: input.userId, kind: input.kind, usedAt: null }, data: { usedAt: now } });
  await client.accountToken.create({
    data: {
      userId: input.userId,
      kind: input.kind,
      tokenHash: hashToken(token),
      courseId: input.courseId ?? null,
      expiresAt: new Date(now.getTime() + ACCOUNT_TOKEN_TTL_HOURS[input.kind] * 3600_000),
    },
  });
  return token;
}
