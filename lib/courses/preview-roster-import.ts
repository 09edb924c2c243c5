import { db } from "../db";
import type { Tx } from "../audit/record-audit";
import { parseRosterCsv, type RosterCsvRow } from "./parse-roster-csv";

export type RosterImportAction = "create" | "enroll" | "skip";
export type RosterPreviewRow = RosterCsvRow & { action: RosterImportAction | null; userId: string | null; note: string | null };
export type RosterPreview = { error: string | null; rows: RosterPreviewRow[]; counts: Record<RosterImportAction | "invalid", number> };

/**
 * What importing this CSV would do, row by row, without writing anything: create a new
 * account (no password: they sign in through OAuth or an invitation), enrol an existing
 * user, or skip someone already enrolled; rows with problems carry their errors and block
 * the whole import. Runs against `client` so the import can re-check inside its transaction.
 */
export async function previewRosterImport(courseId: string, csv: string, client: Tx = db()): Promise<RosterPreview> {
  const parsed = parseRosterCsv(csv);
  const counts = { create: 0, enroll: 0, skip: 0, invalid: 0 };
  if (parsed.error) return { error: parsed.error, rows: [], counts };
  const emails = parsed.rows.map((r) => r.email).filter(Boolean);
  const ids = parsed.rows.flatMap((r) => (r.studentId ? [r.studentId] : []));
  const [users, idOwners] = await Promise.all([
    client.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true, studentId: true, enrollments: { where: { courseId }, select: { role: true } } } }),
    client.user.findMany({ where: { studentId: { in: ids } }, select: { email: true, studentId: true } }),
  ]);
  const byEmail = new Map(users.map((u) => [u.email, u]));
  const ownerOf = new Map(idOwners.map((u) => [u.studentId, u.email]));
  const rows = parsed.rows.map((r): RosterPreviewRow => {
    const errors = [...r.errors];
    const user = byEmail.get(r.email);
    const owner = r.studentId ? ownerOf.get(r.studentId) : undefined;
    if (owner && owner !== r.email) errors.push(`Student id ${r.studentId} already belongs to ${owner}.`);
    if (user?.studentId && r.studentId && user.studentId !== r.studentId) errors.push(`This account already has student id ${user.studentId}.`);
    if (errors.length) {
      counts.invalid++;
      return { ...r, errors, action: null, userId: user?.id ?? null, note: null };
    }
    const enrolled = user?.enrollments[0];
    const action: RosterImportAction = !user ? "create" : enrolled ? "skip" : "enroll";
    counts[action]++;
    const note = action === "create" ? "New account without a password: signs in with OAuth or an invitation." : enrolled ? `Already enrolled (${enrolled.role.toLowerCase()}).` : null;
    return { ...r, errors, action, userId: user?.id ?? null, note };
  });
  return { error: null, rows, counts };
}
