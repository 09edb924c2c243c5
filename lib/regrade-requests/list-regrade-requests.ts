import { db } from "../db";
import type { CurrentUser } from "../auth/current-user";
import type { RegradeRequestStatus } from "./regrade-request-kinds";

export type RegradeRequestFilter = { assignmentId?: string; status?: RegradeRequestStatus };

/**
 * A course's regrade requests, newest first: the whole queue for staff (filtered by
 * assignment and status), only their own for a student. Open requests come first so the
 * queue shows what still needs an answer.
 */
export async function listRegradeRequests(viewer: CurrentUser, courseId: string, courseRole: "STUDENT" | "INSTRUCTOR", filter: RegradeRequestFilter = {}) {
  const rows = await db().regradeRequest.findMany({
    where: {
      courseId,
      ...(courseRole === "INSTRUCTOR" ? {} : { userId: viewer.id }),
      ...(filter.assignmentId ? { assignmentId: filter.assignmentId } : {}),
      ...(filter.status ? { status: filter.status } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 500,
    select: {
      id: true,
      status: true,
      outcome: true,
      testId: true,
      testTitle: true,
      createdAt: true,
      resolvedAt: true,
      submissionId: true,
      assignment: { select: { id: true, title: true } },
      user: { select: { id: true, name: true } },
      _count: { select: { messages: true } },
    },
  });
  const open = rows.filter((r) => r.status === "OPEN");
  const closed = rows.filter((r) => r.status !== "OPEN");
  return [...open, ...closed].map((r) => ({
    id: r.id,
    status: r.status,
    outcome: r.outcome,
    testId: r.testId,
    testTitle: r.testTitle,
    submissionId: r.submissionId,
    assignment: r.assignment,
    student: r.user,
    messages: r._count.messages,
    createdAt: r.createdAt.toISOString(),
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
  }));
}
