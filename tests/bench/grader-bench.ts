/**
 * Grader benchmark (`npm run bench:grader`): prints one JSON object.
 *  - each exercise's reference-solution grading time (in-process, warm);
 *  - submit→graded latency p50/p95 and throughput through the real web app + embedded grader,
 *    as a student sees it: POST, then the live status stream until the grade arrives;
 *  - a deadline burst: 200 submissions within 1 s, each followed by its status stream; time
 *    until all are graded and until the last student saw the grade, lost count,
 *    and web p95 during the burst;
 *  - the resident memory of each grader worker process after the burst (Linux /proc);
 *  - the same submissions through a baseline that starts a fresh Node process per
 *    submission (`npm run grade`), side by side, with the ratio.
 * Options: --quick (smaller samples).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb } from "../../lib/db";
import { hashPassword } from "../../lib/auth/password";
import { gradeSource } from "../../lib/grader/grade-source";
import { listExerciseSlugs, EXERCISES_DIR } from "../../lib/grader/exercises/load-exercise";
import { FINAL_SUBMISSION_STATUSES } from "../../lib/submissions/final-statuses";
import { HttpSession } from "../helpers/http-session";
import { startApp } from "../helpers/start-app";

const quick = process.argv.includes("--quick");
const root = path.resolve(import.meta.dirname, "../..");
const PORT = 3300;
const base = `http://localhost:${PORT}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ipclab-bench-"));
const databaseUrl = `file:${path.join(dataDir, "ipclab.db")}`;
const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]) : null;
};
const summary = (values: number[]) => ({ n: values.length, p50: percentile(values, 50), p95: percentile(values, 95), max: percentile(values, 100) });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const slugs = listExerciseSlugs();
const solutions = slugs.map((slug) => ({ slug, source: fs.readFileSync(path.join(EXERCISES_DIR, slug, "solution.ts"), "utf8"), file: path.join(EXERCISES_DIR, slug, "solution.ts") }));
const starters = slugs.map((slug) => ({ slug, source: fs.readFileSync(path.join(EXERCISES_DIR, slug, "starter.ts"), "utf8") }));

async function referenceLatencies() {
  const out: Record<string, { medianMs: number; schedules: number; score: string }> = {};
  for (const s of solutions) {
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await gradeSource({ exercise: s.slug, source: s.source }));
    const ms = runs.map((r) => r.durationMs).sort((a, b) => a - b);
    out[s.slug] = { medianMs: ms[1], schedules: runs[0].schedulesExplored, score: `${runs[0].score}/${runs[0].maxScore}` };
  }
  return out;
}

async function makeStudents(n: number): Promise<HttpSession[]> {
  const db = createDb(databaseUrl);
  const passwordHash = await hashPassword("bench-password-1");
  const sessions = [];
  for (let i = 0; i < n; i++) {
    const email = `bench${i}@ipclab.local`;
    await db.user.upsert({ where: { email }, update: {}, create: { email, name: `Bench ${i}`, passwordHash } });
    sessions.push(await new HttpSession(base).signIn(email, "bench-password-1"));
  }
  await db.$disconnect();
  return sessions;
}

async function submit(session: HttpSession, slug: string, source: string): Promise<string> {
  const r = await session.fetch("/api/submissions", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ exercise: slug, source }) });
  if (r.status !== 201) throw new Error(`submit failed: ${r.status} ${await r.text()}`);
  return ((await r.json()) as { id: string }).id;
}

/** Follows the submission's live status stream (as the workspace does) until the grade is final. */
async function untilGraded(session: HttpSession, id: string): Promise<void> {
  const response = await session.fetch(`/api/submissions/${id}/events`);
  if (!response.ok || !response.body) throw new Error(`status stream failed: ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let text = "";
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    text += chunk.value;
    if (new RegExp(`"status":"(${FINAL_SUBMISSION_STATUSES.join("|")})"`).test(text)) return void reader.cancel();
  }
  throw new Error(`the status stream of ${id} ended before the grade`);
}

async function sequentialLatency(sessions: HttpSession[], n: number) {
  const latencies: number[] = [];
  const accepted: number[] = [];
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const s = solutions[i % solutions.length];
    const t = performance.now();
    const id = await submit(sessions[i % sessions.length], s.slug, s.source);
    accepted.push(performance.now() - t);
    await untilGraded(sessions[i % sessions.length], id);
    latencies.push(performance.now() - t);
    ids.push(id);
  }
  return { latencies, accepted, ids };
}

/**
 * Where the service's time goes, from the rows' own timestamps: waiting to be claimed,
 * grading in the worker (the report's durationMs), and everything else between the claim
 * and the recorded grade (IPC, pool hand-off, the completing transaction).
 */
async function phaseBreakdown(ids: string[]) {
  const db = createDb(databaseUrl);
  const rows = await db.submission.findMany({ where: { id: { in: ids } }, select: { submittedAt: true, startedAt: true, gradedAt: true, report: true } });
  await db.$disconnect();
  const queued: number[] = [];
  const grading: number[] = [];
  const recording: number[] = [];
  for (const r of rows) {
    if (!r.startedAt || !r.gradedAt || !r.report) continue;
    const durationMs = (JSON.parse(r.report) as { durationMs: number }).durationMs;
    queued.push(r.startedAt.getTime() - r.submittedAt.getTime());
    grading.push(durationMs);
    recording.push(r.gradedAt.getTime() - r.startedAt.getTime() - durationMs);
  }
  return { submittedToClaimedMs: summary(queued), gradingInWorkerMs: summary(grading), claimedToRecordedMinusGradingMs: summary(recording) };
}

async function burst(sessions: HttpSession[], total: number) {
  const db = createDb(databaseUrl);
  const before = await db.submission.count();
  const web: number[] = [];
  let bursting = true;
  const prober = (async () => {
    while (bursting) {
      const t = performance.now();
      await sessions[0].fetch("/api/me");
      web.push(performance.now() - t);
      await sleep(50);
    }
  })();
  const started = performance.now();
  // Every student follows their submission's live status stream, as the workspace does.
  const watching: Promise<void>[] = [];
  const ids = await Promise.all(
    Array.from({ length: total }, async (_, i) => {
      await sleep((i / total) * 1000);
      const pool = i % 2 ? starters : solutions;
      const s = pool[i % pool.length];
      const session = sessions[i % sessions.length];
      const id = await submit(session, s.slug, s.source);
      watching.push(untilGraded(session, id));
      return id;
    }),
  );
  const acceptedMs = performance.now() - started;
  let graded = 0;
  while (graded < total) {
    graded = await db.submission.count({ where: { id: { in: ids }, status: { in: [...FINAL_SUBMISSION_STATUSES] } } });
    if (performance.now() - started > 300_000) break;
    await sleep(100);
  }
  const allGradedMs = performance.now() - started;
  const streams = await Promise.allSettled(watching);
  const lastStudentSawGradeMs = performance.now() - started;
  bursting = false;
  await prober;
  const rows = await db.submission.count();
  await db.$disconnect();
  return { submissions: total, acceptedWithinMs: Math.round(acceptedMs), allGradedMs: Math.round(allGradedMs), lastStudentSawGradeMs: Math.round(lastStudentSawGradeMs), streamsFailed: streams.filter((s) => s.status === "rejected").length, graded, lost: total - (rows - before) + (total - graded), webDuringBurst: summary(web) };
}

function baseline(n: number) {
  const latencies: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = solutions[i % solutions.length];
    const t = performance.now();
    const r = spawnSync(process.execPath, ["--no-node-snapshot", "--import", "tsx", "scripts/grade.ts", s.slug, s.file, "--json"], { cwd: root, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`baseline grade failed: ${r.stderr}`);
    latencies.push(performance.now() - t);
  }
  return latencies;
}
/** Resident memory (MB) of this checkout's grader worker processes, found by their entry file in /proc. */
function graderWorkerRssMb(): number[] {
  const entry = path.join(root, "lib/grader/worker-process.ts");
  const sizes: number[] = [];
  for (const pid of fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      if (!fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").includes(entry)) continue;
      const kb = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
      if (kb) sizes.push(Math.round(Number(kb) / 1024));
    } catch {
      // The process ended while we looked.
    }
  }
  return sizes.sort((a, b) => a - b);
}

const result: Record<string, unknown> = { machine: { cpus: os.cpus().length, node: process.version }, exercises: slugs.length };
log("reference solutions (in-process)");
result.referenceSolutionMs = await referenceLatencies();
log("starting the app");
const server = startApp({ port: PORT, dataDir, env: { SUBMISSIONS_PER_MINUTE: "100000", DEMO_PASSWORD: "bench-password-1", GRADER_POLL_MS: "200" } });
try {
  await server;
  const sessions = await makeStudents(quick ? 5 : 20);
  log("warm-up");
  await sequentialLatency(sessions, Math.min(4, solutions.length));
  log("sequential submit→graded latency");
  const n = quick ? 10 : 30;
  const seqStart = performance.now();
  const { latencies: seq, accepted, ids: seqIds } = await sequentialLatency(sessions, n);
  result.service = {
    submitToGradedMs: summary(seq),
    sequentialThroughputPerSecond: Number((n / ((performance.now() - seqStart) / 1000)).toFixed(2)),
    phases: { postAcceptedMs: summary(accepted), ...(await phaseBreakdown(seqIds)) },
  };
  log("deadline burst");
  result.burst = await burst(sessions, quick ? 50 : 200);
  result.graderWorkerRssMb = graderWorkerRssMb();
  log("baseline: a fresh Node process per submission");
  const bn = quick ? 4 : 10;
  const base = baseline(bn);
  result.baselineFreshProcess = { submitToGradedMs: summary(base) };
  const serviceP50 = percentile(seq, 50)!;
  result.speedupVsBaseline = Number((percentile(base, 50)! / serviceP50).toFixed(1));
  result.targets = {
    "p50<=150ms": serviceP50 <= 150,
    "p95<=400ms": percentile(seq, 95)! <= 400,
    "burst<=20s": (result.burst as { allGradedMs: number }).allGradedMs <= 20_000,
    zeroLost: (result.burst as { lost: number }).lost === 0,
    ">=5x baseline": (result.speedupVsBaseline as number) >= 5,
  };
} finally {
  (await server.catch(() => null))?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
console.log(JSON.stringify(result, null, 2));
process.exit(0);
