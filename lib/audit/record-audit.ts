import type { Db } from "../db";

/** Prisma's transaction client: the same models as Db without the connection methods. */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/**
 * Appends an entry to the course's audit log. Call it inside the transaction of the change
 * it records, so the log and the change are written together or not at all.
 */
export async function recordAudit(tx: Tx, entry: { actorId: string; courseId: string; action: string; details: Record<string, unknown> }): Promise<void> {
  await tx.auditLog.create({ data: { actorId: entry.actorId, courseId: entry.courseId, action: entry.action, details: JSON.stringify(entry.details) } });
}
