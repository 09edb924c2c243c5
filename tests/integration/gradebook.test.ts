import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb, type Db } from "@/lib/db";
import { parseCsv } from "@/lib/courses/parse-csv";
import { claimSubmission } from "@/lib/grader/queue/claim-submission";
import { completeSubmission } from "@/lib/grader/queue/complete-submission";
import type { GradeReport } from "@/lib/grader/types";
import { exportGradebookCsv } from "@/lib/gradebook/export-gradebook-csv";
import { exportCourseJson } from "@/lib/gradebook/export-course-json";
import { textStream } from "@/lib/http/text-stream";
import { getGradebook } from "@/lib/gradebook/get-gradebook";
import { getStudentGrades } from "@/lib/gradebook/get-student-grades";
import { gradebookQuery } from "@/lib/gradebook/gradebook-query";
import { overrideGrade } from "@/lib/gradebook/override-grade";
import { getRegradeBatch } from "@/lib/regrade/get-regrade-batch";
import { requestCourseRegrade } from "@/lib/regrade/request-course-regrade";
import { createTestDatabase, postgresAvailable, type Provider } from "../helpers/test-database";

const hasPostgres = await postgresAvailable();
const DAY = 24 * 3600 * 1000;

/** A grader's report with just a score: these tests are about bookkeeping, not grading. */
function report(score: number): GradeReport {
  return { exercise: "ex", verdict: "graded", score, maxScore: 100, compile: { ok: true, diagnostics: [] }, tests: [], limits: { cpuMs: 1, wallMs: 1, memoryMb: 8 }, schedulesExplored: 1, testsHash: "h2", durationMs: 1 };
}

for (const provider of ["sqlite", "postgresql"] as Provider[]) {
  describe.skipIf(provider === "postgresql" && !hasPostgres)(`grade book on ${provider}`, () => {
    let db: Db;
    let drop: () => Promise<void>;
    let courseId: string;
    let teacherId: string;
    let hw1: string;
    let hw2: string;
    const students: Array<{ id: string; email: string }> = [];
    const subs: Record<string, string> = {};

    beforeAll(async () => {
      ({ db, drop } = await createTestDatabase(provider));
      setDb(db);
      const exercise = await db.exercise.create({ data: { slug: "ex", titleKo: "연습", titleEn: "Ex", maxScore: 100, testsHash: "h1" } });
      courseId = (await db.course.create({ data: { code: "G1", title: "Grades", joinCode: "GRAD-0001" } })).id;
      teacherId = (await db.user.create({ data: { email: "t@example.com", name: "Teacher", role: "INSTRUCTOR" } })).id;
      await db.enrollment.create({ data: { courseId, userId: teacherId, role: "INSTRUCTOR" } });
      // Names chosen to exercise CSV quoting and formula neutralisation.
      for (const [name, sid] of [["Ahn, Jisoo", "S1"], ["Bae \"B\" Min", "S2"], ["=Cho", null], ["이서연", "S4"]] as const) {
        const u = await db.user.create({ data: { email: `${sid ?? "nosid"}@example.com`, name, studentId: sid } });
        await db.enrollment.create({ data: { courseId, userId: u.id } });
        students.push({ id: u.id, email: u.email });
      }
      const due = new Date(Date.now() - 2 * DAY);
      const mk = (title: string, attemptPolicy: "BEST" | "LAST") =>
        db.assignment.create({ data: { courseId, kind: "EXERCISE", exerciseId: exercise.id, title, opensAt: new Date(due.getTime() - 7 * DAY), dueAt: due, lateUntil: new Date(due.getTime() + 5 * DAY), latePenaltyPerDay: 0.1, attemptPolicy, published: true } });
      hw1 = (await mk("HW, one", "BEST")).id;
      hw2 = (await mk("HW2", "LAST")).id;
      const sub = async (key: string, userId: string, assignmentId: string, score: number, daysAfterDue: number, penalty = 0) => {
        const row = await db.submission.create({
          data: { userId, exerciseId: exercise.id, assignmentId, source: "//", status: "GRADED", score, maxScore: 100, testsHash: "h1", submittedAt: new Date(due.getTime() + daysAfterDue * DAY), late: penalty > 0, latePenalty: penalty },
        });
        subs[key] = row.id;
      };
      await sub("a1", students[0].id, hw1, 60, -1);
      await sub("a2", students[0].id, hw1, 90, 1.5, 0.2); // 72 after penalty: the on-time 60 loses under BEST
      await sub("b1", students[1].id, hw1, 100, -1);
      await sub("b2", students[1].id, hw2, 80, -1);
      await sub("b3", students[1].id, hw2, 40, -0.5); // LAST counts 40
      await sub("c1", students[2].id, hw2, 55, -1);
    }, 120_000);
    afterAll(async () => drop());

    it("computes final scores and pages students in SQL, sorted and filtered", async () => {
      const page1 = await getGradebook(courseId, gradebookQuery.parse({ pageSize: 5, page: 1 }));
      expect(page1.totalRows).toBe(4);
      expect(page1.rows.map((r) => r.name)).toEqual(["=Cho", "Ahn, Jisoo", "Bae \"B\" Min", "이서연"]);
      const ahn = page1.rows[1];
      expect(ahn.cells[hw1]).toMatchObject({ score: 72, late: true, attempts: 2 });
      expect(page1.rows[2].cells[hw2]).toMatchObject({ score: 40, attempts: 2 });
      const paged = await getGradebook(courseId, gradebookQuery.parse({ pageSize: 5, page: 1, sort: "email", dir: "desc" }));
      expect(paged.rows.map((r) => r.email)).toEqual(["nosid@example.com", "S4@example.com", "S2@example.com", "S1@example.com"].sort().reverse());
      const byScore = await getGradebook(courseId, gradebookQuery.parse({ sort: `a:${hw1}`, dir: "desc", pageSize: 5 }));
      // Without a score last, whatever the direction.
      expect(byScore.rows.map((r) => r.cells[hw1].score)).toEqual([100, 72, null, null]);
      const late = await getGradebook(courseId, gradebookQuery.parse({ flag: "late" }));
      expect(late.rows.map((r) => r.name)).toEqual(["Ahn, Jisoo"]);
      const search = await getGradebook(courseId, gradebookQuery.parse({ q: "S2" }));
      expect(search.rows.map((r) => r.email)).toEqual(["S2@example.com"]);
      // Any case, on both databases (PostgreSQL's LIKE is case-sensitive), and in the paged and the sorted-by-score views.
      for (const sort of ["name", `a:${hw1}`]) {
        const lower = await getGradebook(courseId, gradebookQuery.parse({ q: "ahn, JI", sort }));
        expect(lower.rows.map((r) => r.name)).toEqual(["Ahn, Jisoo"]);
        expect((await getGradebook(courseId, gradebookQuery.parse({ q: "s2@EXAMPLE", sort }))).rows.map((r) => r.email)).toEqual(["S2@example.com"]);
      }
    });

    it("an extension granted afterwards removes the penalty; the latest override wins", async () => {
      await db.extension.create({ data: { assignmentId: hw1, userId: students[0].id, dueAt: new Date(Date.now()), lateUntil: null } });
      let book = await getGradebook(courseId, gradebookQuery.parse({ q: "Ahn" }));
      expect(book.rows[0].cells[hw1]).toMatchObject({ score: 90, late: false });
      await overrideGrade(teacherId, courseId, { assignmentId: hw2, userId: students[3].id, score: 30, comment: "first" });
      await overrideGrade(teacherId, courseId, { assignmentId: hw2, userId: students[3].id, score: 35, comment: "second thoughts" });
      book = await getGradebook(courseId, gradebookQuery.parse({ q: "S4" }));
      expect(book.rows[0].cells[hw2]).toMatchObject({ score: 35, overridden: true, overrideComment: "second thoughts" });
      const audit = await db.auditLog.findMany({ where: { courseId, action: "grade.override" }, orderBy: { createdAt: "asc" } });
      expect(audit.map((a) => JSON.parse(a.details) as { score: number; previousScore: number | null })).toMatchObject([
        { score: 30, previousScore: null },
        { score: 35, previousScore: 30 },
      ]);
      await expect(overrideGrade(teacherId, courseId, { assignmentId: hw2, userId: teacherId, score: 1, comment: "x" })).rejects.toThrow(/not a student/);
    });

    it("shows one student's page with the grade book's final grades and their own submissions, newest first", async () => {
      const book = await getGradebook(courseId, gradebookQuery.parse({}));
      for (const row of book.rows) {
        const page = await getStudentGrades(courseId, row.id);
        expect(page.student.email).toBe(row.email);
        for (const a of page.assignments) {
          expect(a.grade).toEqual(row.cells[a.id]);
          const times = a.submissions.map((x) => x.submittedAt.getTime());
          expect(times).toEqual([...times].sort((x, y) => y - x));
          expect(a.submissions.length).toBe(row.cells[a.id].attempts);
        }
      }
      const ahn = await getStudentGrades(courseId, students[0].id);
      expect(ahn.assignments.find((a) => a.id === hw1)!.submissions.map((x) => x.id)).toEqual([subs.a2, subs.a1]);
      await expect(getStudentGrades(courseId, teacherId)).rejects.toThrow(/not found/i);
    });

    it("exports a CSV whose rows are the final scores, properly quoted, with a BOM", async () => {
      const csv = await exportGradebookCsv(courseId);
      expect(csv.startsWith("\uFEFF")).toBe(true);
      expect(csv.split("\r\n")[0]).toBe('\uFEFFStudent ID,Email,Name,"HW, one [100]",HW2 [100]');
      expect(parseCsv(csv)).toEqual([
        ["Student ID", "Email", "Name", "HW, one [100]", "HW2 [100]"],
        ["", "nosid@example.com", "'=Cho", "", "55"],
        ["S1", "S1@example.com", "Ahn, Jisoo", "90", ""],
        ["S2", "S2@example.com", 'Bae "B" Min', "100", "40"],
        ["S4", "S4@example.com", "이서연", "", "35"],
      ]);
    });

    it("exports the course as JSON, without password hashes or other courses' rows", async () => {
      const other = await db.course.create({ data: { code: "OTHER", title: "Other", joinCode: "OTHR-0009" } });
      await db.auditLog.create({ data: { courseId: other.id, action: "x" } });
      // Read as the route serves it: a stream, here with pages smaller than the course's six submissions.
      const text = await new Response(textStream(exportCourseJson(courseId, { pageSize: 4 }))).text();
      const data = JSON.parse(text) as { format: string; course: { id: string }; members: unknown[]; submissions: Array<{ id: string; submittedAt: string; results: unknown[] }>; overrides: unknown[]; auditLog: unknown[] };
      expect(data).toMatchObject({ format: "ipclab-course-export", course: { id: courseId } });
      expect(data.members).toHaveLength(5);
      expect(data.submissions.map((s) => s.id).sort()).toEqual(Object.values(subs).sort());
      const times = data.submissions.map((s) => s.submittedAt);
      expect(times).toEqual([...times].sort());
      expect(data.overrides).toHaveLength(2);
      expect(data.auditLog.length).toBeGreaterThan(0);
      expect(text).not.toMatch(/passwordHash|OTHR-0009/);
      // One page or many: the same document apart from its timestamp.
      const whole = JSON.parse(await new Response(textStream(exportCourseJson(courseId))).text()) as typeof data & { exportedAt: string };
      expect({ ...whole, exportedAt: null }).toEqual({ ...data, exportedAt: null });
    });

    it("exports every other submission when one is deleted mid-export, even the last row of a page", async () => {
      const course = await db.course.create({ data: { code: `DEL-${provider}`, title: "Deletions", joinCode: `DELS-000${provider === "sqlite" ? 1 : 2}` } });
      const ex = await db.exercise.findFirstOrThrow();
      const a = await db.assignment.create({ data: { courseId: course.id, kind: "EXERCISE", exerciseId: ex.id, title: "D", opensAt: new Date(0), dueAt: new Date(Date.now() + DAY) } });
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        ids.push((await db.submission.create({ data: { userId: students[0].id, exerciseId: ex.id, assignmentId: a.id, source: `// ${i}`, submittedAt: new Date(Date.UTC(2026, 0, 1, 0, i)) } })).id);
      }
      let text = "";
      let deleted = false;
      for await (const chunk of exportCourseJson(course.id, { pageSize: 2 })) {
        text += chunk;
        if (!deleted && chunk.includes(ids[1])) {
          await db.submission.delete({ where: { id: ids[1] } }); // the row the next page starts after
          deleted = true;
        }
      }
      const data = JSON.parse(text) as { submissions: Array<{ id: string }> };
      expect(deleted).toBe(true);
      expect(data.submissions.map((x) => x.id)).toEqual(ids);
    });

    it("keeps regrade bookkeeping: previous scores, progress, exactly the changed scores, nothing lost meanwhile", async () => {
      const batch = await requestCourseRegrade(teacherId, courseId, { scope: "assignment", assignmentId: hw2 });
      expect(batch.submissions).toBe(3);
      // Re-queued, but the old scores stay until each new grade replaces them.
      const queued = await db.submission.findMany({ where: { assignmentId: hw2 }, orderBy: { id: "asc" } });
      expect(queued.every((s) => s.status === "QUEUED" && s.score !== null)).toBe(true);
      let view = await getRegradeBatch(courseId, batch.batchId);
      expect(view).toMatchObject({ total: 3, done: 0, changed: [] });
      const book = await getGradebook(courseId, gradebookQuery.parse({ q: "S2" }));
      expect(book.rows[0].cells[hw2].score).toBe(40);

      // The grader finishes two of them: one with a new score, one unchanged.
      const finish = async (id: string, score: number) => {
        const claim = (await claimSubmission(db, { id }, "test-grader", 60_000))!;
        expect(await completeSubmission(db, claim, report(score))).toMatchObject({ applied: true });
      };
      await finish(subs.b3, 70);
      await finish(subs.c1, 55);
      view = await getRegradeBatch(courseId, batch.batchId);
      expect(view).toMatchObject({ total: 3, done: 2 });
      expect(view.changed).toEqual([expect.objectContaining({ submissionId: subs.b3, previousScore: 40, newScore: 70 })]);

      // A second regrade supersedes the pending one: the first batch counts it done, unchanged.
      const second = await requestCourseRegrade(teacherId, courseId, { scope: "submission", submissionId: subs.b2 });
      view = await getRegradeBatch(courseId, batch.batchId);
      expect(view.done).toBe(3);
      expect(view.items.find((i) => i.submissionId === subs.b2)).toMatchObject({ finalStatus: "SUPERSEDED", changed: false });
      await finish(subs.b2, 81);
      expect((await getRegradeBatch(courseId, second.batchId)).changed).toEqual([expect.objectContaining({ previousScore: 80, newScore: 81 })]);

      // The recorded summary does not move when the submission is graded again later.
      await requestCourseRegrade(teacherId, courseId, { scope: "student", assignmentId: hw2, userId: students[1].id });
      await finish(subs.b3, 10);
      expect((await getRegradeBatch(courseId, batch.batchId)).changed).toEqual([expect.objectContaining({ submissionId: subs.b3, previousScore: 40, newScore: 70 })]);
      const items = await db.regradeItem.findMany({ where: { batchId: batch.batchId } });
      expect(items.every((i) => i.finishedAt !== null)).toBe(true);
      expect(await db.auditLog.count({ where: { courseId, action: "regrade.request" } })).toBe(3);
    });

    it("scopes regrades to the course", async () => {
      const other = await db.course.create({ data: { code: "O2", title: "O2", joinCode: "OTHR-0002" } });
      await expect(requestCourseRegrade(teacherId, other.id, { scope: "submission", submissionId: subs.a1 })).rejects.toThrow(/not found/);
      await expect(getRegradeBatch(other.id, (await db.regradeBatch.findFirstOrThrow()).id)).rejects.toThrow(/not found/);
    });
  });
}
