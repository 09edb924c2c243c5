import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { WorkerPool } from "@/lib/grader/pool/worker-pool";
import { claimNextSubmission } from "@/lib/grader/queue/claim-next-submission";
import { gradeClaimedSubmission } from "@/lib/grader/queue/grade-claimed-submission";
import type { GradeReport } from "@/lib/grader/types";
import { createTestDatabase } from "../helpers/test-database";
import { storedFailureKind } from "@/lib/item-statistics/stored-failure-kind";

/**
 * The same source and exercise version always get the same verdict (issue #13): submitted
 * several times, as separate submissions graded by worker processes (the serving path), a wrong
 * program gets identical scores, failing tests, counterexamples and messages. Seeds once came
 * from the submission's id, and the unfixed fix-the-race starter scored 25 and then 0.
 */
const EXERCISES = path.resolve(import.meta.dirname, "../../exercises");
const read = (slug: string, file: string) => fs.readFileSync(path.join(EXERCISES, slug, file), "utf8");

const PROGRAMS: Array<[string, string]> = [
  ["fix-the-race", read("fix-the-race", "starter.ts")],
  ["fix-the-race", read("fix-the-race", "mutants/check-outside-the-lock.ts")],
  ["readers-writers", read("readers-writers", "mutants/unprotected-reader-count.ts")],
];
const COPIES = 3;

type Row = { status: string; score: number | null; report: string | null; results: Array<{ testId: string; passed: boolean; message: string; replay: string | null }> };

/** What must not vary between gradings of one source: the stored grade and every test's result. */
function verdictOf(row: Row) {
  const report = JSON.parse(row.report!) as Omit<GradeReport, "tests">;
  return {
    status: row.status,
    verdict: report.verdict,
    score: row.score,
    schedules: report.schedulesExplored,
    tests: row.results.map((t) => ({ id: t.testId, passed: t.passed, message: t.message, replay: t.replay })).sort((a, b) => a.id.localeCompare(b.id)),
  };
}

describe("deterministic verdicts through the queue and the worker pool", () => {
  let db: Db;
  let drop: () => Promise<void>;
  let pool: WorkerPool;
  let userId: string;
  const exerciseIds = new Map<string, string>();

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase("sqlite"));
    userId = (await db.user.create({ data: { email: "d@example.com", name: "D" } })).id;
    for (const slug of new Set(PROGRAMS.map(([s]) => s))) {
      exerciseIds.set(slug, (await db.exercise.create({ data: { slug, titleKo: slug, titleEn: slug, maxScore: 100, testsHash: "h" } })).id);
    }
    pool = new WorkerPool({ size: 2, jobsPerWorker: 50 });
  }, 60_000);
  afterAll(async () => {
    await pool?.close();
    await drop?.();
  });

  it("grades each wrong program identically every time it is submitted", async () => {
    const ids = new Map<string, string[]>();
    for (const [i, [slug, source]] of PROGRAMS.entries()) {
      for (let copy = 0; copy < COPIES; copy++) {
        const row = await db.submission.create({ data: { userId, exerciseId: exerciseIds.get(slug)!, source } });
        ids.set(String(i), [...(ids.get(String(i)) ?? []), row.id]);
      }
    }
    const log = () => {};
    for (let claim; (claim = await claimNextSubmission(db, "det", 60_000)); ) {
      await gradeClaimedSubmission(claim, { db, pool, leaseMs: 60_000, maxAttempts: 3, log });
    }
    for (const [i, [slug]] of PROGRAMS.entries()) {
      const rows = await db.submission.findMany({ where: { id: { in: ids.get(String(i))! } }, include: { results: true } });
      const verdicts = rows.map((r) => verdictOf(r as Row));
      expect(verdicts[0].verdict, slug).toBe("graded");
      expect(verdicts[0].score, `${slug} #${i} is a wrong program`).toBeLessThan(100);
      for (const v of verdicts.slice(1)) expect(v).toEqual(verdicts[0]);
    }
    // The stored results name each failure's class (for item statistics): where the unfixed
    // starter's tellers both deposit, the failure is a lost update (their unprotected
    // read-modify-writes), not a wrong result.
    const starter = await db.testResult.findMany({ where: { submissionId: ids.get("0")![0], testId: { in: ["two-tellers", "three-tellers"] } } });
    expect(starter.map((r) => r.testId).sort()).toEqual(["three-tellers", "two-tellers"]);
    for (const r of starter) expect(storedFailureKind(JSON.parse(r.trace!)), r.testId).toBe("lost-update");
  }, 120_000);
});
