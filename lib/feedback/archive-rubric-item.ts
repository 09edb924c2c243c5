import { db } from "../db";
import { notFoundError } from "../http/api-error";
import { recordAudit } from "../audit/record-audit";

/** Stops offering a rubric item; submissions it was applied to keep it (and its points). */
export async function archiveRubricItem(actorId: string, courseId: string, assignmentId: string, itemId: string) {
  const item = await db().rubricItem.findFirst({ where: { id: itemId, assignmentId, assignment: { courseId } } });
  if (!item) throw notFoundError("Rubric item");
  await db().$transaction(async (tx) => {
    await tx.rubricItem.update({ where: { id: itemId }, data: { archived: true } });
    await recordAudit(tx, { actorId, courseId, action: "rubric.item.archive", details: { itemId, assignmentId: item.assignmentId } });
  });
  return { id: itemId };
}
