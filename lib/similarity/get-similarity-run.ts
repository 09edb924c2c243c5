import { db } from "../db";
import { notFoundError } from "../http/api-error";
import { clusters, REFERENCE_ONLY_BELOW } from "./compare-submissions";
import { STALE_RUN_MS } from "./run-similarity-job";

/** The view's filters (query parameters of the run page). */
export type PairFilters = { threshold: number; finalOnly: boolean; excludeReferenceOnly: boolean };

export const DEFAULT_FILTERS: PairFilters = { threshold: 0.5, finalOnly: true, excludeReferenceOnly: true };

/** Reads the filters from a page's query, clamped to what they can be. */
export function parseFilters(query: Record<string, string | string[] | undefined>): PairFilters {
  const one = (k: string) => (Array.isArray(query[k]) ? query[k][0] : query[k]);
  const t = Number(one("threshold"));
  return {
    threshold: Number.isFinite(t) && one("threshold") !== undefined ? Math.min(1, Math.max(0, t)) : DEFAULT_FILTERS.threshold,
    finalOnly: one("final") === undefined ? DEFAULT_FILTERS.finalOnly : one("final") === "1",
    excludeReferenceOnly: one("reference") === undefined ? DEFAULT_FILTERS.excludeReferenceOnly : one("reference") === "hide",
  };
}

/** A run's status and progress: what the progress bar polls. A run the process left behind shows as failed. */
export async function getSimilarityRunStatus(courseId: string, runId: string) {
  const run = await db().similarityRun.findFirst({
    where: { id: runId, courseId },
    select: { id: true, status: true, phase: true, progress: true, total: true, submissions: true, pairsCompared: true, error: true, updatedAt: true, finishedAt: true },
  });
  if (!run) throw notFoundError("Similarity run");
  const interrupted = (run.status === "RUNNING" || run.status === "QUEUED") && Date.now() - run.updatedAt.getTime() > STALE_RUN_MS;
  return { ...run, status: interrupted ? "FAILED" : run.status, error: interrupted ? "The run was interrupted (the server stopped). Start it again." : run.error };
}

/**
 * A finished run's pairs that pass the filters, ranked by their higher score, and the
 * clusters they form. A pair passes when either score reaches the threshold; "only the
 * reference structure" hides pairs whose behaviour match is the reference solution's own
 * and whose token score stays under the threshold (nothing copied shows in the text).
 */
export async function getSimilarityRun(courseId: string, runId: string, filters: PairFilters) {
  const status = await getSimilarityRunStatus(courseId, runId);
  const run = await db().similarityRun.findFirstOrThrow({
    where: { id: runId },
    select: { finalOnly: true, createdAt: true, assignment: { select: { id: true, title: true } }, exercise: { select: { slug: true, titleEn: true, titleKo: true } } },
  });
  const rows = await db().similarityPair.findMany({
    where: { runId },
    include: {
      left: { select: { id: true, submittedAt: true, score: true, user: { select: { id: true, name: true, email: true } } } },
      right: { select: { id: true, submittedAt: true, score: true, user: { select: { id: true, name: true, email: true } } } },
    },
  });
  const pairs = rows
    .map((p) => ({
      ...p,
      rank: Math.max(p.tokenScore, p.behaviourScore ?? 0),
      referenceOnly: p.beyondReference !== null && p.beyondReference < REFERENCE_ONLY_BELOW,
    }))
    .filter((p) => p.rank >= filters.threshold)
    .filter((p) => !filters.finalOnly || p.bothFinal)
    .filter((p) => !(filters.excludeReferenceOnly && p.referenceOnly && p.tokenScore < filters.threshold))
    .sort((a, b) => b.rank - a.rank || b.tokenScore - a.tokenScore || a.id.localeCompare(b.id));
  const students = new Map<string, { name: string; email: string }>();
  for (const p of pairs) {
    students.set(p.leftId, p.left.user);
    students.set(p.rightId, p.right.user);
  }
  const groups = clusters(pairs).map((ids) => ids.map((id) => ({ submissionId: id, student: students.get(id)! })));
  return { ...status, ...run, filters, pairs, clusters: groups };
}
