import { db } from "../db";
import { ApiError } from "../http/api-error";
import { recordAudit } from "../audit/record-audit";
import { planRosterImport } from "./plan-roster-import";
import { publicRosterPreview } from "./preview-roster-import";

/**
 * Imports a roster CSV all or nothing: the plan is recomputed inside one transaction and
 * any invalid row aborts with a 400 listing the rows, before anything is written. New users
 * are created as students without a password; existing ones are enrolled; a student id is
 * recorded on an account that has none. What it answers and audits is the instructor's view
 * (publicRosterPreview): added, skipped, never which emails already had accounts.
 */
export async function importRoster(actorId: string, courseId: string, csv: string) {
  return db().$transaction(
    async (tx) => {
      const plan = await planRosterImport(courseId, csv, tx);
      const preview = publicRosterPreview(plan);
      if (preview.error) throw new ApiError(400, preview.error);
      const invalid = preview.rows.filter((r) => r.errors.length > 0);
      if (invalid.length) {
        throw new ApiError(400, `${invalid.length} row(s) have errors; nothing was imported.`, { rows: invalid.map((r) => ({ line: r.line, email: r.email, errors: r.errors })) });
      }
      for (const row of plan.rows) {
        if (row.action === "skip") continue;
        const userId =
          row.action === "create"
            ? (await tx.user.create({ data: { email: row.email, name: row.name, studentId: row.studentId, role: "STUDENT" }, select: { id: true } })).id
            : row.userId!;
        if (row.action === "enroll" && row.studentId) await tx.user.updateMany({ where: { id: userId, studentId: null }, data: { studentId: row.studentId } });
        await tx.enrollment.create({ data: { courseId, userId, role: "STUDENT" } });
      }
      await recordAudit(tx, { actorId, courseId, action: "roster.import", details: preview.counts });
      return preview.counts;
    },
    // A few thousand inserts on a shared SQLite file can take longer than Prisma's 5 s default.
    { timeout: 60_000, maxWait: 10_000 },
  );
}
