import { db } from "../db";

/** The extensions granted on an assignment, with whom they were granted to. */
export async function listExtensions(assignmentId: string) {
  return db().extension.findMany({ where: { assignmentId }, include: { user: { select: { name: true, email: true } } }, orderBy: { createdAt: "asc" } });
}
