import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db";
import { WorkerPool } from "@/lib/grader/pool/worker-pool";
import { failureReport } from "@/lib/grader/pool/failure-report";
import { claimNextSubmission } from "@/lib/grader/queue/claim-next-submission";
import { completeSubmission } from "@/lib/grader/queue/complete-submission";
import { startDispatcher } from "@/lib/grader/queue/dispatcher";
import { enqueueSubmission } from "@/lib/grader/queue/enqueue-submission";
import { getSubmissionStatuses } from "@/lib/grader/queue/get-submission-status";
import { requestRegrade } from "@/lib/grader/queue/request-regrade";
import { requeueExpiredLeases } from "@/lib/grader/queue/requeue-expired-leases";
import type { GradeReport, TestReport } from "@/lib/grader/types";
import { createTestDatabase, postgresAvailable, type Provider } from "../helpers/test-database";

const hasPostgres = await postgresAvailable();
const LEASE_MS = 60_000;

function report(verdict: GradeReport["verdict"], tests: Array<Partial<TestReport> & { id: string }>, score = 1): GradeReport {
  return {
    exercise: "pipe-basics",
    verdict,
    score,
    maxScore: 10,
    compile: { ok: verdict !== "compile-error", diagnostics: [] },
    tests: tests.map((t) => ({ title: t.id, passed: true, points: 1, maxPoints: 1, message: "", hidden: false, schedulesExplored: 2, ...t })),
    limits: { cpuMs: 5, wallMs: 6, memoryMb: 7 },
    schedulesExplored: 42,
    testsHash: "hash-1",
    durationMs: 8,
  };
}

for (const provider of ["sqlite", "postgresql"] as Provider[]) {
  describe.skipIf(provider === "postgresql" && !hasPostgres)(`grading queue on ${provider}`, () => {
    let db: Db;
    let url: string;
    let drop: () => Promise<void>;
    let userId: string;
    let exerciseId: string;

    /** Queued submissions whose queuedAt order is the reverse of their insertion order. */
    async function queued(count: number): Promise<string[]> {
      const base = Date.now() - 60_000;
      const ids: string[] = [];
      for (let i = count - 1; i >= 0; i--) {
        const row = await db.submission.create({ data: { userId, exerciseId, source: `s${i}`, queuedAt: new Date(base + i * 10) } });
        ids[i] = row.id;
      }
      return ids;
    }

    beforeAll(async () => {
      ({ db, url, drop } = await createTestDatabase(provider));
      userId = (await db.user.create({ data: { email: "s@example.com", name: "S" } })).id;
      exerciseId = (await db.exercise.create({ data: { slug: "pipe-basics", titleKo: "파이프", titleEn: "Pipes", maxScore: 10, testsHash: "hash-0" } })).id;
    });
    afterAll(async () => drop?.());
    beforeEach(async () => {
      await db.submission.deleteMany();
    });

    it("claims the oldest queued submission first, and nothing when the queue is empty", async () => {
      const ids = await queued(3);
      const claims = [await claimNextSubmission(db, "g1", LEASE_MS), await claimNextSubmission(db, "g1", LEASE_MS), await claimNextSubmission(db, "g1", LEASE_MS)];
      expect(claims.map((c) => c?.id)).toEqual(ids);
      expect(claims[0]).toMatchObject({ owner: "g1", gradeRun: 0, attempts: 1, source: "s0", exercise: { slug: "pipe-basics", maxScore: 10 } });
      const row = await db.submission.findUniqueOrThrow({ where: { id: ids[0] } });
      expect(row).toMatchObject({ status: "RUNNING", leaseOwner: "g1", attempts: 1 });
      expect(row.leaseUntil!.getTime()).toBeGreaterThan(Date.now() + LEASE_MS / 2);
      expect(await claimNextSubmission(db, "g1", LEASE_MS)).toBeNull();
    });

    it("never hands the same submission to two concurrent claimers (separate connections)", async () => {
      const ids = await queued(20);
      const clients = Array.from({ length: 4 }, () => createDb(url));
      try {
        const perClaimer = await Promise.all(
          clients.map(async (client, i) => {
            const mine: string[] = [];
            for (let claim; (claim = await claimNextSubmission(client, `g${i}`, LEASE_MS)); ) mine.push(claim.id);
            return mine;
          }),
        );
        const all = perClaimer.flat();
        expect(all).toHaveLength(20);
        expect(new Set(all)).toEqual(new Set(ids));
        const rows = await db.submission.findMany();
        expect(rows.every((r) => r.status === "RUNNING" && r.attempts === 1)).toBe(true);
      } finally {
        await Promise.all(clients.map((c) => c.$disconnect()));
      }
    });

    it("completes idempotently: the same report twice, or from another owner, changes nothing", async () => {
      const [id] = await queued(1);
      const claim = (await claimNextSubmission(db, "g1", LEASE_MS))!;
      const graded = report("graded", [{ id: "t1" }, { id: "t2", passed: false, points: 0, trace: { v: 1, steps: [] }, replay: "abc", hidden: true }], 7);
      expect(await completeSubmission(db, claim, graded)).toEqual({ applied: true, status: "GRADED" });
      const row = await db.submission.findUniqueOrThrow({ where: { id }, include: { results: { orderBy: { testId: "asc" } } } });
      expect(row).toMatchObject({ status: "GRADED", score: 7, maxScore: 10, testsHash: "hash-1", schedulesExplored: 42, leaseOwner: null, leaseUntil: null });
      expect(JSON.parse(row.report!)).toMatchObject({ verdict: "graded", limits: { cpuMs: 5 }, compile: { ok: true } });
      expect(JSON.parse(row.report!)).not.toHaveProperty("tests");
      expect(row.results.map((r) => [r.testId, r.passed, r.trace, r.replay, r.hidden])).toEqual([
        ["t1", true, null, null, false],
        ["t2", false, JSON.stringify({ v: 1, steps: [] }), "abc", true],
      ]);

      expect(await completeSubmission(db, claim, report("graded", [{ id: "t9" }], 1))).toEqual({ applied: false, reason: "not-running" });
      expect(await completeSubmission(db, { ...claim, owner: "intruder" }, graded)).toMatchObject({ applied: false });
      const after = await db.submission.findUniqueOrThrow({ where: { id }, include: { results: { orderBy: { testId: "asc" } } } });
      expect(after).toEqual(row);
    });

    it("refuses a completion from a grader whose lease was taken over", async () => {
      await queued(1);
      const first = (await claimNextSubmission(db, "g1", 1000))!;
      await requeueExpiredLeases(db, new Date(Date.now() + 5000));
      const second = (await claimNextSubmission(db, "g2", LEASE_MS))!;
      expect(second).toMatchObject({ id: first.id, attempts: 2 });
      expect(await completeSubmission(db, first, report("graded", [{ id: "t1" }]))).toEqual({ applied: false, reason: "lease-lost" });
      expect(await completeSubmission(db, second, report("compile-error", [], 0))).toEqual({ applied: true, status: "COMPILE_ERROR" });
    });

    it("requeues expired leases keeping attempts, and fails a submission after maxAttempts", async () => {
      const [id] = await queued(1);
      for (let attempt = 1; attempt <= 3; attempt++) {
        const claim = (await claimNextSubmission(db, `g${attempt}`, 1000))!;
        expect(claim.attempts).toBe(attempt);
        expect(await requeueExpiredLeases(db, new Date())).toEqual({ requeued: [], failed: [] }); // not expired yet
        const result = await requeueExpiredLeases(db, new Date(Date.now() + 5000), { maxAttempts: 3 });
        if (attempt < 3) expect(result).toEqual({ requeued: [{ submissionId: id, gradeRun: 0 }], failed: [] });
        else expect(result).toEqual({ requeued: [], failed: [id] });
      }
      const row = await db.submission.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ status: "FAILED", attempts: 3, leaseOwner: null, score: null });
      expect(JSON.parse(row.report!)).toMatchObject({ verdict: "internal-error", error: expect.stringMatching(/interrupted 3 times/) });
    });

    it("retries an internal error, then marks FAILED keeping the earlier grade", async () => {
      const [id] = await queued(1);
      await completeSubmission(db, (await claimNextSubmission(db, "g", LEASE_MS))!, report("graded", [{ id: "t1" }], 9));
      await requestRegrade(db, { submissionIds: [id] });
      const broken = failureReport({ exercise: "pipe-basics" }, "internal-error", "grader unavailable");
      for (let attempt = 1; attempt <= 2; attempt++) {
        expect(await completeSubmission(db, (await claimNextSubmission(db, "g", LEASE_MS))!, broken, { maxAttempts: 2 })).toEqual({
          applied: true,
          status: attempt < 2 ? "QUEUED" : "FAILED",
        });
      }
      const row = await db.submission.findUniqueOrThrow({ where: { id }, include: { results: true } });
      expect(row).toMatchObject({ status: "FAILED", score: 9, gradeRun: 1 });
      expect(row.results.map((r) => r.testId)).toEqual(["t1"]);
    });

    it("regrades as a new run: the old run's result is ignored, the old grade kept until replaced", async () => {
      const [id] = await queued(1);
      const run0 = (await claimNextSubmission(db, "g1", LEASE_MS))!;
      await completeSubmission(db, run0, report("graded", [{ id: "old-a" }, { id: "old-b" }], 5));
      const stale = (await requestRegrade(db, { submissionIds: [id] }))[0];
      expect(stale).toEqual({ submissionId: id, gradeRun: 1 });
      const run1 = (await claimNextSubmission(db, "g1", LEASE_MS))!;
      expect(run1).toMatchObject({ gradeRun: 1, attempts: 1 });

      // A regrade requested while run 1 is running supersedes it.
      await requestRegrade(db, { submissionIds: [id] });
      expect(await completeSubmission(db, run1, report("graded", [{ id: "x" }], 0))).toEqual({ applied: false, reason: "superseded" });
      const kept = await db.submission.findUniqueOrThrow({ where: { id }, include: { results: true } });
      expect(kept).toMatchObject({ status: "QUEUED", gradeRun: 2, score: 5 });
      expect(kept.results.map((r) => r.testId).sort()).toEqual(["old-a", "old-b"]);

      const run2 = (await claimNextSubmission(db, "g2", LEASE_MS))!;
      await completeSubmission(db, run2, report("graded", [{ id: "old-a", passed: false }, { id: "new-c" }], 6));
      const regraded = await db.submission.findUniqueOrThrow({ where: { id }, include: { results: { orderBy: { testId: "asc" } } } });
      expect(regraded).toMatchObject({ status: "GRADED", score: 6, gradeRun: 2 });
      expect(regraded.results.map((r) => [r.testId, r.passed])).toEqual([["new-c", true], ["old-a", false]]);
    });

    it("reports queue positions and live status", async () => {
      const ids = await queued(3);
      const before = await getSubmissionStatuses(db, [ids[2], ids[0], ids[1], "missing"]);
      expect(ids.map((id) => before.get(id)?.position)).toEqual([1, 2, 3]);
      expect(before.has("missing")).toBe(false);
      const claim = (await claimNextSubmission(db, "g", LEASE_MS))!;
      const statusOf = async (id: string) => (await getSubmissionStatuses(db, [id])).get(id) ?? null;
      expect((await statusOf(claim.id))?.position).toBeNull();
      expect(await statusOf(ids[2])).toMatchObject({ status: "QUEUED", position: 2, attempts: 0 });
      expect(await statusOf(ids[0])).toMatchObject({ status: "RUNNING", position: null, attempts: 1 });
      expect(await statusOf("missing")).toBeNull();
    });

    // One provider is enough for the dispatcher loop itself (forking a pool per provider is slow).
    if (provider === "sqlite") it("dispatches queued submissions to the pool, woken by notify(), and records them", async () => {
      const pool = new WorkerPool({ size: 2, jobsPerWorker: 50, entry: path.resolve(import.meta.dirname, "../fixtures/workers/scripted-worker.ts") });
      // Long poll: only notify() can make this fast.
      const dispatcher = startDispatcher({ pool, db, owner: "embedded", pollMs: 60_000, leaseMs: LEASE_MS });
      try {
        await pool.ready();
        const jobs = await Promise.all(["echo:50", "echo:50", "crash"].map((source) => enqueueSubmission(db, { userId, exerciseId, source }, () => dispatcher.notify())));
        const ids = jobs.map((j) => j.submissionId);
        await expect.poll(async () => (await db.submission.findMany({ where: { id: { in: ids }, status: { in: ["QUEUED", "RUNNING"] } } })).length, { timeout: 15_000 }).toBe(0);
        const rows = await db.submission.findMany({ where: { id: { in: ids } }, include: { results: true } });
        const byId = new Map(rows.map((r) => [r.id, r]));
        for (const id of ids.slice(0, 2)) expect(byId.get(id)).toMatchObject({ status: "GRADED", score: 1, attempts: 1, schedulesExplored: 1 });
        // The crash is the submission's outcome: graded 0 out of the exercise's maximum.
        expect(byId.get(ids[2])).toMatchObject({ status: "GRADED", score: 0, maxScore: 10, testsHash: "hash-0" });
        expect(JSON.parse(byId.get(ids[2])!.report!)).toMatchObject({ verdict: "resource-limit" });
      } finally {
        await dispatcher.stop();
        await pool.close();
      }
    });
  });
}
