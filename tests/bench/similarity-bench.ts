/**
 * Similarity benchmark (issue 18, ADR 022): 500 students' final fix-the-race submissions, all
 * distinct texts (the reference, an independent semaphore solution, the mutants and the
 * starter, each renamed, re-commented and partly reordered), in a temporary, migrated SQLite
 * database. Times the real background job twice and prints JSON:
 * - cold: nothing cached, so every submission's behaviour is first recorded in the sandbox;
 * - warm: the same run again, behaviour fingerprints from the cache (a second run of a class,
 *   or a run after a few late submissions), so it is tokenizing, winnowing and 125,000 pairs.
 * Usage: npm run bench:similarity
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import { setDb } from "@/lib/db";
import { runSimilarityJob } from "@/lib/similarity/run-similarity-job";
import { loadExercise } from "@/lib/grader/exercises/load-exercise";
import { createTestDatabase } from "../helpers/test-database";
import { fixTheRaceClass } from "../helpers/similarity-variants";

const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 500);
const LIMIT_MS = 30_000;

const { db, drop } = await createTestDatabase("sqlite");
setDb(db);
try {
  const { testsHash } = await loadExercise("fix-the-race");
  const exercise = await db.exercise.create({ data: { slug: "fix-the-race", titleKo: "경쟁 조건", titleEn: "Fix the race", testsHash } });
  const course = await db.course.create({ data: { code: "SIMB", title: "Bench", joinCode: "SIMB-0001" } });
  const teacher = await db.user.create({ data: { email: "t@bench.local", name: "Teacher", role: "INSTRUCTOR" } });
  await db.enrollment.create({ data: { courseId: course.id, userId: teacher.id, role: "INSTRUCTOR" } });
  const assignment = await db.assignment.create({ data: { courseId: course.id, kind: "EXERCISE", exerciseId: exercise.id, title: "Fix the race", opensAt: new Date(0), dueAt: new Date(), published: true } });
  await db.user.createMany({ data: Array.from({ length: STUDENTS }, (_, i) => ({ id: `u${i}`, email: `s${i}@bench.local`, name: `Student ${i}` })) });
  await db.enrollment.createMany({ data: Array.from({ length: STUDENTS }, (_, i) => ({ courseId: course.id, userId: `u${i}` })) });
  const submissions = fixTheRaceClass(STUDENTS);
  await db.submission.createMany({
    data: submissions.map((s, i) => ({ id: `s${i}`, userId: `u${i}`, exerciseId: exercise.id, assignmentId: assignment.id, source: s.source, status: "GRADED" as const, score: 50, maxScore: 100, testsHash })),
  });

  const timeRun = async () => {
    const run = await db.similarityRun.create({ data: { courseId: course.id, assignmentId: assignment.id, exerciseId: exercise.id, finalOnly: true } });
    const started = performance.now();
    await runSimilarityJob(run.id);
    const ms = Math.round(performance.now() - started);
    const done = await db.similarityRun.findUniqueOrThrow({ where: { id: run.id } });
    if (done.status !== "DONE") throw new Error(`the run ended ${done.status}: ${done.error}`);
    const pairsKept = await db.similarityPair.count({ where: { runId: run.id } });
    return { ms, submissions: done.submissions, pairsCompared: done.pairsCompared, pairsKept };
  };
  const cold = await timeRun();
  const warm = await timeRun();
  const withBehaviour = await db.behaviourFingerprint.count({ where: { features: { not: null } } });
  console.log(
    JSON.stringify(
      {
        students: STUDENTS,
        pairsCompared: cold.pairsCompared,
        pairsKept: cold.pairsKept,
        behaviourFingerprints: withBehaviour,
        coldMs: cold.ms,
        warmMs: warm.ms,
        limitMs: LIMIT_MS,
        coldUnderLimit: cold.ms < LIMIT_MS,
        warmUnderLimit: warm.ms < LIMIT_MS,
        // The machine is shared: a high load average (2 cores) slows the cold run's probe workers most.
        loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10),
        cpus: os.cpus().length,
      },
      null,
      2,
    ),
  );
  if (cold.ms >= LIMIT_MS) process.exitCode = 1;
} finally {
  await drop();
}
process.exit(process.exitCode ?? 0);
