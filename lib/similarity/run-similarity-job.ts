import fs from "node:fs";
import path from "node:path";
import { db } from "../db";
import { countedAttempt } from "../gradebook/counted-attempt";
import { projectPath } from "../workspace/bundling/project-path";
import { BEHAVIOUR_VERSION, type BehaviourFeatures } from "./behaviour-fingerprint";
import { ProbePool } from "./probe-pool";
import { compareSubmissions, type ComparedSubmission } from "./compare-submissions";

/** A run whose row has not moved for this long was interrupted (the process stopped): it is shown as failed. */
export const STALE_RUN_MS = 5 * 60_000;
/** Progress is written at most this often. */
const PROGRESS_EVERY_MS = 250;

type Progress = (phase: string, done: number, total: number) => Promise<void>;

function progressWriter(runId: string): Progress {
  let last = 0;
  return async (phase, done, total) => {
    const now = Date.now();
    if (done < total && now - last < PROGRESS_EVERY_MS) return;
    last = now;
    await db().similarityRun.update({ where: { id: runId }, data: { phase, progress: done, total } });
    // The comparison is synchronous between these calls: give the web server's requests a turn.
    await new Promise((resolve) => setImmediate(resolve));
  };
}

const readOptional = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null);

/** The reference solution's fingerprint, per exercise and tests hash: computed once per process. */
const referenceCache = new Map<string, BehaviourFeatures | null>();

/**
 * Each submission's behaviour fingerprint, and the reference solution's: from the cache when
 * computed under the current hidden tests and fingerprint version (a submission's source never
 * changes), else recorded by the probe workers and cached. The reference is probed last, so
 * no student's code runs in a process after the reference solution has been there.
 */
async function behaviourOf(subs: Array<{ id: string; source: string }>, slug: string, testsHash: string, root: string, progress: Progress) {
  const cached = await db().behaviourFingerprint.findMany({ where: { submissionId: { in: subs.map((s) => s.id) }, testsHash, version: BEHAVIOUR_VERSION } });
  const features = new Map<string, BehaviourFeatures | null>(cached.map((c) => [c.submissionId, c.features === null ? null : (JSON.parse(c.features) as BehaviourFeatures)]));
  const missing = subs.filter((s) => !features.has(s.id));
  const referenceKey = `${slug}:${testsHash}:${BEHAVIOUR_VERSION}`;
  const solution = readOptional(path.join(root, slug, "solution.ts"));
  if (!missing.length && referenceCache.has(referenceKey)) return { features, reference: referenceCache.get(referenceKey)! };
  const pool = new ProbePool();
  try {
    let done = subs.length - missing.length;
    await progress("behaviour", done, subs.length);
    await Promise.all(
      missing.map(async (s) => {
        const f = await pool.probe(slug, s.source);
        features.set(s.id, f);
        const data = { testsHash, version: BEHAVIOUR_VERSION, features: f === null ? null : JSON.stringify(f) };
        await db().behaviourFingerprint.upsert({ where: { submissionId: s.id }, create: { submissionId: s.id, ...data }, update: data });
        await progress("behaviour", ++done, subs.length);
      }),
    );
    if (!referenceCache.has(referenceKey)) referenceCache.set(referenceKey, solution === null ? null : await pool.probe(slug, solution));
  } finally {
    pool.close();
  }
  return { features, reference: referenceCache.get(referenceKey)! };
}

/**
 * The submissions a run compares: its assignment's (or, for an exercise, those of every
 * exercise assignment of the course on it), by students only (not the course's staff),
 * graded or refused at compile time; with `finalOnly`, each student's counted attempt per
 * assignment under the assignment's policy and late penalties, as the grade book counts it.
 */
async function loadSubmissions(run: { courseId: string; assignmentId: string | null; exerciseId: string; finalOnly: boolean }) {
  const staff = await db().enrollment.findMany({ where: { courseId: run.courseId, role: "INSTRUCTOR" }, select: { userId: true } });
  const rows = await db().submission.findMany({
    where: {
      status: { in: ["GRADED", "COMPILE_ERROR"] },
      userId: { notIn: staff.map((s) => s.userId) },
      ...(run.assignmentId ? { assignmentId: run.assignmentId } : { assignment: { courseId: run.courseId, exerciseId: run.exerciseId, kind: "EXERCISE" } }),
    },
    select: { id: true, userId: true, source: true, score: true, latePenalty: true, submittedAt: true, assignmentId: true, assignment: { select: { attemptPolicy: true } } },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
  });
  const byStudent = new Map<string, typeof rows>();
  for (const r of rows) {
    const key = `${r.assignmentId}:${r.userId}`;
    const list = byStudent.get(key);
    if (list) list.push(r);
    else byStudent.set(key, [r]);
  }
  const finals = new Set<string>();
  for (const attempts of byStudent.values()) {
    const counted = countedAttempt(
      attempts.map((a) => ({ id: a.id, submittedAt: a.submittedAt, score: a.score, penalty: a.latePenalty })),
      attempts[0].assignment?.attemptPolicy ?? "BEST",
    );
    if (counted) finals.add(counted.id);
  }
  return rows.filter((r) => !run.finalOnly || finals.has(r.id)).map((r) => ({ id: r.id, userId: r.userId, source: r.source, final: finals.has(r.id) }));
}

/**
 * The background job of a similarity run: loads the submissions, computes the missing
 * behaviour fingerprints, compares every pair, and stores the pairs worth showing. Progress
 * and the outcome are written to the run's row, which the instructor's page polls.
 */
export async function runSimilarityJob(runId: string, { root = projectPath("exercises") } = {}): Promise<void> {
  const progress = progressWriter(runId);
  try {
    const run = await db().similarityRun.update({ where: { id: runId }, data: { status: "RUNNING", phase: "loading" }, include: { exercise: true } });
    const subs = await loadSubmissions(run);
    await db().similarityRun.update({ where: { id: runId }, data: { submissions: subs.length } });
    const slug = run.exercise.slug;
    const starter = readOptional(path.join(root, slug, "starter.ts"));
    const { features: behaviour, reference } = await behaviourOf(subs, slug, run.exercise.testsHash, root, progress);
    const compared: ComparedSubmission[] = subs.map((s) => ({ ...s, behaviour: behaviour.get(s.id) ?? null }));
    const { pairsCompared, pairs } = await compareSubmissions(compared, { starter, reference, onProgress: (done, total) => progress("pairs", done, total) });
    await db().$transaction(async (tx) => {
      await tx.similarityPair.deleteMany({ where: { runId } });
      for (let i = 0; i < pairs.length; i += 500) await tx.similarityPair.createMany({ data: pairs.slice(i, i + 500).map((p) => ({ runId, ...p })) });
      await tx.similarityRun.update({ where: { id: runId }, data: { status: "DONE", phase: "done", pairsCompared, finishedAt: new Date() } });
    });
  } catch (error) {
    await db()
      .similarityRun.update({ where: { id: runId }, data: { status: "FAILED", error: String((error as Error)?.message ?? error).slice(0, 2000), finishedAt: new Date() } })
      .catch(() => {});
  }
}
