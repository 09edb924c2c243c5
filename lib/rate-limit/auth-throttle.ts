import type { Db } from "../db";
import { env } from "../env";
import { ApiError } from "../http/api-error";

/**
 * Throttle for guessable secrets: passwords at sign-in, join codes at sign-up and when
 * joining a course (ADR 020). Unlike the fixed-window counters of ADR 012, which meter
 * legitimate use, this counts only failures, per key (an account, a client address), so
 * people who type the right thing are never slowed down, however many of them share an
 * address.
 *
 * The first half of a key's allowance is free; each failure after that makes the next
 * attempt wait twice as long (1 s, 2 s, 4 s, …); reaching the allowance locks the key for
 * the lock period. Failures are forgotten once the lock period has passed without one.
 */
export type ThrottlePolicy = { maxFailures: number; lockMs: number };
export type ThrottleSubject = { key: string; policy: ThrottlePolicy };

export function accountPolicy(): ThrottlePolicy {
  const e = env();
  return { maxFailures: e.THROTTLE_ACCOUNT_FAILURES, lockMs: e.THROTTLE_LOCK_MINUTES * 60_000 };
}

export function addressPolicy(): ThrottlePolicy {
  const e = env();
  return { maxFailures: e.THROTTLE_IP_FAILURES, lockMs: e.THROTTLE_LOCK_MINUTES * 60_000 };
}

/** How long a key must wait after its `failures`-th failure in a row. */
export function waitAfter(failures: number, policy: ThrottlePolicy): number {
  if (failures >= policy.maxFailures) return policy.lockMs;
  const free = Math.floor(policy.maxFailures / 2);
  if (failures <= free) return 0;
  return Math.min(1000 * 2 ** (failures - free - 1), policy.lockMs);
}

export class ThrottledError extends ApiError {
  constructor(
    what: string,
    readonly retryAt: Date,
    now: Date,
    lead = "",
  ) {
    const retryAfterSeconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
    super(429, `${lead ? `${lead} ` : ""}Too many failed ${what}. Try again in ${describeWait(retryAfterSeconds)} (at ${retryAt.toISOString().slice(11, 19)} UTC).`, {
      retryAfterSeconds,
      retryAt: retryAt.toISOString(),
    });
  }
}

export function describeWait(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

/** Throws ThrottledError while any of the subjects must still wait. */
export async function assertNotThrottled(db: Db, subjects: ThrottleSubject[], what: string, now = new Date()): Promise<void> {
  const blocked = await db.authThrottle.findMany({ where: { key: { in: subjects.map((s) => s.key) }, blockedUntil: { gt: now } }, select: { blockedUntil: true } });
  if (blocked.length === 0) return;
  const until = new Date(Math.max(...blocked.map((b) => b.blockedUntil.getTime())));
  throw new ThrottledError(what, until, now);
}

/**
 * Counts a failure against every subject; returns when the next attempt may be made
 * (`now` when no wait applies). Each statement is atomic on its own, so concurrent
 * failures are all counted; the wait only ever grows.
 */
export async function recordFailure(db: Db, subjects: ThrottleSubject[], now = new Date()): Promise<Date> {
  let latest = now;
  for (const { key, policy } of subjects) {
    await db.authThrottle.updateMany({ where: { key, lastFailureAt: { lt: new Date(now.getTime() - policy.lockMs) } }, data: { failures: 0 } });
    let failures: number;
    try {
      ({ failures } = await db.authThrottle.upsert({
        where: { key },
        create: { key, failures: 1, lastFailureAt: now, blockedUntil: now },
        update: { failures: { increment: 1 }, lastFailureAt: now },
        select: { failures: true },
      }));
    } catch (error) {
      // Two first failures raced to create the row: the loser increments the winner's.
      if ((error as { code?: string }).code !== "P2002") throw error;
      ({ failures } = await db.authThrottle.update({ where: { key }, data: { failures: { increment: 1 }, lastFailureAt: now }, select: { failures: true } }));
    }
    const blockedUntil = new Date(now.getTime() + waitAfter(failures, policy));
    await db.authThrottle.updateMany({ where: { key, blockedUntil: { lt: blockedUntil } }, data: { blockedUntil } });
    if (blockedUntil > latest) latest = blockedUntil;
  }
  return latest;
}

/**
 * Forgets an account's failures after it proved its secret. Address keys are not cleared:
 * otherwise guessing at someone else's account and signing in to one's own in between
 * would reset the address's count.
 */
export async function clearFailures(db: Db, keys: string[]): Promise<void> {
  await db.authThrottle.deleteMany({ where: { key: { in: keys } } });
}

/**
 * Runs an attempt under the throttle: refuses it while a subject must wait, counts it when
 * `failed` says it failed (or it throws an ApiError 400, e.g. a wrong join code), and, when
 * that failure starts a wait, answers with the wait instead so the client knows when to retry.
 */
export async function throttledAttempt<T>(
  db: Db,
  subjects: ThrottleSubject[],
  what: string,
  attempt: () => Promise<T>,
  options: { succeededKeys?: string[] } = {},
): Promise<T> {
  await assertNotThrottled(db, subjects, what);
  try {
    const result = await attempt();
    if (options.succeededKeys?.length) await clearFailures(db, options.succeededKeys);
    return result;
  } catch (error) {
    if (error instanceof ApiError && error.status === 400) {
      const now = new Date();
      const until = await recordFailure(db, subjects, now);
      if (until > now) throw new ThrottledError(what, until, now, error.message);
    }
    throw error;
  }
}
