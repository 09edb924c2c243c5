import fs from "node:fs";
import path from "node:path";
import { db } from "../db";
import { notFoundError } from "../http/api-error";
import { projectPath } from "../workspace/bundling/project-path";
import { REFERENCE_ONLY_BELOW } from "./compare-submissions";
import { matchingRegions } from "./token-similarity";

/**
 * One pair of a run, side by side: both sources, Dolos's matching regions (recomputed here
 * from the two sources and the starter, so the run stores no regions), and the scores the
 * run recorded.
 */
export async function getSimilarityPair(courseId: string, runId: string, pairId: string, root = projectPath("exercises")) {
  const pair = await db().similarityPair.findFirst({
    where: { id: pairId, runId, run: { courseId } },
    include: {
      run: { select: { exercise: { select: { slug: true } } } },
      left: { select: { id: true, source: true, submittedAt: true, score: true, user: { select: { name: true, email: true } } } },
      right: { select: { id: true, source: true, submittedAt: true, score: true, user: { select: { name: true, email: true } } } },
    },
  });
  if (!pair) throw notFoundError("Pair");
  const starterFile = path.join(root, pair.run.exercise.slug, "starter.ts");
  const starter = fs.existsSync(starterFile) ? fs.readFileSync(starterFile, "utf8") : null;
  const { regions } = matchingRegions(pair.left.source, pair.right.source, starter);
  return {
    id: pair.id,
    tokenScore: pair.tokenScore,
    behaviourScore: pair.behaviourScore,
    beyondReference: pair.beyondReference,
    referenceOnly: pair.beyondReference !== null && pair.beyondReference < REFERENCE_ONLY_BELOW,
    left: pair.left,
    right: pair.right,
    regions,
  };
}
