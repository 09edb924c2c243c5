import { db } from "../db";
import type { CurrentUser } from "../auth/current-user";
import { findRegradeRequestFor } from "./regrade-request-access";

/**
 * A request and its thread for its student or the course's staff. The attached
 * counterexample is what the student was shown when asking (see openRegradeRequest); staff
 * also get the submission's current score, to judge it against.
 */
export async function getRegradeRequest(viewer: CurrentUser, courseId: string, courseRole: "STUDENT" | "INSTRUCTOR", requestId: string) {
  const { request } = await findRegradeRequestFor(viewer, courseId, courseRole, requestId);
  const [messages, context] = await Promise.all([
    db().regradeRequestMessage.findMany({ where: { requestId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, kind: true, body: true, createdAt: true, author: { select: { id: true, name: true } } } }),
    db().regradeRequest.findUniqueOrThrow({
      where: { id: requestId },
      select: {
        assignment: { select: { id: true, title: true } },
        submission: { select: { id: true, score: true, maxScore: true, status: true, exercise: { select: { slug: true } } } },
        user: { select: { id: true, name: true, email: true } },
        resolvedBy: { select: { name: true } },
      },
    }),
  ]);
  return {
    id: request.id,
    courseId: request.courseId,
    status: request.status,
    outcome: request.outcome,
    testId: request.testId,
    testTitle: request.testTitle,
    replay: request.replay,
    trace: request.trace ? (JSON.parse(request.trace) as unknown) : null,
    regradeBatchId: request.regradeBatchId,
    createdAt: request.createdAt.toISOString(),
    resolvedAt: request.resolvedAt?.toISOString() ?? null,
    resolvedBy: context.resolvedBy?.name ?? null,
    assignment: context.assignment,
    submission: { id: context.submission.id, score: context.submission.score, maxScore: context.submission.maxScore, status: context.submission.status, exercise: context.submission.exercise.slug },
    student: context.user,
    messages: messages.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })),
  };
}
