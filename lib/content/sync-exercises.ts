import type { Db } from "../db";
import { listExerciseSlugs, loadExercise } from "../grader/exercises/load-exercise";

export type SyncSummary = { created: string[]; changed: string[]; archived: string[]; staleSubmissions: number };

/**
 * Mirrors exercises/ (course content in git) into the database: new exercises are created,
 * changed ones updated, removed ones archived (their submissions stay). When an exercise's
 * hidden tests change, every result graded with the old tests is marked stale, which makes
 * it eligible for a regrade.
 */
export async function syncExercises(db: Db, root?: string): Promise<SyncSummary> {
  const summary: SyncSummary = { created: [], changed: [], archived: [], staleSubmissions: 0 };
  const slugs = listExerciseSlugs(root);
  for (const slug of slugs) {
    const { manifest, testsHash } = await loadExercise(slug, root);
    const data = {
      titleKo: manifest.title.ko,
      titleEn: manifest.title.en,
      topics: manifest.topics.join(","),
      difficulty: manifest.difficulty,
      maxScore: Object.values(manifest.points).reduce((a, b) => a + b, 0),
      testsHash,
      archived: false,
    };
    const existing = await db.exercise.findUnique({ where: { slug } });
    if (!existing) {
      await db.exercise.create({ data: { slug, ...data } });
      summary.created.push(slug);
      continue;
    }
    const unchanged = Object.entries(data).every(([k, v]) => existing[k as keyof typeof existing] === v);
    if (unchanged) continue;
    await db.exercise.update({ where: { slug }, data: { ...data, syncedAt: new Date() } });
    summary.changed.push(slug);
    if (existing.testsHash !== testsHash) {
      const { count } = await db.submission.updateMany({ where: { exerciseId: existing.id, status: "GRADED", testsHash: { not: testsHash } }, data: { stale: true } });
      summary.staleSubmissions += count;
    }
  }
  const removed = await db.exercise.findMany({ where: { slug: { notIn: slugs }, archived: false }, select: { slug: true } });
  if (removed.length) {
    await db.exercise.updateMany({ where: { slug: { in: removed.map((r) => r.slug) } }, data: { archived: true } });
    summary.archived.push(...removed.map((r) => r.slug));
  }
  return summary;
}
