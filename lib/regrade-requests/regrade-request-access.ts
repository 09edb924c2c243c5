import { db } from "../db";
import { notFoundError } from "../http/api-error";
import type { CurrentUser } from "../auth/current-user";

/**
 * Who may read a request: its student, and the staff of its course. The caller has already
 * checked course membership (requireCourseMember), so `courseRole` says which. Anyone else,
 * a classmate included, gets 404: whether a request exists is not theirs to learn.
 */
export async function findRegradeRequestFor(viewer: CurrentUser, courseId: string, courseRole: "STUDENT" | "INSTRUCTOR", requestId: string) {
  const request = await db().regradeRequest.findFirst({
    where: { id: requestId, courseId, ...(courseRole === "INSTRUCTOR" ? {} : { userId: viewer.id }) },
  });
  if (!request) throw notFoundError("Regrade request");
  return { request, staff: courseRole === "INSTRUCTOR" };
}
