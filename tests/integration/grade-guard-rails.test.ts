import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb, type Db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/current-user";
import { ApiError } from "@/lib/http/api-error";
import { grantExtension } from "@/lib/assignments/grant-extension";
import { revokeExtension } from "@/lib/assignments/revoke-extension";
import { studentLateness } from "@/lib/assignments/student-lateness";
import { addCoInstructor } from "@/lib/courses/add-co-instructor";
import { createCourse } from "@/lib/courses/create-course";
import { removeEnrollment } from "@/lib/courses/remove-enrollment";
import { getGradebook } from "@/lib/gradebook/get-gradebook";
import { getMyGrades } from "@/lib/gradebook/get-my-grades";
import { gradebookQuery } from "@/lib/gradebook/gradebook-query";
import { overrideGrade } from "@/lib/gradebook/override-grade";
import { removeOverride } from "@/lib/gradebook/remove-override";
import { getExerciseWorkspace } from "@/lib/workspace/get-exercise-workspace";
import { createTestDatabase, postgresAvailable, type Provider } from "../helpers/test-database";

const hasPostgres = await postgresAvailable();
const DAY = 24 * 3600 * 1000;
const HOUR = 3600 * 1000;

async function status(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (error) {
    if (error instanceof ApiError) return error.status;
    throw error;
  }
}

for (const provider of ["sqlite", "postgresql"] as Provider[]) {
  describe.skipIf(provider === "postgresql" && !hasPostgres)(`grades a student can trust, edits with guard rails, on ${provider}`, () => {
    let db: Db;
    let drop: () => Promise<void>;
    let courseId: string;
    let exerciseId: string;
    const users: Record<string, CurrentUser> = {};

    beforeAll(async () => {
      ({ db, drop } = await createTestDatabase(provider));
      setDb(db);
      exerciseId = (await db.exercise.create({ data: { slug: "fix-the-race", titleKo: "경쟁", titleEn: "Race", maxScore: 100, testsHash: "h" } })).id;
      for (const [name, role] of [
        ["owner", "INSTRUCTOR"],
        ["co", "INSTRUCTOR"],
        ["student", "STUDENT"],
        ["admin", "ADMIN"],
      ] as const) {
        const u = await db.user.create({ data: { email: `${name}-${provider}@example.com`, name, role } });
        users[name] = { id: u.id, role, name, email: u.email, locale: "en", studentId: null };
      }
      // The real way a course comes to be: its creator owns it, then adds a co-instructor.
      courseId = (await createCourse(users.owner.id, { code: `GR-${provider}`, title: "Guard rails", description: "" })).id;
      await addCoInstructor(users.owner.id, courseId, users.co.email);
      await db.enrollment.create({ data: { courseId, userId: users.student.id, role: "STUDENT" } });
    }, 120_000);
    afterAll(async () => drop());

    const assignment = (over: { dueAt: Date; lateUntil?: Date | null; latePenaltyPerDay?: number; attemptPolicy?: "BEST" | "LAST" }) =>
      db.assignment.create({
        data: { courseId, kind: "EXERCISE", exerciseId, title: "HW", opensAt: new Date(Date.now() - 20 * DAY), lateUntil: null, latePenaltyPerDay: 0, published: true, testVisibility: "VISIBLE", ...over },
      });

    it("the student's grades page, the workspace and the grade book agree: late penalty, counted attempt, then an override with its comment", async () => {
      const due = new Date(Date.now() - 2.5 * DAY);
      const a = await assignment({ dueAt: due, lateUntil: new Date(Date.now() + 2 * DAY), latePenaltyPerDay: 0.2, attemptPolicy: "BEST" });
      const onTime = await db.submission.create({ data: { userId: users.student.id, exerciseId, assignmentId: a.id, source: "//", status: "GRADED", score: 30, maxScore: 100, submittedAt: new Date(due.getTime() - HOUR) } });
      const late = await db.submission.create({
        data: { userId: users.student.id, exerciseId, assignmentId: a.id, source: "//", status: "GRADED", score: 100, maxScore: 100, late: true, latePenalty: 0.6, submittedAt: new Date(due.getTime() + 2.2 * DAY) },
      });
      const instructorCell = async () => (await getGradebook(courseId, gradebookQuery.parse({}))).rows.find((r) => r.id === users.student.id)!.cells[a.id];
      const mine = async () => (await getMyGrades(courseId, users.student.id)).find((g) => g.id === a.id)!;

      let grade = await mine();
      expect(grade.grade).toEqual(await instructorCell());
      expect(grade.grade).toMatchObject({ score: 40, rawScore: 100, late: true, countedAttemptId: late.id });
      expect(grade.attemptPolicy).toBe("BEST");
      expect(grade.attempts.find((x) => x.id === late.id)).toMatchObject({ counted: true, late: true, penalty: 0.6, countsFor: 40 });
      expect(grade.attempts.find((x) => x.id === onTime.id)).toMatchObject({ counted: false, late: false, countsFor: 30 });

      // The workspace tells the same grade, and what submitting now would cost (3 started days × 20 %).
      const workspace = await getExerciseWorkspace(users.student, "fix-the-race", "en", a.id);
      expect(workspace?.assignment).toMatchObject({ state: "late", latePreview: { penaltyPerDay: 0.2, daysLate: 3 } });
      expect(workspace?.assignment?.latePreview?.maxCounted).toBeCloseTo(40);
      expect(workspace?.assignment?.grade?.grade.score).toBe(40);

      await overrideGrade(users.co.id, courseId, { assignmentId: a.id, userId: users.student.id, score: 55, comment: "the lock was right, the test flaky" });
      grade = await mine();
      expect(grade.grade).toEqual(await instructorCell());
      expect(grade.grade).toMatchObject({ score: 55, overridden: true, overrideComment: "the lock was right, the test flaky" });
      expect(grade.override).toMatchObject({ score: 55, comment: "the lock was right, the test flaky", by: "co" });
      expect((await getExerciseWorkspace(users.student, "fix-the-race", "en", a.id))?.assignment?.grade?.grade.score).toBe(55);
      // Drafts are not the student's business.
      await db.assignment.update({ where: { id: a.id }, data: { published: false } });
      expect((await getMyGrades(courseId, users.student.id)).map((g) => g.id)).not.toContain(a.id);
      expect(await status(getMyGrades(courseId, users.co.id))).toBe(404);
    });

    it("checks an override's range, and removes it (audited, nothing lost) so the computed grade counts again", async () => {
      const a = await assignment({ dueAt: new Date(Date.now() - DAY) });
      await db.submission.create({ data: { userId: users.student.id, exerciseId, assignmentId: a.id, source: "//", status: "GRADED", score: 70, maxScore: 100, submittedAt: new Date(Date.now() - 2 * DAY) } });
      const input = { assignmentId: a.id, userId: users.student.id, comment: "typo" };
      expect(await status(overrideGrade(users.owner.id, courseId, { ...input, score: 550 }))).toBe(400);
      expect(await status(overrideGrade(users.owner.id, courseId, { ...input, score: 100.5 }))).toBe(400);
      expect(await status(overrideGrade(users.owner.id, courseId, { ...input, score: -1 }))).toBe(400);
      expect(await db.gradeOverride.count({ where: { assignmentId: a.id } })).toBe(0);
      await overrideGrade(users.owner.id, courseId, { ...input, score: 100, comment: "full marks" });
      await overrideGrade(users.owner.id, courseId, { ...input, score: 0, comment: "zero is allowed" });
      const cell = async () => (await getGradebook(courseId, gradebookQuery.parse({}))).rows.find((r) => r.id === users.student.id)!.cells[a.id];
      expect(await cell()).toMatchObject({ score: 0, overridden: true });

      expect(await removeOverride(users.co.id, courseId, { assignmentId: a.id, userId: users.student.id })).toEqual({ removed: 2 });
      expect(await cell()).toMatchObject({ score: 70, overridden: false, overrideComment: null });
      const audit = await db.auditLog.findFirstOrThrow({ where: { courseId, action: "grade.override.remove" } });
      expect(JSON.parse(audit.details)).toMatchObject({ previousScore: 0, removed: [{ score: 100, comment: "full marks" }, { score: 0, comment: "zero is allowed" }] });
      expect(audit.actorId).toBe(users.co.id);
      expect(await status(removeOverride(users.co.id, courseId, { assignmentId: a.id, userId: users.student.id }))).toBe(404);
    });

    it("revokes an extension (audited), and an extension without its own late-until keeps the assignment's late window", async () => {
      const due = new Date(Date.now() - 2 * DAY);
      const a = await assignment({ dueAt: due, lateUntil: new Date(due.getTime() + DAY), latePenaltyPerDay: 0.1 });
      expect((await studentLateness(db, a, users.student.id)).lateness.state).toBe("closed");
      // Extended to an hour ago, no late-until of its own: the class's one-day late window follows the new due date.
      const extendedDue = new Date(Date.now() - HOUR);
      await grantExtension(users.owner.id, courseId, a.id, { userId: users.student.id, dueAt: extendedDue, lateUntil: null });
      const extended = await studentLateness(db, a, users.student.id);
      expect(extended.lateness).toMatchObject({ state: "late", daysLate: 1, penalty: 0.1 });
      expect(extended.lateUntil?.getTime()).toBe(extendedDue.getTime() + DAY);

      await revokeExtension(users.co.id, courseId, a.id, users.student.id);
      expect((await studentLateness(db, a, users.student.id)).lateness.state).toBe("closed");
      expect(await db.extension.count({ where: { assignmentId: a.id } })).toBe(0);
      const audit = await db.auditLog.findFirstOrThrow({ where: { courseId, action: "assignment.extension.revoke" } });
      expect(JSON.parse(audit.details)).toMatchObject({ assignmentId: a.id, userId: users.student.id, lateUntil: null });
      expect(await status(revokeExtension(users.co.id, courseId, a.id, users.student.id))).toBe(404);
    });

    it("a co-instructor cannot remove the course's owner; the owner can remove a co-instructor; an admin can remove the owner", async () => {
      expect(await status(removeEnrollment(users.co, courseId, users.owner.id))).toBe(403);
      expect(await db.enrollment.count({ where: { courseId, userId: users.owner.id } })).toBe(1);
      expect(await removeEnrollment(users.owner, courseId, users.co.id)).toEqual({ removed: users.co.id });
      await addCoInstructor(users.owner.id, courseId, users.co.email);
      expect(await removeEnrollment(users.admin, courseId, users.owner.id)).toEqual({ removed: users.owner.id });
    });
  });
}
