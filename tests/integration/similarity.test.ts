import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb, type Db } from "@/lib/db";
import { EXERCISES_DIR, loadExercise } from "@/lib/grader/exercises/load-exercise";
import { getSimilarityPair } from "@/lib/similarity/get-similarity-pair";
import { getSimilarityRun, getSimilarityRunStatus } from "@/lib/similarity/get-similarity-run";
import { runSimilarityJob } from "@/lib/similarity/run-similarity-job";
import { startSimilarityRun } from "@/lib/similarity/start-similarity-run";
import { createTestDatabase, postgresAvailable, type Provider } from "../helpers/test-database";
import { disguise, SEMAPHORE_SOLUTION } from "../helpers/similarity-variants";

const hasPostgres = await postgresAvailable();
const read = (file: string) => fs.readFileSync(path.join(EXERCISES_DIR, "fix-the-race", file), "utf8");
const solution = read("solution.ts");
const starter = read("starter.ts");

for (const provider of ["sqlite", "postgresql"] as Provider[]) {
  describe.skipIf(provider === "postgresql" && !hasPostgres)(`similarity job on ${provider}`, () => {
    let db: Db;
    let drop: () => Promise<void>;
    let courseId: string;
    let otherCourseId: string;
    let teacherId: string;
    let assignmentId: string;
    let otherAssignmentId: string;
    const student: Record<string, string> = {};
    const sub: Record<string, string> = {};

    beforeAll(async () => {
      ({ db, drop } = await createTestDatabase(provider));
      setDb(db);
      const { testsHash } = await loadExercise("fix-the-race");
      const exercise = await db.exercise.create({ data: { slug: "fix-the-race", titleKo: "경쟁", titleEn: "Race", testsHash } });
      courseId = (await db.course.create({ data: { code: "SIM1", title: "Similarity", joinCode: "SIMI-0001" } })).id;
      otherCourseId = (await db.course.create({ data: { code: "SIM2", title: "Other", joinCode: "SIMI-0002" } })).id;
      teacherId = (await db.user.create({ data: { email: "t@example.com", name: "Teacher", role: "INSTRUCTOR" } })).id;
      await db.enrollment.create({ data: { courseId, userId: teacherId, role: "INSTRUCTOR" } });
      const mk = (c: string) => db.assignment.create({ data: { courseId: c, kind: "EXERCISE", exerciseId: exercise.id, title: "Race", opensAt: new Date(0), dueAt: new Date(Date.now() + 86_400_000), published: true, attemptPolicy: "BEST" } });
      assignmentId = (await mk(courseId)).id;
      otherAssignmentId = (await mk(otherCourseId)).id;
      for (const name of ["Ahn", "Bae", "Cho", "Dan"]) {
        student[name] = (await db.user.create({ data: { email: `${name}@example.com`, name } })).id;
        await db.enrollment.create({ data: { courseId, userId: student[name] } });
      }
      const submit = async (key: string, userId: string, source: string, score: number, at: number) =>
        (sub[key] = (await db.submission.create({ data: { userId, exerciseId: exercise.id, assignmentId, source, status: "GRADED", score, maxScore: 100, testsHash, submittedAt: new Date(at) } })).id);
      await submit("ahnFirst", student.Ahn, starter, 20, 1000); // not final: Ahn's later attempt scores higher
      await submit("ahn", student.Ahn, solution, 100, 2000);
      await submit("bae", student.Bae, disguise(solution, 7), 100, 3000); // a renamed, re-commented copy of Ahn's
      await submit("cho", student.Cho, SEMAPHORE_SOLUTION, 100, 4000); // independent and correct
      await submit("dan", student.Dan, starter, 20, 5000); // the starter alone
      await submit("teacher", teacherId, solution, 100, 6000); // staff: never compared
    }, 120_000);
    afterAll(async () => drop());

    let runId = "";

    // Probe workers start and record behaviour: generous limits, the machine is shared.
    it("compares the final submissions of students only, and ranks the copy first", { timeout: 180_000 }, async () => {
      ({ runId } = await startSimilarityRun(teacherId, courseId, { scope: "assignment", assignmentId, finalOnly: true }, { start: false }));
      await runSimilarityJob(runId);
      const status = await getSimilarityRunStatus(courseId, runId);
      expect(status).toMatchObject({ status: "DONE", submissions: 4, pairsCompared: 6, error: null });
      expect(status.progress).toBe(status.total);
      const view = await getSimilarityRun(courseId, runId, { threshold: 0.5, finalOnly: true, excludeReferenceOnly: true });
      const ids = (p: { leftId: string; rightId: string }) => [p.leftId, p.rightId].sort();
      expect(ids(view.pairs[0])).toEqual([sub.ahn, sub.bae].sort());
      // Renamed, re-commented and with its functions reordered, it still shares most of its k-grams.
      expect(view.pairs[0].tokenScore).toBeGreaterThan(0.75);
      expect(view.pairs[0].behaviourScore).toBe(1);
      // Its behaviour is the reference's own; the copied text is what flags it.
      expect(view.pairs[0].referenceOnly).toBe(true);
      expect(view.clusters[0].map((m) => m.student.name).sort()).toEqual(["Ahn", "Bae"]);
      expect(view.pairs.flatMap(ids)).not.toContain(sub.teacher);
      expect(view.pairs.flatMap(ids)).not.toContain(sub.ahnFirst);
      const audit = await db.auditLog.findFirst({ where: { courseId, action: "similarity.run" } });
      expect(JSON.parse(audit!.details)).toMatchObject({ runId, assignmentId });
    });

    it("filters: the threshold and pairs that only match the reference structure", async () => {
      const all = await getSimilarityRun(courseId, runId, { threshold: 0, finalOnly: true, excludeReferenceOnly: false });
      const strict = await getSimilarityRun(courseId, runId, { threshold: 0.99, finalOnly: true, excludeReferenceOnly: true });
      expect(all.pairs.length).toBeGreaterThan(strict.pairs.length);
      for (const p of strict.pairs) expect(Math.max(p.tokenScore, p.behaviourScore ?? 0)).toBeGreaterThanOrEqual(0.99);
      const hidden = await getSimilarityRun(courseId, runId, { threshold: 0.5, finalOnly: true, excludeReferenceOnly: true });
      for (const p of hidden.pairs) expect(p.referenceOnly && p.tokenScore < 0.5).toBe(false);
    });

    it("shows a pair side by side with matching regions on both sides", async () => {
      const view = await getSimilarityRun(courseId, runId, { threshold: 0.5, finalOnly: true, excludeReferenceOnly: true });
      const pair = await getSimilarityPair(courseId, runId, view.pairs[0].id);
      expect(pair.regions.length).toBeGreaterThan(0);
      expect(pair.left.source).toContain("mutex_lock");
      await expect(getSimilarityPair(otherCourseId, runId, view.pairs[0].id)).rejects.toMatchObject({ status: 404 });
    });

    it("reuses behaviour fingerprints and compares all attempts when asked", { timeout: 180_000 }, async () => {
      // The first run probed the four final submissions only.
      const before = await db.behaviourFingerprint.count();
      expect(before).toBe(4);
      const { runId: again } = await startSimilarityRun(teacherId, courseId, { scope: "exercise", exerciseId: (await db.exercise.findFirstOrThrow()).id, finalOnly: false }, { start: false });
      await runSimilarityJob(again);
      const status = await getSimilarityRunStatus(courseId, again);
      // Ahn's two attempts are not compared with each other: 10 pairs less 1.
      expect(status).toMatchObject({ status: "DONE", submissions: 5, pairsCompared: 9 });
      expect(await db.behaviourFingerprint.count()).toBe(before + 1);
      const view = await getSimilarityRun(courseId, again, { threshold: 0, finalOnly: false, excludeReferenceOnly: false });
      const finals = await getSimilarityRun(courseId, again, { threshold: 0, finalOnly: true, excludeReferenceOnly: false });
      expect(view.pairs.some((p) => !p.bothFinal)).toBe(true);
      expect(finals.pairs.every((p) => p.bothFinal)).toBe(true);
    });

    it("keeps each course's runs to its own staff", async () => {
      await expect(startSimilarityRun(teacherId, courseId, { scope: "assignment", assignmentId: otherAssignmentId, finalOnly: true }, { start: false })).rejects.toMatchObject({ status: 404 });
      await expect(getSimilarityRunStatus(otherCourseId, runId)).rejects.toMatchObject({ status: 404 });
      await expect(getSimilarityRun(otherCourseId, runId, { threshold: 0, finalOnly: false, excludeReferenceOnly: false })).rejects.toMatchObject({ status: 404 });
    });
  });
}
