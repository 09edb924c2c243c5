import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb, type Db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/current-user";
import { ApiError } from "@/lib/http/api-error";
import { openRegradeRequest } from "@/lib/regrade-requests/open-regrade-request";
import { getRegradeRequest } from "@/lib/regrade-requests/get-regrade-request";
import { listRegradeRequests } from "@/lib/regrade-requests/list-regrade-requests";
import { replyRegradeRequest } from "@/lib/regrade-requests/reply-regrade-request";
import { resolveRegradeRequest } from "@/lib/regrade-requests/resolve-regrade-request";
import { gradeStudents } from "@/lib/gradebook/grade-students";
import { loadCourseAssignments } from "@/lib/gradebook/load-course-assignments";
import { createTestDatabase, postgresAvailable, type Provider } from "../helpers/test-database";

/**
 * Issue 18, item 2: a regrade request from open to accepted or declined, its limits, what it
 * attaches, the mail it sends, its audit trail, and who can see it (its student and the
 * course's staff; not classmates, not other courses' instructors).
 */
const hasPostgres = await postgresAvailable();
const DAY = 24 * 3600 * 1000;
const HIDDEN_TRACE = JSON.stringify({ version: 1, events: [{ kind: "secret-scenario" }] });
const PUBLIC_TRACE = JSON.stringify({ version: 1, events: [{ kind: "public-scenario" }] });

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
  describe.skipIf(provider === "postgresql" && !hasPostgres)(`regrade requests on ${provider}`, () => {
    let db: Db;
    let drop: () => Promise<void>;
    let courseId: string;
    let otherCourseId: string;
    let exerciseId: string;
    const users: Record<string, CurrentUser> = {};

    const user = async (name: string, role: "STUDENT" | "INSTRUCTOR", enrol: Array<[string, "STUDENT" | "INSTRUCTOR"]>) => {
      const u = await db.user.create({ data: { email: `${name}-${provider}@example.com`, name, role, locale: "en" } });
      for (const [course, courseRole] of enrol) await db.enrollment.create({ data: { courseId: course, userId: u.id, role: courseRole } });
      users[name] = { id: u.id, role, name, email: u.email, locale: "en", studentId: null };
    };

    const assignment = (data: { title: string; testVisibility?: "VISIBLE" | "HIDDEN" | "AFTER_DUE"; dueAt?: Date; limit?: number; windowDays?: number; course?: string }) =>
      db.assignment.create({
        data: {
          courseId: data.course ?? courseId,
          kind: "EXERCISE",
          exerciseId,
          title: data.title,
          opensAt: new Date(Date.now() - 10 * DAY),
          dueAt: data.dueAt ?? new Date(Date.now() - DAY),
          testVisibility: data.testVisibility ?? "VISIBLE",
          regradeRequestLimit: data.limit ?? 3,
          regradeRequestWindowDays: data.windowDays ?? 7,
          published: true,
        },
      });

    const submission = async (userId: string, assignmentId: string, gradedAt = new Date()) =>
      (
        await db.submission.create({
          data: {
            userId,
            exerciseId,
            assignmentId,
            source: "export async function main() {}",
            status: "GRADED",
            score: 50,
            maxScore: 100,
            gradedAt,
            results: {
              create: [
                { testId: "one-teller", title: "One teller", passed: true, points: 50, maxPoints: 50, hidden: false },
                { testId: "two-tellers", title: "Two tellers", passed: false, points: 0, maxPoints: 50, message: "lost update", hidden: true, trace: HIDDEN_TRACE, replay: "hidden-token" },
                { testId: "public-race", title: "Public race", passed: false, points: 0, maxPoints: 0, message: "race", hidden: false, trace: PUBLIC_TRACE, replay: "public-token" },
              ],
            },
          },
        })
      ).id;

    const outboxTo = async (email: string) => db.outboxMessage.findMany({ where: { to: email }, orderBy: { createdAt: "asc" } });

    beforeAll(async () => {
      ({ db, drop } = await createTestDatabase(provider));
      setDb(db);
      exerciseId = (await db.exercise.create({ data: { slug: "fix-the-race", titleKo: "경쟁", titleEn: "Race", maxScore: 100, testsHash: "h" } })).id;
      courseId = (await db.course.create({ data: { code: `R1-${provider}`, title: "Regrades", joinCode: `RGRD-000${provider === "sqlite" ? 1 : 2}` } })).id;
      otherCourseId = (await db.course.create({ data: { code: `R2-${provider}`, title: "Other", joinCode: `RGRD-001${provider === "sqlite" ? 1 : 2}` } })).id;
      await user("student", "STUDENT", [[courseId, "STUDENT"]]);
      await user("classmate", "STUDENT", [[courseId, "STUDENT"]]);
      await user("teacher", "INSTRUCTOR", [[courseId, "INSTRUCTOR"]]);
      await user("coTeacher", "INSTRUCTOR", [[courseId, "INSTRUCTOR"]]);
      await user("otherTeacher", "INSTRUCTOR", [[otherCourseId, "INSTRUCTOR"]]);
    }, 120_000);
    afterAll(async () => drop());

    it("opens a request on a test with its counterexample, mails the staff, and audits it", async () => {
      const a = await assignment({ title: "Visible" });
      const s = await submission(users.student.id, a.id);
      const opened = await openRegradeRequest(users.student, courseId, { submissionId: s, testId: "two-tellers", message: "It passes on my machine." });
      expect(opened.status).toBe("OPEN");
      const view = await getRegradeRequest(users.student, courseId, "STUDENT", opened.id);
      expect(view).toMatchObject({ testId: "two-tellers", testTitle: "Two tellers", replay: "hidden-token", status: "OPEN" });
      expect(view.trace).toEqual(JSON.parse(HIDDEN_TRACE));
      expect(view.messages.map((m) => [m.kind, m.body])).toEqual([["REQUEST", "It passes on my machine."]]);
      // Every instructor of the course is told, with a link to the thread and not its text.
      for (const t of [users.teacher, users.coTeacher]) {
        const mail = await outboxTo(t.email);
        expect(mail).toHaveLength(1);
        expect(mail[0].text).toContain(`/instructor/courses/${courseId}/regrade-requests/${opened.id}`);
        expect(mail[0].text).not.toContain("passes on my machine");
      }
      expect(await outboxTo(users.otherTeacher.email)).toHaveLength(0);
      const audit = await db.auditLog.findMany({ where: { courseId, action: "regrade-request.open" } });
      expect(audit.map((e) => JSON.parse(e.details) as Record<string, unknown>)).toContainEqual(expect.objectContaining({ requestId: opened.id, submissionId: s, testId: "two-tellers" }));
    });

    it("attaches only what the student was shown: a held hidden test goes by id, a public one with its replay", async () => {
      const a = await assignment({ title: "Hidden while open", testVisibility: "AFTER_DUE", dueAt: new Date(Date.now() + DAY) });
      const s = await submission(users.student.id, a.id);
      const held = await openRegradeRequest(users.student, courseId, { submissionId: s, testId: "two-tellers", message: "why?" });
      const view = await getRegradeRequest(users.student, courseId, "STUDENT", held.id);
      expect(view).toMatchObject({ testId: "two-tellers", replay: null, trace: null });
      expect(JSON.stringify(view)).not.toContain("secret-scenario");
      const shown = await openRegradeRequest(users.student, courseId, { submissionId: s, testId: "public-race", message: "and this?" });
      expect(await getRegradeRequest(users.student, courseId, "STUDENT", shown.id)).toMatchObject({ replay: "public-token", trace: JSON.parse(PUBLIC_TRACE) });
    });

    it("refuses another student's submission, a duplicate, an unknown test, past the window and over the limit", async () => {
      const a = await assignment({ title: "Limited", limit: 2, windowDays: 3 });
      const s = await submission(users.student.id, a.id);
      expect(await status(openRegradeRequest(users.classmate, courseId, { submissionId: s, testId: null, message: "mine?" }))).toBe(404);
      expect(await status(openRegradeRequest(users.student, otherCourseId, { submissionId: s, testId: null, message: "wrong course" }))).toBe(404);
      expect(await status(openRegradeRequest(users.student, courseId, { submissionId: s, testId: "no-such-test", message: "?" }))).toBe(404);
      await openRegradeRequest(users.student, courseId, { submissionId: s, testId: null, message: "first" });
      expect(await status(openRegradeRequest(users.student, courseId, { submissionId: s, testId: null, message: "again" }))).toBe(409);
      await openRegradeRequest(users.student, courseId, { submissionId: s, testId: "two-tellers", message: "second" });
      expect(await status(openRegradeRequest(users.student, courseId, { submissionId: s, testId: "public-race", message: "third" }))).toBe(429);
      // The window: 3 days after the due date (yesterday) and the grade.
      expect(await status(openRegradeRequest(users.student, courseId, { submissionId: await submission(users.student.id, (await assignment({ title: "W", windowDays: 3 })).id), testId: null, message: "late" }, new Date(Date.now() + 3 * DAY)))).toBe(403);
      const off = await assignment({ title: "No requests", limit: 0 });
      expect(await status(openRegradeRequest(users.student, courseId, { submissionId: await submission(users.student.id, off.id), testId: null, message: "x" }))).toBe(403);
      // Instructors asking about their own submission are not students of the course.
      expect(await status(openRegradeRequest(users.teacher, courseId, { submissionId: await submission(users.teacher.id, a.id), testId: null, message: "x" }))).toBe(403);
    });

    it("shows a student only their own requests; other courses' instructors see nothing", async () => {
      const a = await assignment({ title: "Privacy" });
      const mine = await openRegradeRequest(users.student, courseId, { submissionId: await submission(users.student.id, a.id), testId: null, message: "mine" });
      const theirs = await openRegradeRequest(users.classmate, courseId, { submissionId: await submission(users.classmate.id, a.id), testId: null, message: "theirs" });
      const own = await listRegradeRequests(users.student, courseId, "STUDENT");
      expect(own.map((r) => r.id)).toContain(mine.id);
      expect(own.every((r) => r.student.id === users.student.id)).toBe(true);
      expect(await status(getRegradeRequest(users.student, courseId, "STUDENT", theirs.id))).toBe(404);
      expect(await status(replyRegradeRequest(users.student, courseId, "STUDENT", theirs.id, "hi"))).toBe(404);
      // Staff of the course see the whole queue, filtered.
      const queue = await listRegradeRequests(users.teacher, courseId, "INSTRUCTOR", { assignmentId: a.id, status: "OPEN" });
      expect(queue.map((r) => r.id).sort()).toEqual([mine.id, theirs.id].sort());
      // Another course's instructor, even with the ids: its own course lists nothing, this course's ids are not found.
      expect(await listRegradeRequests(users.otherTeacher, otherCourseId, "INSTRUCTOR")).toEqual([]);
      expect(await status(getRegradeRequest(users.otherTeacher, otherCourseId, "INSTRUCTOR", mine.id))).toBe(404);
      expect(await status(resolveRegradeRequest(users.otherTeacher, otherCourseId, mine.id, { action: "decline", comment: "no" }))).toBe(404);
    });

    it("runs a thread to a decline: replies both ways, mail to each side, and the student can no longer reply", async () => {
      const a = await assignment({ title: "Declined" });
      const r = await openRegradeRequest(users.student, courseId, { submissionId: await submission(users.student.id, a.id), testId: null, message: "please" });
      await replyRegradeRequest(users.teacher, courseId, "INSTRUCTOR", r.id, "Did you replay the counterexample?");
      await replyRegradeRequest(users.student, courseId, "STUDENT", r.id, "Yes, it still fails.");
      const before = (await outboxTo(users.student.email)).length;
      const declined = await resolveRegradeRequest(users.teacher, courseId, r.id, { action: "decline", comment: "The schedule shows the lost update." });
      expect(declined.status).toBe("DECLINED");
      const view = await getRegradeRequest(users.student, courseId, "STUDENT", r.id);
      expect(view.status).toBe("DECLINED");
      expect(view.messages.map((m) => m.kind)).toEqual(["REQUEST", "REPLY", "REPLY", "DECLINE"]);
      expect(view.resolvedBy).toBe("teacher");
      expect((await outboxTo(users.student.email)).length).toBe(before + 1);
      expect(await status(replyRegradeRequest(users.student, courseId, "STUDENT", r.id, "but"))).toBe(409);
      expect(await status(resolveRegradeRequest(users.coTeacher, courseId, r.id, { action: "regrade" }))).toBe(409);
      const actions = (await db.auditLog.findMany({ where: { courseId, details: { contains: r.id } } })).map((e) => e.action);
      expect(actions).toEqual(expect.arrayContaining(["regrade-request.open", "regrade-request.reply", "regrade-request.decline"]));
    });

    it("accepting with a regrade reruns the submission through lib/regrade; accepting with an override changes the final grade", async () => {
      const a = await assignment({ title: "Accepted" });
      const s = await submission(users.student.id, a.id);
      const r1 = await openRegradeRequest(users.student, courseId, { submissionId: s, testId: "two-tellers", message: "rerun please" });
      const accepted = await resolveRegradeRequest(users.teacher, courseId, r1.id, { action: "regrade" });
      expect(accepted).toMatchObject({ status: "ACCEPTED" });
      expect(accepted.regradeBatchId).toBeTruthy();
      const batch = await db.regradeBatch.findUniqueOrThrow({ where: { id: accepted.regradeBatchId! }, include: { items: true } });
      expect(batch.items.map((i) => i.submissionId)).toEqual([s]);
      expect((await db.submission.findUniqueOrThrow({ where: { id: s } })).status).toBe("QUEUED");
      expect(await getRegradeRequest(users.student, courseId, "STUDENT", r1.id)).toMatchObject({ status: "ACCEPTED", outcome: "REGRADED" });

      // While the regrade runs there is no grade to ask about; the grader then finishes it.
      expect(await status(openRegradeRequest(users.student, courseId, { submissionId: s, testId: null, message: "too soon" }))).toBe(409);
      await db.submission.update({ where: { id: s }, data: { status: "GRADED", score: 50, gradedAt: new Date() } });
      const r2 = await openRegradeRequest(users.student, courseId, { submissionId: s, testId: null, message: "partial credit?" });
      // An override above the maximum is refused and leaves the request open.
      expect(await status(resolveRegradeRequest(users.teacher, courseId, r2.id, { action: "override", score: 500, comment: "typo" }))).toBe(400);
      expect((await getRegradeRequest(users.teacher, courseId, "INSTRUCTOR", r2.id)).status).toBe("OPEN");
      const overridden = await resolveRegradeRequest(users.teacher, courseId, r2.id, { action: "override", score: 80, comment: "The race is in the test harness." });
      expect(overridden.overrideId).toBeTruthy();
      const assignments = (await loadCourseAssignments(courseId)).filter((x) => x.id === a.id);
      expect((await gradeStudents(assignments, [users.student.id])).get(users.student.id)!.get(a.id)).toMatchObject({ score: 80, overridden: true });
      const actions = (await db.auditLog.findMany({ where: { courseId } })).map((e) => e.action);
      expect(actions).toEqual(expect.arrayContaining(["regrade-request.accept", "regrade.request", "grade.override"]));
    });
  });
}
