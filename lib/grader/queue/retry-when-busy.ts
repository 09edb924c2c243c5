/** Prisma's code for a timed-out operation; the libsql adapter reports SQLITE_BUSY as this. */
const TIMED_OUT = "P1008";
const MAX_TRIES = 30;

function isBusy(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === TIMED_OUT;
}

/**
 * Runs a database write, retrying while the database is busy. SQLite allows one writer at
 * a time. The connection's busy timeout (lib/db.ts) makes a plain write wait for the lock,
 * but a transaction that read first and then wants to write cannot wait: when another
 * process wrote in between, SQLite answers SQLITE_BUSY at once (waiting could deadlock).
 * completeSubmission is such a transaction, and a statement can still outlast the timeout
 * in a rush. Our writes are short, so a jittered retry succeeds within milliseconds.
 * PostgreSQL waits on row locks itself and never gets here.
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
