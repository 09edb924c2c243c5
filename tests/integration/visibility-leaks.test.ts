import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb, type Db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/current-user";
import { ApiError } from "@/lib/http/api-error";
import { getSubmissionForViewer } from "@/lib/submissions/get-submission-for-viewer";
import { getReplayTest } from "@/lib/workspace/get-replay-test";
import { getCourseHome } from "@/lib/workspace/get-course-home";
import { getGradebook } from "@/lib/gradebook/get-gradebook";
import { gradebookQuery } from "@/lib/gradebook/gradebook-query";
import { overrideGrade } from "@/lib/gradebook/override-grade";
import { listSubmissionHistory } from "@/lib/workspace/list-submission-history";
import { createTestDatabase, postgresAvailable, type Provider } from "../helpers/test-database";

/**
 * Issue #14's leaks, each as it was found: what a student could read of hidden tests while
 * an assignment was still open to them, and the grade they were shown. Every case here
 * failed before visibility followed the student.
 */
const hasPostgres = await postgresAvailable();
const DAY = 24 * 3600 * 1000;
const HIDDEN_MESSAGE = "hidden: the balance went negative with three tellers";
const HIDDEN_TRACE = JSON.stringify({ version: 1, events: [{ kind: "secret-scenario" }] });

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
  describe.skipIf(provider === "postgresql" && !hasPostgres)(`visibility follows the student on ${provider}`, () => {
    let db: Db;
    let drop: () => Promise<void>;
    let courseId: string;
    let otherCourseId: string;
    let exerciseId: string;
    let otherExerciseId: string;
    const users: Record<string, CurrentUser> = {};

    const user = async (name: string, role: "STUDENT" | "INSTRUCTOR", enrol: Array<[string, "STUDENT" | "INSTRUCTOR"]>) => {
      const u = await db.user.create({ data: { email: `${name}-${provider}@example.com`, name, role } });
      for (const [course, courseRole] of enrol) await db.enrollment.create({ data: { courseId: course, userId: u.id, role: courseRole } });
      users[name] = { id: u.id, role, name, email: u.email, locale: "en", studentId: null };
    };

    /** A graded submission with one public and one hidden test result, each with its details. */
    const submission = async (userId: string, assignmentId: string | null, opts: { exercise?: string; score?: number; late?: boolean; latePenalty?: number; submittedAt?: Date } = {}) => {
      const row = await db.submission.create({
        data: {
          userId,
          exerciseId: opts.exercise ?? exerciseId,
          assignmentId,
          source: "export async function main() {}",
          status: "GRADED",
          score: opts.score ?? 50,
          maxScore: 100,
          late: opts.late ?? false,
          latePenalty: opts.latePenalty ?? 0,
          submittedAt: opts.submittedAt ?? new Date(),
          results: {
            create: [
              { testId: "one-teller", title: "One teller", passed: false, points: 0, maxPoints: 50, message: "public: expected 100", hidden: false, trace: HIDDEN_TRACE.replace("secret", "public"), replay: "public-token" },
              { testId: "two-tellers", title: "Two tellers", passed: false, points: 0, maxPoints: 50, message: HIDDEN_MESSAGE, hidden: true, trace: HIDDEN_TRACE, replay: "hidden-token" },
            ],
          },
        },
      });
      return row.id;
    };

    const assignment = (data: { title: string; testVisibility: "VISIBLE" | "HIDDEN" | "AFTER_DUE"; dueAt: Date; lateUntil?: Date | null; latePenaltyPerDay?: number; course?: string; exercise?: string; published?: boolean }) =>
      db.assignment.create({
        data: {
          courseId: data.course ?? courseId,
          kind: "EXERCISE",
          exerciseId: data.exercise ?? exerciseId,
          title: data.title,
          opensAt: new Date(Date.now() - 10 * DAY),
          dueAt: data.dueAt,
          lateUntil: data.lateUntil ?? null,
          latePenaltyPerDay: data.latePenaltyPerDay ?? 0,
          testVisibility: data.testVisibility,
          published: data.published ?? true,
        },
      });

    const hiddenTest = (view: Awaited<ReturnType<typeof getSubmissionForViewer>>) => view.tests.find((t) => t.testId === "two-tellers")!;

    beforeAll(async () => {
      ({ db, drop } = await createTestDatabase(provider));
      setDb(db);
      // fix-the-race is a real exercise: replay reads its hidden suite's scenarios.
      exerciseId = (await db.exercise.create({ data: { slug: "fix-the-race", titleKo: "경쟁", titleEn: "Race", maxScore: 100, testsHash: "h" } })).id;
      otherExerciseId = (await db.exercise.create({ data: { slug: "pipe-pipeline", titleKo: "파이프", titleEn: "Pipes", maxScore: 100, testsHash: "h" } })).id;
      courseId = (await db.course.create({ data: { code: `V1-${provider}`, title: "Visibility", joinCode: `VISI-000${provider === "sqlite" ? 1 : 2}` } })).id;
      otherCourseId = (await db.course.create({ data: { code: `V2-${provider}`, title: "Other", joinCode: `VISI-001${provider === "sqlite" ? 1 : 2}` } })).id;
      await user("student", "STUDENT", [
        [courseId, "STUDENT"],
        [otherCourseId, "STUDENT"],
      ]);
      await user("extended", "STUDENT", [[courseId, "STUDENT"]]);
      await user("teacher", "INSTRUCTOR", [[courseId, "INSTRUCTOR"]]);
      await user("otherTeacher", "INSTRUCTOR", [[otherCourseId, "INSTRUCTOR"]]);
    }, 120_000);
    afterAll(async () => drop());

    it("a practice submission of an exercise under an open HIDDEN assignment shows no hidden test's message, trace or replay", async () => {
      const open = await assignment({ title: "Open hidden", testVisibility: "HIDDEN", dueAt: new Date(Date.now() + 3 * DAY) });
      const practice = await submission(users.student.id, null);
      const view = await getSubmissionForViewer(users.student, practice);
      expect(hiddenTest(view)).toMatchObject({ message: "", trace: null, replay: null, passed: false });
      expect(JSON.stringify(view)).not.toContain("secret-scenario");
      expect(JSON.stringify(view)).not.toContain(HIDDEN_MESSAGE);
      // The public test is the student's anyway (its code is served to the browser).
      expect(view.tests.find((t) => t.testId === "one-teller")).toMatchObject({ message: "public: expected 100", replay: "public-token" });
      // Replaying the hidden counterexample would hand over its scenario.
      expect(await status(getReplayTest(users.student, practice, "two-tellers"))).toBe(404);
      // Staff of the course still see everything.
      expect(hiddenTest(await getSubmissionForViewer(users.teacher, practice))).toMatchObject({ message: HIDDEN_MESSAGE, replay: "hidden-token" });
      await db.assignment.delete({ where: { id: open.id } });
    });

    it("once no assignment holds the exercise, practice shows everything and a hidden counterexample replays", async () => {
      const practice = await submission(users.student.id, null);
      expect(hiddenTest(await getSubmissionForViewer(users.student, practice))).toMatchObject({ message: HIDDEN_MESSAGE, replay: "hidden-token" });
      const replay = await getReplayTest(users.student, practice, "two-tellers");
      expect(replay).toMatchObject({ exercise: "fix-the-race", token: "hidden-token", test: { id: "two-tellers" } });
    });

    it("AFTER_DUE stays closed for a student with an extension, and opens for a classmate without one", async () => {
      const a = await assignment({ title: "After due", testVisibility: "AFTER_DUE", dueAt: new Date(Date.now() - DAY) });
      await db.extension.create({ data: { assignmentId: a.id, userId: users.extended.id, dueAt: new Date(Date.now() + DAY), lateUntil: null } });
      const extended = await submission(users.extended.id, a.id);
      const view = await getSubmissionForViewer(users.extended, extended);
      expect(view.detailsVisible).toBe(false);
      expect(hiddenTest(view)).toMatchObject({ message: "", trace: null, replay: null });
      expect(await status(getReplayTest(users.extended, extended, "two-tellers"))).toBe(404);
      // Their practice of the same exercise is held back too.
      const practice = await submission(users.extended.id, null);
      expect(hiddenTest(await getSubmissionForViewer(users.extended, practice)).message).toBe("");
      // The classmate's last moment has passed: details are theirs.
      const classmate = await submission(users.student.id, a.id);
      expect(hiddenTest(await getSubmissionForViewer(users.student, classmate))).toMatchObject({ message: HIDDEN_MESSAGE, replay: "hidden-token" });
      await db.assignment.delete({ where: { id: a.id } });
    });

    it("AFTER_DUE stays closed for everyone during the late window", async () => {
      const a = await assignment({ title: "Late window", testVisibility: "AFTER_DUE", dueAt: new Date(Date.now() - DAY), lateUntil: new Date(Date.now() + DAY), latePenaltyPerDay: 0.2 });
      const sub = await submission(users.student.id, a.id);
      const view = await getSubmissionForViewer(users.student, sub);
      expect(view.detailsVisible).toBe(false);
      expect(hiddenTest(view).message).toBe("");
      expect(await status(getReplayTest(users.student, sub, "two-tellers"))).toBe(404);
      await db.assignment.delete({ where: { id: a.id } });
    });

    it("HIDDEN keeps its own submissions' details for good; once it has closed for the student, practice shows them", async () => {
      const a = await assignment({ title: "Closed hidden", testVisibility: "HIDDEN", dueAt: new Date(Date.now() - DAY) });
      const graded = await submission(users.student.id, a.id);
      const view = await getSubmissionForViewer(users.student, graded);
      expect(view).toMatchObject({ detailsVisible: false, detailsReleaseAt: null });
      expect(hiddenTest(view).message).toBe("");
      const practice = await submission(users.student.id, null);
      expect(hiddenTest(await getSubmissionForViewer(users.student, practice)).message).toBe(HIDDEN_MESSAGE);
      // While it was open, the release date named is the student's own last moment.
      await db.assignment.update({ where: { id: a.id }, data: { dueAt: new Date(Date.now() + DAY), lateUntil: new Date(Date.now() + 2 * DAY) } });
      const held = await getSubmissionForViewer(users.student, practice);
      expect(held.detailsVisible).toBe(false);
      expect(new Date(held.detailsReleaseAt!).getTime()).toBe((await db.assignment.findUniqueOrThrow({ where: { id: a.id } })).lateUntil!.getTime());
      await db.assignment.delete({ where: { id: a.id } });
    });

    it("an instructor sees a student's practice only for exercises their course assigns", async () => {
      await assignment({ title: "Race in other course", testVisibility: "VISIBLE", dueAt: new Date(Date.now() - DAY), course: otherCourseId });
      // The student practises fix-the-race (assigned in both courses' sense below) and pipe-pipeline (assigned nowhere in course 1).
      await assignment({ title: "Race here", testVisibility: "VISIBLE", dueAt: new Date(Date.now() - DAY) });
      const race = await submission(users.student.id, null);
      const pipes = await submission(users.student.id, null, { exercise: otherExerciseId });
      expect(await status(getSubmissionForViewer(users.teacher, race))).toBe(200);
      expect(await status(getSubmissionForViewer(users.teacher, pipes))).toBe(403);
      expect(await status(getSubmissionForViewer(users.otherTeacher, pipes))).toBe(403);
      expect(await status(getSubmissionForViewer(users.otherTeacher, race))).toBe(200);
    });

    it("an assignment's history holds its own submissions; practice is apart and marked", async () => {
      const a = await assignment({ title: "History", testVisibility: "VISIBLE", dueAt: new Date(Date.now() + DAY) });
      const graded = await submission(users.extended.id, a.id);
      const history = await listSubmissionHistory(users.extended.id, "fix-the-race", a.id);
      expect(history.assignment.map((e) => e.id)).toEqual([graded]);
      expect(history.practice.length).toBeGreaterThan(0);
      expect(history.practice.every((e) => e.assignmentId === null && e.practice)).toBe(true);
      await db.assignment.delete({ where: { id: a.id } });
    });

    it("the course page shows the counted grade the instructor sees: late penalty applied, then an override", async () => {
      const due = new Date(Date.now() - 3 * DAY);
      const a = await db.assignment.create({
        data: { courseId, kind: "EXERCISE", exerciseId, title: "Counted", opensAt: new Date(due.getTime() - 7 * DAY), dueAt: due, lateUntil: new Date(Date.now() + DAY), latePenaltyPerDay: 0.2, attemptPolicy: "BEST", published: true },
      });
      await submission(users.extended.id, a.id, { score: 100, late: true, latePenalty: 0.6, submittedAt: new Date(due.getTime() + 2.5 * DAY) });
      const instructorCell = async () => (await getGradebook(courseId, gradebookQuery.parse({ q: "extended" }))).rows[0].cells[a.id];
      const studentRow = async () => (await getCourseHome(courseId, users.extended.id))!.assignments.find((x) => x.id === a.id)!;
      expect((await instructorCell()).score).toBe(40);
      expect((await studentRow()).grade).toMatchObject({ score: 40, rawScore: 100, maxScore: 100, late: true });
      await overrideGrade(users.teacher.id, courseId, { assignmentId: a.id, userId: users.extended.id, score: 55, comment: "partial credit for the lock" });
      expect((await instructorCell()).score).toBe(55);
      expect((await studentRow()).grade).toMatchObject({ score: 55, overridden: true, overrideComment: "partial credit for the lock" });
    });
  });
}
