import { db } from "../db";
import type { Tx } from "../audit/record-audit";
import type { RosterCsvRow } from "./parse-roster-csv";
import { planRosterImport, type RosterPlan } from "./plan-roster-import";

/** What the instructor is told a row will do: join the course, or nothing (already in it). */
export type RosterPreviewAction = "add" | "skip";
export type RosterPreviewRow = RosterCsvRow & { action: RosterPreviewAction | null; note: string | null };
export type RosterPreview = { error: string | null; rows: RosterPreviewRow[]; counts: Record<RosterPreviewAction | "invalid", number> };

/**
 * The instructor's view of an import plan. It says nothing an instructor could not already
 * know: whether an email has an account elsewhere ("create" and "enroll" are both "add"), an
 * account's internal id, or who owns a student id (the plan's conflicts have one message).
 * Only this course's own members are told apart, as "already in this course".
 */
export function publicRosterPreview(plan: RosterPlan): RosterPreview {
  const counts = { add: 0, skip: 0, invalid: 0 };
  if (plan.error) return { error: plan.error, rows: [], counts };
  const rows = plan.rows.map(({ userId: _hidden, action, ...row }): RosterPreviewRow => {
    if (row.errors.length || action === null) {
      counts.invalid++;
      return { ...row, action: null, note: null };
    }
    const shown: RosterPreviewAction = action === "skip" ? "skip" : "add";
    counts[shown]++;
    return { ...row, action: shown, note: shown === "skip" ? "Already in this course." : null };
  });
  return { error: null, rows, counts };
}

/** What importing this CSV would do, row by row, as the instructor may see it; writes nothing. */
export async function previewRosterImport(courseId: string, csv: string, client: Tx = db()): Promise<RosterPreview> {
  return publicRosterPreview(await planRosterImport(courseId, csv, client));
}
