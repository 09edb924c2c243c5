import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb, type Db } from "@/lib/db";
import { ApiError } from "@/lib/http/api-error";
import { importRoster } from "@/lib/courses/import-roster";
import { STUDENT_ID_CONFLICT } from "@/lib/courses/plan-roster-import";
import { previewRosterImport } from "@/lib/courses/preview-roster-import";
import { createTestDatabase, postgresAvailable, type Provider } from "../helpers/test-database";

const hasPostgres = await postgresAvailable();

for (const provider of ["sqlite", "postgresql"] as Provider[]) {
  describe.skipIf(provider === "postgresql" && !hasPostgres)(`roster import on ${provider}`, () => {
    let db: Db;
    let drop: () => Promise<void>;
    let courseId: string;
    let teacherId: string;

    beforeAll(async () => {
      ({ db, drop } = await createTestDatabase(provider));
      setDb(db);
      courseId = (await db.course.create({ data: { code: "R1", title: "Roster", joinCode: "ROST-0001" } })).id;
      teacherId = (await db.user.create({ data: { email: "teacher@example.com", name: "Teacher", role: "INSTRUCTOR" } })).id;
      await db.enrollment.create({ data: { courseId, userId: teacherId, role: "INSTRUCTOR" } });
      await db.user.create({ data: { email: "existing@example.com", name: "Existing", studentId: null } });
      const enrolled = await db.user.create({ data: { email: "enrolled@example.com", name: "Enrolled", studentId: "S-1" } });
      await db.enrollment.create({ data: { courseId, userId: enrolled.id } });
      await db.user.create({ data: { email: "owner@example.com", name: "Owner", studentId: "S-TAKEN" } });
    }, 120_000);
    afterAll(async () => drop());

    const good = "email,name,student id\nnew1@example.com,New One,S-10\nEXISTING@example.com,Existing,S-11\nenrolled@example.com,Enrolled,S-1\n";

    it("previews row by row without writing anything", async () => {
      const users = await db.user.count();
      const preview = await previewRosterImport(courseId, good + "new2@example.com,\"Doe, Jane\",\n");
      expect(preview.error).toBeNull();
      expect(preview.rows.map((r) => [r.line, r.email, r.action])).toEqual([
        [2, "new1@example.com", "add"],
        [3, "existing@example.com", "add"],
        [4, "enrolled@example.com", "skip"],
        [5, "new2@example.com", "add"],
      ]);
      expect(preview.rows[3].name).toBe("Doe, Jane");
      expect(preview.counts).toEqual({ add: 3, skip: 1, invalid: 0 });
      expect(await db.user.count()).toBe(users);
    });

    it("does not tell the instructor whether an email has an account elsewhere, its id, or who owns a student id (issue 14)", async () => {
      // existing@ has an account (in no course of this instructor's); fresh@ has none; owner@ holds S-TAKEN.
      const preview = await previewRosterImport(courseId, "email,name,student id\nexisting@example.com,A,\nfresh@example.com,B,\nnew9@example.com,C,S-TAKEN\nowner@example.com,D,S-NEW\n");
      const [existing, fresh, takenId, ownersOtherId] = preview.rows;
      const shape = (r: (typeof preview.rows)[number]) => ({ action: r.action, note: r.note, errors: r.errors, keys: Object.keys(r).sort() });
      expect(shape(existing)).toEqual(shape(fresh));
      expect(JSON.stringify(preview)).not.toMatch(/userId|owner@example\.com"?[^,]*S-TAKEN|S-TAKEN[^"]*owner/);
      // A taken id and an account's different id read the same, naming no email and no other id.
      expect(takenId.errors).toEqual([STUDENT_ID_CONFLICT]);
      expect(ownersOtherId.errors).toEqual([STUDENT_ID_CONFLICT]);
      expect(JSON.stringify([takenId.errors, ownersOtherId.errors])).not.toMatch(/owner@|S-TAKEN/);
      expect(preview.counts).toEqual({ add: 2, skip: 0, invalid: 2 });
    });

    it("reports per-row errors (format, duplicates, student ids owned by someone else) and imports nothing", async () => {
      const before = { users: await db.user.count(), enrollments: await db.enrollment.count() };
      const csv = good + "bad-email,Bad,\nnew3@example.com,Taken,S-TAKEN\nnew1@example.com,Again,\nenrolled@example.com,Enrolled,S-OTHER\n";
      const preview = await previewRosterImport(courseId, csv);
      expect(preview.counts.invalid).toBe(4);
      expect(preview.rows.filter((r) => r.errors.length).map((r) => [r.line, r.errors.join(" ")])).toEqual([
        [5, expect.stringMatching(/not a valid email/)],
        [6, STUDENT_ID_CONFLICT],
        [7, expect.stringMatching(/Duplicate of line 2/)],
        [8, expect.stringMatching(/Duplicate of line 4.*does not match our records/)],
      ]);
      const failure = await importRoster(teacherId, courseId, csv).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(ApiError);
      expect((failure as ApiError).status).toBe(400);
      expect((failure as ApiError).details?.rows).toHaveLength(4);
      expect({ users: await db.user.count(), enrollments: await db.enrollment.count() }).toEqual(before);
      expect(await db.auditLog.count({ where: { action: "roster.import" } })).toBe(0);
    });

    it("re-checks inside the transaction: a file that became invalid after its preview imports nothing", async () => {
      const csv = "email,name,student id\nfirst@example.com,First,S-20\nracer@example.com,Racer,S-21\n";
      expect((await previewRosterImport(courseId, csv)).counts).toMatchObject({ add: 2, invalid: 0 });
      // Between preview and import, racer@ signs up elsewhere with another student id.
      await db.user.create({ data: { email: "racer@example.com", name: "Racer", studentId: "S-RACE" } });
      const before = { users: await db.user.count(), enrollments: await db.enrollment.count() };
      await expect(importRoster(teacherId, courseId, csv)).rejects.toThrow(/1 row\(s\) have errors; nothing was imported/);
      expect(await db.user.findUnique({ where: { email: "first@example.com" } })).toBeNull();
      expect({ users: await db.user.count(), enrollments: await db.enrollment.count() }).toEqual(before);
    });

    it("imports all rows at once: new users without a password, existing ones enrolled, audit-logged", async () => {
      // Both cannot sign in yet (no password), so both are mailed an invitation (ADR 019).
      expect(await importRoster(teacherId, courseId, good)).toEqual({ add: 2, skip: 1, invalid: 0, invitations: { sent: 2, notSent: 0 } });
      const created = await db.user.findUniqueOrThrow({ where: { email: "new1@example.com" } });
      expect(created).toMatchObject({ name: "New One", studentId: "S-10", passwordHash: null, role: "STUDENT" });
      const existing = await db.user.findUniqueOrThrow({ where: { email: "existing@example.com" }, include: { enrollments: true } });
      expect(existing.studentId).toBe("S-11");
      expect(existing.enrollments).toEqual([expect.objectContaining({ courseId, role: "STUDENT" })]);
      expect(await db.auditLog.count({ where: { courseId, action: "roster.import", actorId: teacherId } })).toBe(1);
      // Importing the same file again changes nothing.
      expect(await importRoster(teacherId, courseId, good)).toEqual({ add: 0, skip: 3, invalid: 0, invitations: { sent: 0, notSent: 0 } });
    });
  });
}
