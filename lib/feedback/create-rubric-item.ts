import { db } from "../db";
import { ApiError, notFoundError } from "../http/api-error";
import { recordAudit } from "../audit/record-audit";

/**
 * A reusable rubric item of one of the course's exercise assignments: a title and points
 * (negative takes points off). Points are limited to ± the exercise's maximum; the grade
 * clamps totals to 0..maximum anyway (ADR 023).
 */
export async function createRubricItem(actorId: string, courseId: string, input: { assignmentId: string; title: string; points: number }) {
  const assignment = await db().assignment.findFirst({ where: { id: input.assignmentId, courseId }, select: { kind: true, exercise: { select: { maxScore: true } } } });
  if (!assignment) throw notFoundError("Assignment");
  if (assignment.kind !== "EXERCISE" || !assignment.exercise) throw new ApiError(400, "Rubric items apply to exercise assignments.", { field: "assignmentId" });
  const max = assignment.exercise.maxScore;
  if (input.points === 0 || Math.abs(input.points) > max) throw new ApiError(400, `Points must be non-zero and within ±${max}.`, { field: "points" });
  return db().$transaction(async (tx) => {
    const item = await tx.rubricItem.create({ data: { ...input, createdById: actorId } });
    await recordAudit(tx, { actorId, courseId, action: "rubric.item.create", details: { itemId: item.id, ...input } });
    return item;
  });
}
