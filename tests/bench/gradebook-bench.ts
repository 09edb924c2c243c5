/**
 * Grade-book benchmark: seeds 500 students × 20 assignments (16 exercises with two
 * submissions each, 4 quizzes with one attempt each, a few extensions and overrides) into a
 * temporary, migrated SQLite database, then times the grade-book query over several pages and
 * prints JSON: p50/p95 per view (SQL-paged by name; sorted by a score, which grades the whole
 * class), plus the CSV export. Usage: npm run bench:gradebook
 */
import { performance } from "node:perf_hooks";
import { setDb } from "@/lib/db";
import { exportGradebookCsv } from "@/lib/gradebook/export-gradebook-csv";
import { getGradebook } from "@/lib/gradebook/get-gradebook";
import { gradebookQuery } from "@/lib/gradebook/gradebook-query";
import { createTestDatabase } from "../helpers/test-database";

const STUDENTS = 500;
const ASSIGNMENTS = 20;
const QUIZZES = 4;
const PAGE_SIZE = 50;
const DAY = 24 * 3600 * 1000;

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] * 10) / 10;
}

async function time(runs: number, fn: (i: number) => Promise<unknown>) {
  await fn(0); // warm-up (query plans, JIT)
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    samples.push(performance.now() - t);
  }
  return { runs, p50Ms: percentile(samples, 50), p95Ms: percentile(samples, 95), maxMs: Math.round(Math.max(...samples) * 10) / 10 };
}

const { db, drop } = await createTestDatabase("sqlite");
setDb(db);
try {
  const seedStart = performance.now();
  const exercise = await db.exercise.create({ data: { slug: "bench-ex", titleKo: "벤치", titleEn: "Bench", maxScore: 100 } });
  const quiz = await db.quiz.create({ data: { slug: "bench-quiz", titleKo: "퀴즈", titleEn: "Quiz", topic: "pipes", questionIds: "a,b,c,d,e" } });
  const course = await db.course.create({ data: { code: "BENCH", title: "Bench", joinCode: "BNCH-0001" } });
  const now = Date.now();
  await db.user.createMany({ data: Array.from({ length: STUDENTS }, (_, i) => ({ id: `u${i}`, email: `s${i}@bench.local`, name: `Student ${String((i * 7919) % STUDENTS).padStart(4, "0")}`, studentId: `2026-${i}` })) });
  await db.enrollment.createMany({ data: Array.from({ length: STUDENTS }, (_, i) => ({ courseId: course.id, userId: `u${i}` })) });
  const assignments = Array.from({ length: ASSIGNMENTS }, (_, a) => {
    const dueAt = new Date(now - (ASSIGNMENTS - a) * 7 * DAY);
    const isQuiz = a >= ASSIGNMENTS - QUIZZES;
    return {
      id: `a${a}`,
      courseId: course.id,
      kind: isQuiz ? ("QUIZ" as const) : ("EXERCISE" as const),
      exerciseId: isQuiz ? null : exercise.id,
      quizId: isQuiz ? quiz.id : null,
      title: `Assignment ${a + 1}`,
      opensAt: new Date(dueAt.getTime() - 7 * DAY),
      dueAt,
      lateUntil: new Date(dueAt.getTime() + 3 * DAY),
      latePenaltyPerDay: 0.1,
      attemptPolicy: a % 2 ? ("LAST" as const) : ("BEST" as const),
      published: true,
    };
  });
  await db.assignment.createMany({ data: assignments });
  const submissions = [];
  const attempts = [];
  for (const a of assignments) {
    for (let u = 0; u < STUDENTS; u++) {
      const score = (u * 37 + Number(a.id.slice(1)) * 11) % 101;
      if (a.kind === "QUIZ") {
        attempts.push({ userId: `u${u}`, quizId: quiz.id, assignmentId: a.id, attemptNo: 1, seed: u, score: score / 20, maxScore: 5, submittedAt: new Date(a.dueAt.getTime() - DAY) });
        continue;
      }
      for (let k = 0; k < 2; k++) {
        const late = (u + k) % 9 === 0;
        submissions.push({
          userId: `u${u}`,
          exerciseId: exercise.id,
          assignmentId: a.id,
          source: "// bench",
          status: "GRADED" as const,
          score: Math.max(0, score - k * 10),
          maxScore: 100,
          late,
          latePenalty: late ? 0.1 : 0,
          submittedAt: new Date(a.dueAt.getTime() + (late ? 0.5 : -1 - k) * DAY),
        });
      }
    }
  }
  for (let i = 0; i < submissions.length; i += 2000) await db.submission.createMany({ data: submissions.slice(i, i + 2000) });
  await db.quizAttempt.createMany({ data: attempts });
  await db.extension.createMany({ data: Array.from({ length: 50 }, (_, i) => ({ assignmentId: `a${i % 16}`, userId: `u${i * 9}`, dueAt: new Date(now) })) });
  await db.user.create({ data: { id: "teacher", email: "t@bench.local", name: "Teacher", role: "INSTRUCTOR" } });
  await db.gradeOverride.createMany({ data: Array.from({ length: 50 }, (_, i) => ({ assignmentId: `a${i % 20}`, userId: `u${i * 7}`, authorId: "teacher", score: 50, comment: "bench" })) });
  const seedMs = Math.round(performance.now() - seedStart);

  const pages = STUDENTS / PAGE_SIZE;
  const byName = await time(20, (i) => getGradebook(course.id, gradebookQuery.parse({ page: (i % pages) + 1, pageSize: PAGE_SIZE })));
  const byEmailDesc = await time(10, (i) => getGradebook(course.id, gradebookQuery.parse({ page: (i % pages) + 1, pageSize: PAGE_SIZE, sort: "email", dir: "desc" })));
  const byScore = await time(5, (i) => getGradebook(course.id, gradebookQuery.parse({ page: (i % pages) + 1, pageSize: PAGE_SIZE, sort: "a:a3", dir: "desc" })));
  const byTotal = await time(5, (i) => getGradebook(course.id, gradebookQuery.parse({ page: (i % pages) + 1, pageSize: PAGE_SIZE, sort: "total" })));
  const csvExport = await time(3, () => exportGradebookCsv(course.id));
  console.log(
    JSON.stringify(
      {
        benchmark: "gradebook",
        database: "sqlite",
        students: STUDENTS,
        assignments: ASSIGNMENTS,
        submissions: submissions.length,
        quizAttempts: attempts.length,
        pageSize: PAGE_SIZE,
        seedMs,
        gradebookPageSqlPagedByName: byName,
        gradebookPageSqlPagedByEmailDesc: byEmailDesc,
        gradebookPageSortedByAssignmentScore: byScore,
        gradebookPageSortedByTotal: byTotal,
        csvExportWholeClass: csvExport,
      },
      null,
      2,
    ),
  );
} finally {
  await drop();
}
