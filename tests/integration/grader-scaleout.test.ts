/**
 * Two real grader processes (scripts/grader.ts) share one PostgreSQL; one is SIGKILLed
 * mid-job; every submission must still end GRADED, recorded exactly once. Run in both
 * transports: the database dispatcher (no Redis) and BullMQ on Redis. With Redis, the
 * graders' change notices must reach this process (as they reach web processes' live streams).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { GradingQueue } from "@/lib/grader/queue/bullmq-grading-queue";
import { closeSubmissionChanges, subscribeSubmissionChanges, SUBMISSION_CHANGES_CHANNEL } from "@/lib/submissions/submission-changes";
import { Redis } from "ioredis";
import { enqueueSubmission } from "@/lib/grader/queue/enqueue-submission";
import { createTestDatabase, postgresAvailable } from "../helpers/test-database";

const ROOT = path.resolve(import.meta.dirname, "../..");
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const CI = process.env.CI === "true";
const SUBMISSIONS = 10;

/** Redis answers PING (raw RESP, so this check needs no client library). */
async function redisAnswers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379) });
    const done = (ok: boolean) => (socket.destroy(), resolve(ok));
    socket.setTimeout(2000, () => done(false));
    socket.on("error", () => done(false));
    socket.on("data", (data) => done(data.toString().startsWith("+PONG")));
    socket.on("connect", () => socket.write("PING\r\n"));
  });
}

/** BullMQ 6 needs its optional peer `ioredis` to talk to Redis. */
function ioredisInstalled(): boolean {
  try {
    createRequire(path.join(ROOT, "node_modules/bullmq/package.json")).resolve("ioredis");
    return true;
  } catch {
    return false;
  }
}

async function bullmqUnavailableReason(): Promise<string | null> {
  if (!(await redisAnswers(REDIS_URL))) return `Redis at ${REDIS_URL} is unreachable`;
  if (!ioredisInstalled()) return "the npm package ioredis (BullMQ's Redis driver) is not installed";
  return null;
}

const hasPostgres = await postgresAvailable();
const bullmqMissing = await bullmqUnavailableReason();
if (bullmqMissing && CI) throw new Error(`The BullMQ scale-out test is required under CI, but ${bullmqMissing}.`);
if (bullmqMissing) console.warn(`Skipping the BullMQ scale-out test: ${bullmqMissing}.`);

type LogLine = { event: string; submissionId?: string; applied?: boolean; owner?: string; [key: string]: unknown };
type Grader = { process: ChildProcess; lines: LogLine[]; started: Promise<void>; exited: Promise<number | null> };

function startGraderProcess(env: Record<string, string>): Grader {
  const child = spawn(process.execPath, ["--no-node-snapshot", "--import", "tsx", "scripts/grader.ts"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", NODE_ENV: "test", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines: LogLine[] = [];
  let buffer = "";
  let markStarted!: () => void;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  child.stdout!.on("data", (chunk: Buffer) => {
    buffer += chunk.toString();
    for (let nl; (nl = buffer.indexOf("\n")) >= 0; buffer = buffer.slice(nl + 1)) {
      try {
        const line = JSON.parse(buffer.slice(0, nl)) as LogLine;
        lines.push(line);
        if (line.event === "grader.started") markStarted();
      } catch {
        // not a log line
      }
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { process: child, lines, started, exited };
}

function scaleOutScenario(mode: "database" | "bullmq") {
  let db: Db;
  let url: string;
  let drop: () => Promise<void>;
  let dataDir: string;
  const graders: Grader[] = [];
  const unsubscribe: Array<() => void> = [];
  const queueName = `ipclab-test-${Date.now().toString(36)}-${mode}`;

  beforeAll(async () => {
    ({ db, url, drop } = await createTestDatabase("postgresql"));
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ipclab-grader-"));
  });
  afterAll(async () => {
    unsubscribe.forEach((u) => u());
    await closeSubmissionChanges();
    for (const g of graders) if (g.process.exitCode === null && g.process.signalCode === null) g.process.kill("SIGKILL");
    await drop?.();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("grades every submission exactly once although one grader is killed mid-job", async () => {
    const env = {
      DATABASE_URL: url,
      DATA_DIR: dataDir,
      GRADER_WORKERS: "2",
      GRADER_WORKER_ENTRY: "tests/fixtures/workers/slow-echo.ts",
      GRADER_LEASE_MS: "1500",
      GRADER_POLL_MS: "200",
      GRADER_QUEUE_NAME: queueName,
      ...(mode === "bullmq" && { REDIS_URL }),
    };
    graders.push(startGraderProcess(env), startGraderProcess(env));
    const [victim, survivor] = graders;
    await Promise.all(graders.map((g) => g.started));

    const userId = (await db.user.create({ data: { email: "s@example.com", name: "S" } })).id;
    const exerciseId = (await db.exercise.create({ data: { slug: "pipe-basics", titleKo: "파이프", titleEn: "Pipes" } })).id;
    const queue = mode === "bullmq" ? new GradingQueue(REDIS_URL, queueName) : undefined;
    const ids: string[] = [];
    const noticed = new Set<string>();
    if (mode === "bullmq") {
      // Listen on the channel before the first submission exists, as a web process does.
      unsubscribe.push(subscribeSubmissionChanges("none-yet", () => {}, REDIS_URL));
      const probe = new Redis(REDIS_URL);
      await expect.poll(async () => ((await probe.pubsub("NUMSUB", SUBMISSION_CHANGES_CHANNEL)) as [string, number])[1], { timeout: 5000 }).toBeGreaterThan(0);
      probe.disconnect();
    }
    try {
      for (let i = 0; i < SUBMISSIONS; i++) {
        // The last two never reach Redis (as after a crash between the database write and
        // the add): in BullMQ mode the graders' periodic reconciliation must find them.
        const notify = i < SUBMISSIONS - 2 ? queue?.notifier() : undefined;
        const id = (await enqueueSubmission(db, { userId, exerciseId, source: `src-${i}` }, notify)).submissionId;
        ids.push(id);
        if (mode === "bullmq") unsubscribe.push(subscribeSubmissionChanges(id, () => noticed.add(id), REDIS_URL));
      }
    } finally {
      await queue?.close();
    }

    // Kill the victim while it holds a lease on a submission (i.e. mid-job).
    const victimMark = `:${victim.process.pid}:`;
    let interrupted = "";
    await expect
      .poll(async () => {
        const row = await db.submission.findFirst({ where: { status: "RUNNING", leaseOwner: { contains: victimMark } } });
        interrupted = row?.id ?? "";
        return interrupted;
      }, { timeout: 15_000, interval: 25 })
      .not.toBe("");
    victim.process.kill("SIGKILL");

    await expect
      .poll(async () => db.submission.count({ where: { id: { in: ids }, status: "GRADED" } }), { timeout: 20_000, interval: 100 })
      .toBe(SUBMISSIONS);

    const rows = await db.submission.findMany({ where: { id: { in: ids } }, include: { results: { orderBy: { testId: "asc" } } } });
    for (const row of rows) {
      expect(row).toMatchObject({ status: "GRADED", score: 3, maxScore: 4, testsHash: "slow-echo-tests", schedulesExplored: 10, leaseOwner: null, gradeRun: 0 });
      expect(row.attempts).toBeGreaterThanOrEqual(1);
      expect(row.results.map((r) => [r.testId, r.passed, r.points])).toEqual([
        ["echo", true, 3],
        ["hidden", false, 0],
      ]);
      // No seed travels with a job: every grading of a source explores the same schedules.
      expect(row.results[0].message).toBe(`source=${row.source} seed=undefined`);
    }
    // The interrupted submission was graded again, by the survivor.
    expect(rows.find((r) => r.id === interrupted)!.attempts).toBeGreaterThanOrEqual(2);

    // Exactly once: across both graders' logs, no submission was recorded twice, and the
    // interrupted one was recorded by the survivor.
    const applied = graders.flatMap((g) => g.lines.filter((l) => l.event === "grader.completed" && l.applied === true).map((l) => l.submissionId));
    for (const id of ids) expect(applied.filter((a) => a === id).length).toBeLessThanOrEqual(1);
    expect(survivor.lines.some((l) => l.event === "grader.completed" && l.applied === true && l.submissionId === interrupted)).toBe(true);

    // Every grade was announced across processes (the graders publish to Redis).
    if (mode === "bullmq") await expect.poll(() => noticed.size, { timeout: 5000 }).toBe(SUBMISSIONS);

    // A clean stop drains and exits 0.
    survivor.process.kill("SIGTERM");
    expect(await survivor.exited).toBe(0);
  }, 60_000);
}

describe.skipIf(!hasPostgres)("scale-out: two grader processes on one PostgreSQL, database dispatcher", () => scaleOutScenario("database"));
describe.skipIf(!hasPostgres || bullmqMissing !== null)("scale-out: two grader processes on one PostgreSQL, BullMQ on Redis", () => scaleOutScenario("bullmq"));
