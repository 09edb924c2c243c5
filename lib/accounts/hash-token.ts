import crypto from "node:crypto";

/**
 * What is stored for a link token: its SHA-256. The token is 32 random bytes, so a plain hash
 * cannot be reversed by guessing, and a leaked table holds no usable link (ADR 019).
 */
export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}
