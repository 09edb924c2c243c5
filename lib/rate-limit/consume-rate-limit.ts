import type { Db } from "../db";
import { ApiError } from "../http/api-error";

export type RateLimitResult = { allowed: boolean; remaining: number; retryAfterSeconds: number };

/**
 * Fixed-window counter in the database, so every web process shares it (ADR 012). The window
 * start is part of the key: incrementing is a single atomic upsert. Opening a new window
 * deletes the name's earlier windows, so the table keeps about one row per active name.
 */
export async function consumeRateLimit(db: Db, name: string, limit: number, windowMs: number, now = new Date()): Promise<RateLimitResult> {
  const windowStart = Math.floor(now.getTime() / windowMs) * windowMs;
  const key = `${name}:${windowStart}`;
  let count: number;
  try {
    ({ count } = await db.rateLimit.upsert({
      where: { key },
      create: { key, windowStart: new Date(windowStart), count: 1 },
      update: { count: { increment: 1 } },
      select: { count: true },
    }));
  } catch (error) {
    // Two first requests raced to create the row: the loser increments the winner's.
    if ((error as { code?: string }).code !== "P2002") throw error;
    ({ count } = await db.rateLimit.update({ where: { key }, data: { count: { increment: 1 } }, select: { count: true } }));
  }
  if (count === 1) {
    // Names never prefix one another (they end in a user id), so this prefix is the name's alone.
    await db.rateLimit.deleteMany({ where: { key: { startsWith: `${name}:` }, windowStart: { lt: new Date(windowStart) } } });
  }
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart + windowMs - now.getTime()) / 1000));
  return { allowed: count <= limit, remaining: Math.max(0, limit - count), retryAfterSeconds };
}

/** Throws a 429 whose message says when to retry. */
export async function enforceRateLimit(db: Db, name: string, limit: number, windowMs: number, what: string): Promise<void> {
  const r = await consumeRateLimit(db, name, limit, windowMs);
  if (!r.allowed) {
    throw new ApiError(429, `Too many ${what}: at most ${limit} per ${Math.round(windowMs / 1000)} s. Try again in ${r.retryAfterSeconds} s.`, { retryAfterSeconds: r.retryAfterSeconds });
  }
}
