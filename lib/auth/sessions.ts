import crypto from "node:crypto";
import { cache } from "react";
import { db, type Db } from "../db";
import { env } from "../env";

/**
 * Revocable JWT sessions (ADR 020). The token carries a stamp derived from the user's
 * `sessionVersion` and password hash; every request recomputes it from the database row it
 * already reads for the user, so raising the version or changing the password makes every
 * earlier token name nobody. No session table, no per-token denylist.
 */
type StampSource = { sessionVersion: number; passwordHash: string | null };

/**
 * Keyed with AUTH_SECRET so the token (which the browser holds, although next-auth encrypts
 * it) reveals nothing about the password hash, and truncated: it is an equality check.
 */
export function sessionStamp(user: StampSource): string {
  return crypto.createHmac("sha256", env().AUTH_SECRET).update(`session:${user.sessionVersion}:${user.passwordHash ?? ""}`).digest("base64url").slice(0, 22);
}

/** Ends every session of the user (sign-out, password change or reset, an admin's decision). Pass a transaction to make it part of one. */
export async function revokeSessions(userId: string, client: Pick<Db, "user"> = db()): Promise<void> {
  await client.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

const sessionUserSelect = { id: true, email: true, name: true, role: true, locale: true, studentId: true, sessionVersion: true, passwordHash: true } as const;

/**
 * The user row behind a session, read once per request (React `cache`): the jwt callback
 * checks the stamp with it and getCurrentUser returns it, so a page costs one query.
 */
export const loadSessionUser = cache(async (uid: string) => db().user.findUnique({ where: { id: uid }, select: sessionUserSelect }));
