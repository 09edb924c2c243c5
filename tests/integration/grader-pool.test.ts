import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WorkerPool } from "@/lib/grader/pool/worker-pool";
import type { GradeRequest } from "@/lib/grader/types";

const ENTRY = path.resolve(import.meta.dirname, "../fixtures/workers/scripted-worker.ts");
const request = (source: string, seed?: number): GradeRequest => ({ exercise: "fixture", source, seed });
const echoPid = async (pool: WorkerPool, source = "echo") => JSON.parse((await pool.run(request(source))).tests[0].message).pid as number;

describe("worker pool", () => {
  let pool: WorkerPool;
  const secrets = { DATABASE_URL: "postgresql://secret@db/x", AUTH_SECRET: "s".repeat(40), REDIS_URL: "redis://secret", GITHUB_SECRET: "gh" };
  const saved: Record<string, string | undefined> = {};

  beforeAll(() => {
    // Secrets are present in the parent while the pool forks: they must not reach workers.
    for (const [k, v] of Object.entries(secrets)) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
    pool = new WorkerPool({ size: 2, jobsPerWorker: 3, entry: ENTRY, timeoutMs: 5_000, memoryMb: 64 });
  });
  afterAll(async () => {
    await pool.close();
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
  });

  it("gives workers only PATH, NODE_ENV and TZ=UTC: no secrets", async () => {
    const env = JSON.parse((await pool.run(request("env"))).tests[0].message) as Record<string, string>;
    expect(process.env.DATABASE_URL).toBe(secrets.DATABASE_URL);
    expect(Object.keys(env).sort()).toEqual(["NODE_ENV", "PATH", "TZ"]);
    for (const key of Object.keys(secrets)) expect(env).not.toHaveProperty(key);
    expect(env.TZ).toBe("UTC");
  });

  it("runs jobs in parallel on all N workers, and queues the rest FIFO", async () => {
    await pool.ready();
    const progress: number[] = [];
    const jobs = Array.from({ length: 4 }, (_, i) => pool.run(request("echo:300", i), { onProgress: (p) => progress.push(p.schedulesExplored) }));
    await new Promise((resolve) => setImmediate(resolve));
    expect(pool.stats()).toMatchObject({ busy: 2, queued: 2 });
    const reports = await Promise.all(jobs);
    const results = reports.map((r) => JSON.parse(r.tests[0].message) as { pid: number; seed: number });
    expect(results.map((r) => r.seed)).toEqual([0, 1, 2, 3]);
    expect(new Set(results.slice(0, 2).map((r) => r.pid)).size).toBe(2);
    expect(progress).toEqual([7, 7, 7, 7]);
  });

  it("recycles a worker after jobsPerWorker jobs (a new process takes its place)", async () => {
    const before = pool.stats().recycled;
    const seen = new Set<number>();
    for (let i = 0; i < 8; i++) seen.add(await echoPid(pool));
    expect(pool.stats().recycled).toBeGreaterThan(before);
    expect(seen.size).toBeGreaterThan(2); // more processes than the pool's size served these jobs
  });

  it("kills a worker that overruns the time limit, reports resource-limit, and keeps serving", async () => {
    const pidsBefore = pool.pids();
    const report = await pool.run(request("sleep"), { timeoutMs: 500 });
    expect(report).toMatchObject({ verdict: "resource-limit", score: 0, tests: [] });
    expect(report.error).toMatch(/time limit exceeded/i);
    expect(pool.stats().killed).toBe(1);
    // Once back to full strength, two jobs at once need both workers: one is the replacement.
    await expect.poll(() => pool.stats().idle, { timeout: 10_000 }).toBe(2);
    const served = await Promise.all([echoPid(pool, "echo:200"), echoPid(pool, "echo:200")]);
    expect(new Set(served).size).toBe(2);
    expect(served.some((pid) => !pidsBefore.includes(pid))).toBe(true);
  });

  it("survives a worker crashing mid-job, and one exhausting its heap", async () => {
    const crashed = await pool.run(request("crash"));
    expect(crashed).toMatchObject({ verdict: "resource-limit" });
    expect(crashed.error).toMatch(/stopped while running your code/);
    const oom = await pool.run(request("allocate"), { timeoutMs: 20_000 });
    expect(oom).toMatchObject({ verdict: "resource-limit" });
    expect(pool.stats()).toMatchObject({ crashed: 2 });
    expect(await echoPid(pool)).toBeTypeOf("number");
  });

  it("drains on close: accepted jobs finish, then every worker process has exited", async () => {
    const local = new WorkerPool({ size: 1, jobsPerWorker: 10, entry: ENTRY });
    const jobs = [local.run(request("echo:100")), local.run(request("echo:100"))];
    await new Promise((resolve) => setImmediate(resolve));
    const closing = local.close();
    await expect(local.run(request("echo"))).rejects.toThrow(/closed/);
    expect((await Promise.all(jobs)).map((r) => r.verdict)).toEqual(["graded", "graded"]);
    await closing;
    expect(local.pids()).toEqual([]);
  });

  it("runs workers, every thread of them included, at the configured lower CPU priority", async () => {
    const nice = new WorkerPool({ size: 1, jobsPerWorker: 10, entry: ENTRY, niceness: 7 });
    try {
      const pid = await echoPid(nice);
      expect(os.getPriority(pid)).toBe(7);
      const tasks = `/proc/${pid}/task`;
      if (fs.existsSync(tasks)) {
        // Field 19 of /proc/<pid>/task/<tid>/stat is the thread's nice value (after the ")" of the name).
        const niceOf = (tid: string) => Number(fs.readFileSync(`${tasks}/${tid}/stat`, "utf8").split(") ")[1].split(" ")[16]);
        const threads = fs.readdirSync(tasks);
        expect(threads.length).toBeGreaterThan(1);
        expect(threads.map(niceOf)).toEqual(threads.map(() => 7));
      }
      expect(os.getPriority(await echoPid(pool))).toBe(os.getPriority()); // the default: as the parent
    } finally {
      await nice.close();
    }
  });
});
