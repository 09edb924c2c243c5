import { db } from "../db";
import { ApiError, notFoundError } from "../http/api-error";
import { recordAudit } from "../audit/record-audit";
import { runSimilarityJob } from "./run-similarity-job";
import type { SimilarityRequest } from "./similarity-scope";

/** Runs of this process, one after another: the comparison is CPU-bound, and the grader shares the cores. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Records a similarity run for one of the course's exercise assignments (or one exercise across
 * them) and starts it in the background; the caller follows its progress by polling the run.
 * `start: false` only records it (tests run the job themselves).
 */
export async function startSimilarityRun(actorId: string, courseId: string, request: SimilarityRequest, { start = true } = {}): Promise<{ runId: string }> {
  let exerciseId: string;
  let assignmentId: string | null = null;
  if (request.scope === "assignment") {
    const assignment = await db().assignment.findFirst({ where: { id: request.assignmentId, courseId }, select: { id: true, kind: true, exerciseId: true } });
    if (!assignment) throw notFoundError("Assignment");
    if (assignment.kind !== "EXERCISE" || !assignment.exerciseId) throw new ApiError(400, "Only exercise assignments can be compared.");
    exerciseId = assignment.exerciseId;
    assignmentId = assignment.id;
  } else {
    const used = await db().assignment.findFirst({ where: { courseId, exerciseId: request.exerciseId, kind: "EXERCISE" }, select: { id: true } });
    if (!used) throw notFoundError("Exercise");
    exerciseId = request.exerciseId;
  }
  const run = await db().$transaction(async (tx) => {
    const created = await tx.similarityRun.create({ data: { courseId, assignmentId, exerciseId, requestedById: actorId, finalOnly: request.finalOnly } });
    await recordAudit(tx, { actorId, courseId, action: "similarity.run", details: { runId: created.id, ...request } });
    return created;
  });
  if (start) queue = queue.then(() => runSimilarityJob(run.id)).catch(() => {});
  return { runId: run.id };
}
