import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb, type Db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/current-user";
import { ApiError } from "@/lib/http/api-error";
import { addLineComment } from "@/lib/feedback/add-line-comment";
import { deleteLineComment } from "@/lib/feedback/delete-line-comment";
import { createRubricItem } from "@/lib/feedback/create-rubric-item";
import { archiveRubricItem } from "@/lib/feedback/archive-rubric-item";
import { setRubricMark } from "@/lib/feedback/set-rubric-mark";
import { getStaffFeedback } from "@/lib/feedback/get-staff-feedback";
import { getMyFeedback } from "@/lib/feedback/get-my-feedback";
import { gradeStudents } from "@/lib/gradebook/grade-students";
import { getStudentGrades } from "@/lib/gradebook/get-student-grades";
import { loadCourseAssignments } from "@/lib/gradebook/load-course-assignments";
import { createTestDatabase, postgresAvailable, type Provider } from "../helpers/test-database";

/**
 * Issue 18, item 3: line comments and rubric items on submissions. Staff of the course only;
 * rubric points in the grade book's final grade (before the late penalty, clamped); students
 * read the feedback at their own last moment to submit; every change audited.
 */
const hasPostgres = await postgresAvailable();
const DAY = 24 * 3600 * 1000;
const SOURCE = "export async function main() {\n  let x = 1;\n  return x;\n}\n";

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
  describe.skipIf(provider === "postgresql" && !hasPostgres)(`line comments and rubric items on ${provider}`, () => {
    let db: Db;
    let drop: () => Promise<void>;
    let courseId: string;
    let otherCourseId: string;
    let exerciseId: string;
    const users: Record<string, CurrentUser> = {};

    const user = async (name: string, role: "STUDENT" | "INSTRUCTOR", enrol: Array<[string, "STUDENT" | "INSTRUCTOR"]>) => {
      const u = await db.user.create({ data: { email: `${name}-${provider}@example.com`, name, role } });
      for (const [course, courseRole] of enrol) await db.enrollment.create({ data: { courseId: course, userId: u.id, role: courseRole } });
      users[name] = { id: u.id, role, name, email: u.email, locale: "en", studentId: null };
    };
    const assignment = (dueAt: Date, extra: { lateUntil?: Date; latePenaltyPerDay?: number } = {}) =>
      db.assignment.create({ data: { courseId, kind: "EXERCISE", exerciseId, title: "Feedback", opensAt: new Date(Date.now() - 10 * DAY), dueAt, published: true, ...extra } });
    const submission = async (userId: string, assignmentId: string, score: number, opts: { late?: boolean; latePenalty?: number } = {}) =>
      (await db.submission.create({ data: { userId, exerciseId, assignmentId, source: SOURCE, status: "GRADED", score, maxScore: 100, late: opts.late ?? false, latePenalty: opts.latePenalty ?? 0 } })).id;
    const finalScore = async (assignmentId: string) => {
      const as = (await loadCourseAssignments(courseId)).filter((a) => a.id === assignmentId);
      return (await gradeStudents(as, [users.student.id])).get(users.student.id)!.get(assignmentId)!;
    };

    beforeAll(async () => {
      ({ db, drop } = await createTestDatabase(provider));
      setDb(db);
      exerciseId = (await db.exercise.create({ data: { slug: "fix-the-race", titleKo: "경쟁", titleEn: "Race", maxScore: 100, testsHash: "h" } })).id;
      courseId = (await db.course.create({ data: { code: `F1-${provider}`, title: "Feedback", joinCode: `FDBK-000${provider === "sqlite" ? 1 : 2}` } })).id;
      otherCourseId = (await db.course.create({ data: { code: `F2-${provider}`, title: "Other", joinCode: `FDBK-001${provider === "sqlite" ? 1 : 2}` } })).id;
      await user("student", "STUDENT", [[courseId, "STUDENT"]]);
      await user("classmate", "STUDENT", [[courseId, "STUDENT"]]);
      await user("teacher", "INSTRUCTOR", [[courseId, "INSTRUCTOR"]]);
      await user("coTeacher", "INSTRUCTOR", [[courseId, "INSTRUCTOR"]]);
      await user("otherTeacher", "INSTRUCTOR", [[otherCourseId, "INSTRUCTOR"]]);
    }, 120_000);
    afterAll(async () => drop());

    it("instructors and co-instructors comment on existing lines; other courses' staff cannot; deleting is audited", async () => {
      const a = await assignment(new Date(Date.now() - DAY));
      const s = await submission(users.student.id, a.id, 60);
      const c1 = await addLineComment(users.teacher.id, courseId, s, { line: 2, body: "x is never shared: why a lock?" });
      await addLineComment(users.coTeacher.id, courseId, s, { line: 3, body: "fine" });
      expect(await status(addLineComment(users.teacher.id, courseId, s, { line: 99, body: "past the end" }))).toBe(400);
      expect(await status(addLineComment(users.otherTeacher.id, otherCourseId, s, { line: 1, body: "not mine" }))).toBe(404);
      expect((await getStaffFeedback(courseId, s)).comments.map((c) => [c.line, c.author])).toEqual([
        [2, "teacher"],
        [3, "coTeacher"],
      ]);
      expect(await status(deleteLineComment(users.otherTeacher.id, otherCourseId, c1.id))).toBe(404);
      await deleteLineComment(users.teacher.id, courseId, c1.id);
      expect((await getStaffFeedback(courseId, s)).comments.map((c) => c.line)).toEqual([3]);
      const actions = (await db.auditLog.findMany({ where: { courseId, details: { contains: s } } })).map((e) => e.action);
      expect(actions).toEqual(expect.arrayContaining(["submission.comment.add", "submission.comment.delete"]));
    });

    it("rubric items add their points to the final grade before the late penalty, clamped to 0..max, and are audited", async () => {
      // Due two and a half days ago at −10 %/day; the submission was 0.5 days late (−10 %).
      const a = await assignment(new Date(Date.now() - 2.5 * DAY), { lateUntil: new Date(Date.now() + DAY), latePenaltyPerDay: 0.1 });
      const s = await submission(users.student.id, a.id, 80, { late: true, latePenalty: 0.1 });
      expect(await finalScore(a.id)).toMatchObject({ score: 72, rawScore: 80 });
      const minus = await createRubricItem(users.teacher.id, courseId, { assignmentId: a.id, title: "No comments in code", points: -10 });
      const plus = await createRubricItem(users.coTeacher.id, courseId, { assignmentId: a.id, title: "Elegant", points: 50 });
      await setRubricMark(users.teacher.id, courseId, s, { itemId: minus.id, applied: true });
      // (80 − 10) × 0.9 = 63.
      expect(await finalScore(a.id)).toMatchObject({ score: 63, rawScore: 70, adjustment: -10 });
      await setRubricMark(users.teacher.id, courseId, s, { itemId: plus.id, applied: true });
      // 80 − 10 + 50 = 120 → 100, × 0.9 = 90.
      expect((await finalScore(a.id)).score).toBe(90);
      // The student's own grades page reads the same rule.
      const mine = (await getStudentGrades(courseId, users.student.id)).assignments.find((x) => x.id === a.id)!;
      expect(JSON.stringify(mine)).toContain('"score":90');
      await setRubricMark(users.teacher.id, courseId, s, { itemId: plus.id, applied: false });
      expect((await finalScore(a.id)).score).toBe(63);
      // Applying twice is one mark; items of another assignment or an archived item are refused.
      await setRubricMark(users.teacher.id, courseId, s, { itemId: minus.id, applied: true });
      expect(await db.rubricMark.count({ where: { submissionId: s } })).toBe(1);
      const other = await assignment(new Date(Date.now() - DAY));
      const foreign = await createRubricItem(users.teacher.id, courseId, { assignmentId: other.id, title: "Other", points: 5 });
      expect(await status(setRubricMark(users.teacher.id, courseId, s, { itemId: foreign.id, applied: true }))).toBe(404);
      await archiveRubricItem(users.teacher.id, courseId, a.id, plus.id);
      expect(await status(setRubricMark(users.teacher.id, courseId, s, { itemId: plus.id, applied: true }))).toBe(400);
      // An archived item still counts where it was applied: only new marks stop.
      expect((await getStaffFeedback(courseId, s)).rubric.map((i) => i.title)).toEqual(["No comments in code"]);
      expect(await status(createRubricItem(users.teacher.id, courseId, { assignmentId: a.id, title: "Too much", points: 500 }))).toBe(400);
      expect(await status(createRubricItem(users.otherTeacher.id, otherCourseId, { assignmentId: a.id, title: "Not mine", points: 1 }))).toBe(404);
      expect(await status(setRubricMark(users.otherTeacher.id, otherCourseId, s, { itemId: minus.id, applied: false }))).toBe(404);
      const actions = (await db.auditLog.findMany({ where: { courseId } })).map((e) => e.action);
      expect(actions).toEqual(expect.arrayContaining(["rubric.item.create", "rubric.apply", "rubric.unapply", "rubric.item.archive"]));
    });

    it("a student reads the feedback at their own last moment to submit, never a classmate's", async () => {
      const open = await assignment(new Date(Date.now() + DAY));
      const s = await submission(users.student.id, open.id, 50);
      await addLineComment(users.teacher.id, courseId, s, { line: 1, body: "Held until you are done" });
      const item = await createRubricItem(users.teacher.id, courseId, { assignmentId: open.id, title: "Style", points: -2 });
      await setRubricMark(users.teacher.id, courseId, s, { itemId: item.id, applied: true });
      const held = await getMyFeedback(users.student, courseId, s);
      expect(held).toMatchObject({ released: false, comments: [], rubric: [] });
      expect(JSON.stringify(held)).not.toContain("Held until");
      // After the due date it is released…
      const later = await getMyFeedback(users.student, courseId, s, new Date(Date.now() + 2 * DAY));
      expect(later.released).toBe(true);
      expect(later.comments.map((c) => c.body)).toEqual(["Held until you are done"]);
      expect(later.rubric.map((r) => [r.title, r.points])).toEqual([["Style", -2]]);
      // …unless the student has an extension: their own last moment counts, not the class's.
      await db.extension.create({ data: { assignmentId: open.id, userId: users.student.id, dueAt: new Date(Date.now() + 5 * DAY) } });
      expect((await getMyFeedback(users.student, courseId, s, new Date(Date.now() + 2 * DAY))).released).toBe(false);
      expect(await status(getMyFeedback(users.classmate, courseId, s, new Date(Date.now() + 9 * DAY)))).toBe(404);
      expect(await status(getMyFeedback(users.teacher, courseId, s))).toBe(404);
    });
  });
}
