import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb, type Db } from "@/lib/db";
import { getItemStatistics } from "@/lib/item-statistics/get-item-statistics";
import { itemStatisticsCsv } from "@/lib/item-statistics/item-statistics-csv";
import { attemptSeed } from "@/lib/quiz/attempt-seed";
import { loadQuestionBank } from "@/lib/quiz/load-question-bank";
import { resolveQuestion } from "@/lib/quiz/resolve-question";
import { ApiError } from "@/lib/http/api-error";
import { createTestDatabase, postgresAvailable, type Provider } from "../helpers/test-database";

/**
 * Issue 18, item 4, through the database: which rows the statistics read (students' work only;
 * a quiz's first attempt per student; a generated question's variant from the attempt's seed;
 * a stored trace's failure class and shape), on SQLite and PostgreSQL. The arithmetic itself
 * is pinned on a hand-computed dataset in lib/item-statistics/item-statistics.test.ts.
 */
const hasPostgres = await postgresAvailable();
const DAY = 24 * 3600 * 1000;

for (const provider of ["sqlite", "postgresql"] as Provider[]) {
  describe.skipIf(provider === "postgresql" && !hasPostgres)(`item statistics on ${provider}`, () => {
    let db: Db;
    let drop: () => Promise<void>;
    let courseId: string;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      ({ db, drop } = await createTestDatabase(provider));
      setDb(db);
      courseId = (await db.course.create({ data: { code: `I1-${provider}`, title: "Items", joinCode: `ITEM-000${provider === "sqlite" ? 1 : 2}` } })).id;
      for (const [name, role] of [
        ["s1", "STUDENT"],
        ["s2", "STUDENT"],
        ["teacher", "INSTRUCTOR"],
      ] as const) {
        ids[name] = (await db.user.create({ data: { email: `${name}-${provider}@example.com`, name, role, enrollments: { create: { courseId, role } } } })).id;
      }
    }, 120_000);
    afterAll(async () => drop());

    it("an exercise: students' graded submissions, failure classes and shapes from stored traces, attempts to full marks", async () => {
      const exercise = await db.exercise.create({ data: { slug: "fix-the-race", titleKo: "경쟁", titleEn: "Race", maxScore: 100 } });
      const a = await db.assignment.create({ data: { courseId, kind: "EXERCISE", exerciseId: exercise.id, title: "Race", opensAt: new Date(Date.now() - DAY), dueAt: new Date(Date.now() + DAY) } });
      const trace = JSON.stringify({ version: 1, failureClass: { kind: "lost-update" }, events: [{ pid: 4, kind: "shm-read" }, { pid: 5, kind: "shm-read" }, { pid: 4, kind: "shm-write" }, { pid: 5, kind: "shm-write" }], cause: { event: 3 } });
      const submit = (user: string, minutes: number, score: number, passed: boolean, status: "GRADED" | "FAILED" = "GRADED") =>
        db.submission.create({
          data: {
            userId: ids[user],
            exerciseId: exercise.id,
            assignmentId: a.id,
            source: "x",
            status,
            score,
            maxScore: 100,
            submittedAt: new Date(Date.now() + minutes * 60_000),
            results: { create: [{ testId: "two-tellers", title: "Two tellers", passed, points: passed ? 100 : 0, maxPoints: 100, trace: passed ? null : trace }] },
          },
        });
      await submit("s1", 1, 0, false);
      await submit("s1", 2, 100, true);
      await submit("s2", 1, 0, false);
      await submit("s2", 3, 0, false, "FAILED");
      // The instructor's try is not a student's and does not count.
      await submit("teacher", 1, 0, false);
      const stats = await getItemStatistics(courseId, a.id);
      if (stats.kind !== "EXERCISE") throw new Error("expected exercise statistics");
      expect(stats).toMatchObject({ submissions: 3, students: 2, studentsWithFullMarks: 1, medianAttemptsToFullMarks: 2 });
      expect(stats.tests).toEqual([{ testId: "two-tellers", title: "Two tellers", n: 3, passRate: 1 / 3, failures: [{ kind: "lost-update", count: 2, rate: 2 / 3 }] }]);
      expect(stats.shapes).toEqual([{ shape: "A:shm-read → B:shm-read → A:shm-write → B:shm-write", count: 2, tests: ["two-tellers"] }]);
      const csv = itemStatisticsCsv(stats);
      expect(csv).toContain("test,two-tellers,Two tellers,3,0.3333");
      expect(csv).toContain("failures,two-tellers,Two tellers,3,,lost-update,2,0.6667");
    });

    it("a quiz: each student's first attempt, choice rates, and a generated question's variants from the attempt's seed", async () => {
      const quiz = await db.quiz.create({ data: { slug: "pipes", titleKo: "파이프", titleEn: "Pipes", topic: "pipes", questionIds: "pipes-two-way,pipes-capacity-blocking" } });
      const a = await db.assignment.create({ data: { courseId, kind: "QUIZ", quizId: quiz.id, title: "Pipes quiz", opensAt: new Date(Date.now() - DAY), dueAt: new Date(Date.now() + DAY) } });
      const attempt = (user: string, attemptNo: number, single: string, singleScore: number, numericScore: number) =>
        db.quizAttempt.create({
          data: {
            userId: ids[user],
            quizId: quiz.id,
            assignmentId: a.id,
            attemptNo,
            seed: 1,
            seedScheme: 2,
            submittedAt: new Date(),
            answers: {
              create: [
                { questionId: "pipes-two-way", response: JSON.stringify({ type: "single", optionId: single }), score: singleScore, maxScore: 1, correct: singleScore === 1 },
                { questionId: "pipes-capacity-blocking", response: JSON.stringify({ type: "numeric", value: 1 }), score: numericScore, maxScore: 1, correct: numericScore === 1 },
              ],
            },
          },
        });
      await attempt("s1", 1, "two", 1, 1);
      await attempt("s1", 2, "flag", 0, 0); // a second attempt: not the first, ignored
      await attempt("s2", 1, "one", 0, 0);
      await attempt("teacher", 1, "one", 0, 1);
      const stats = await getItemStatistics(courseId, a.id);
      if (stats.kind !== "QUIZ") throw new Error("expected quiz statistics");
      expect(stats.attempts).toBe(2);
      const single = stats.questions.find((q) => q.questionId === "pipes-two-way")!;
      expect(single).toMatchObject({ n: 2, difficulty: 0.5, upperLower: 1, variants: [] });
      expect(single.pointBiserial).toBeCloseTo(1, 10);
      expect(single.choices).toEqual([
        { option: "one", rate: 0.5 },
        { option: "two", rate: 0.5 },
      ]);
      // The generated question's variant is what each student was shown: recomputed from the same seed.
      const bank = loadQuestionBank().find((q) => q.id === "pipes-capacity-blocking")!;
      const expected = ["s1", "s2"].map((u) => JSON.stringify(resolveQuestion(bank, attemptSeed({ scheme: 2, userId: ids[u], questionId: bank.id, attemptNo: 1, assignmentId: a.id })).params ?? {}));
      const generated = stats.questions.find((q) => q.questionId === "pipes-capacity-blocking")!;
      expect(generated.variants.map((v) => v.variant).sort()).toEqual([...new Set(expected)].sort());
      expect(generated.variants.reduce((n, v) => n + v.n, 0)).toBe(2);
      expect(itemStatisticsCsv(stats).split("\r\n")[0]).toBe("\uFEFFquestion,n,difficulty,point_biserial,upper_lower_27,choice_rates,variants");
    });

    it("another course's assignment is not found", async () => {
      const other = await db.course.create({ data: { code: `I2-${provider}`, title: "Other", joinCode: `ITEM-001${provider === "sqlite" ? 1 : 2}` } });
      const a = await db.assignment.findFirstOrThrow({ where: { courseId } });
      await expect(getItemStatistics(other.id, a.id)).rejects.toBeInstanceOf(ApiError);
    });
  });
}
