import { db } from "../db";
import type { Tx } from "../audit/record-audit";
import { parseRosterCsv, type RosterCsvRow } from "./parse-roster-csv";

/** pending: the email has an unverified account made by sign-up; it joins once the email is proven (ADR 019). */
export type RosterImportAction = "create" | "enroll" | "pending" | "skip";
export type RosterPlanRow = RosterCsvRow & { action: RosterImportAction | null; userId: string | null };
export type RosterPlan = { error: string | null; rows: RosterPlanRow[] };

/**
 * One message for every student-id conflict, whoever holds the id: the instructor learns that
 * the row cannot be imported as written, never which email owns an id or what id an account
 * elsewhere has (issue 14).
 */
export const STUDENT_ID_CONFLICT = "This student id does not match our records for this email: check it, or leave it empty.";

/**
 * What importing this CSV would do, row by row, without writing anything: create a new
 * account (no password), enrol an existing user, or skip someone already enrolled; rows with
 * problems carry their errors and block the whole import. Internal to the import: it knows
 * which emails have accounts, which the instructor must not (see previewRosterImport). Runs
 * against `client` so the import can re-check inside its transaction.
 */
/**
 * Whether enrolling this account by its email is safe: its email was proven, or nobody can sign
 * in to it yet (no password, no OAuth identity: an account made by a roster import, which only
 * its invitation link, i.e. the mailbox, can open). A signed-up account with an unproven email
 * may belong to someone who typed another person's address.
 */
function ownsEmail(user: { passwordHash: string | null; emailVerified: Date | null; _count: { accounts: number } }): boolean {
  return user.emailVerified !== null || (user.passwordHash === null && user._count.accounts === 0);
}

export async function planRosterImport(courseId: string, csv: string, client: Tx = db()): Promise<RosterPlan> {
  const parsed = parseRosterCsv(csv);
  if (parsed.error) return { error: parsed.error, rows: [] };
  const emails = parsed.rows.map((r) => r.email).filter(Boolean);
  const ids = parsed.rows.flatMap((r) => (r.studentId ? [r.studentId] : []));
  const [users, idOwners, pending] = await Promise.all([
    client.user.findMany({
      where: { email: { in: emails } },
      select: { id: true, email: true, studentId: true, passwordHash: true, emailVerified: true, _count: { select: { accounts: true } }, enrollments: { where: { courseId }, select: { role: true } } },
    }),
    client.user.findMany({ where: { studentId: { in: ids } }, select: { email: true, studentId: true } }),
    client.pendingEnrollment.findMany({ where: { courseId, email: { in: emails } }, select: { email: true } }),
  ]);
  const alreadyPending = new Set(pending.map((p) => p.email));
  const byEmail = new Map(users.map((u) => [u.email, u]));
  const ownerOf = new Map(idOwners.map((u) => [u.studentId, u.email]));
  const rows = parsed.rows.map((r): RosterPlanRow => {
    const errors = [...r.errors];
    const user = byEmail.get(r.email);
    const owner = r.studentId ? ownerOf.get(r.studentId) : undefined;
    const conflict = (owner && owner !== r.email) || (user?.studentId && r.studentId && user.studentId !== r.studentId);
    if (conflict) errors.push(STUDENT_ID_CONFLICT);
    if (errors.length) return { ...r, errors, action: null, userId: user?.id ?? null };
    const action: RosterImportAction = !user ? "create" : user.enrollments[0] || alreadyPending.has(r.email) ? "skip" : ownsEmail(user) ? "enroll" : "pending";
    return { ...r, errors, action, userId: user?.id ?? null };
  });
  return { error: null, rows };
}
