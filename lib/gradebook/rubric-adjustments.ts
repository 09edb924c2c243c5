import { db } from "../db";

/**
 * The rubric points applied to each submission in scope (submissionId → sum), for the final
 * grade (ADR 023). Archived items still count on the submissions they were applied to: an
 * archived item is only no longer offered for new marks.
 */
export async function rubricAdjustments(where: { assignmentId?: { in: string[] }; userId?: string | { in: string[] }; assignment?: { courseId: string } }): Promise<Map<string, number>> {
  const marks = await db().rubricMark.findMany({ where: { submission: where }, select: { submissionId: true, item: { select: { points: true } } } });
  const out = new Map<string, number>();
  for (const m of marks) out.set(m.submissionId, (out.get(m.submissionId) ?? 0) + m.item.points);
  return out;
}

/** Rows with their rubric adjustment attached, as finalGrade reads it. */
export function withAdjustments<T extends { id: string }>(rows: readonly T[], adjustments: Map<string, number>): Array<T & { adjustment: number }> {
  return rows.map((r) => ({ ...r, adjustment: adjustments.get(r.id) ?? 0 }));
}
