import { db } from "../db";
import { ApiError } from "../http/api-error";
import { recordAudit } from "../audit/record-audit";
import { planRosterImport } from "./plan-roster-import";
import { publicRosterPreview } from "./preview-roster-import";
import { sendInvitations } from "./send-invitations";

/**
 * Imports a roster CSV all or nothing: the plan is recomputed inside one transaction and
 * any invalid row aborts with a 400 listing the rows, before anything is written. New users
 * are created as students without a password; existing ones are enrolled; a student id is
 * recorded on an account that has none. An account made by sign-up whose email is not verified
 * is not enrolled: the row waits (PendingEnrollment) until the email is proven (ADR 019).
 * After the commit, everyone who cannot sign in yet gets an invitation link by email. What it answers and audits is the instructor's view
 * (publicRosterPreview): added, skipped, never which emails already had accounts.
 */
export async function importRoster(actorId: string, courseId: string, csv: string) {
  const { counts, invite } = await db().$transaction(
    async (tx) => {
      const plan = await planRosterImport(courseId, csv, tx);
      const preview = publicRosterPreview(plan);
      if (preview.error) throw new ApiError(400, preview.error);
      const invalid = preview.rows.filter((r) => r.errors.length > 0);
      if (invalid.length) {
        throw new ApiError(400, `${invalid.length} row(s) have errors; nothing was imported.`, { rows: invalid.map((r) => ({ line: r.line, email: r.email, errors: r.errors })) });
      }
      const invite: string[] = [];
      for (const row of plan.rows) {
        if (row.action === "skip") continue;
        if (row.action === "pending") {
          await tx.pendingEnrollment.create({ data: { courseId, email: row.email, studentId: row.studentId || null } });
          invite.push(row.email);
          continue;
        }
        const userId =
          row.action === "create"
            ? (await tx.user.create({ data: { email: row.email, name: row.name, studentId: row.studentId, role: "STUDENT" }, select: { id: true } })).id
            : row.userId!;
        if (row.action === "enroll" && row.studentId) await tx.user.updateMany({ where: { id: userId, studentId: null }, data: { studentId: row.studentId } });
        await tx.enrollment.create({ data: { courseId, userId, role: "STUDENT" } });
        invite.push(row.email);
      }
      await recordAudit(tx, { actorId, courseId, action: "roster.import", details: preview.counts });
      return { counts: preview.counts, invite };
    },
    // A few thousand inserts on a shared SQLite file can take longer than Prisma's 5 s default.
    { timeout: 60_000, maxWait: 10_000 },
  );
  // Mail goes out after the commit: a slow relay must not hold the transaction open, and a
  // failed send leaves the import in place (the instructor can resend from the roster).
  const invitations = await sendInvitations(courseId, invite);
  return { ...counts, invitations };
}
