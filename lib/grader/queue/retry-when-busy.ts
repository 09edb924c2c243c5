/** Prisma's code for a timed-out operation; the libsql adapter reports SQLITE_BUSY as this. */
const TIMED_OUT = "P1008";
const MAX_TRIES = 30;

function isBusy(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === TIMED_OUT;
}

/**
 * Runs a database write, retrying while the database is busy. SQLite allows one writer at
 * a time: when several processes (web app and graders) write the same file, the loser of
 * the lock gets SQLITE_BUSY at once, since the connection sets no busy timeout. Our
 * writes are short, so a jittered retry succeeds within milliseconds. PostgreSQL waits on
 * row locks itself and never gets here.
 */
export async function retryWhenBusy<T>(write: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await write();
    } catch (error) {
      if (!isBusy(error) || tries >= MAX_TRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(5 * tries, 100) + Math.random() * 20));
    }
  }
}
