import type { Db } from "../db";
import { forbiddenError, notFoundError } from "../http/api-error";

type AccessUser = { id: string; role: string };
type AccessAssignment = { courseId: string; published: boolean };

/**
 * Who may work on an assignment (open it in the workspace, submit to it, take its quiz):
 * admins always; members of its course once it is published; its instructors also before,
 * to try it out. One rule for every entry point, so a page never offers what the API refuses.
 */
export async function assignmentAccess(db: Db, assignment: AccessAssignment, user: AccessUser): Promise<"allowed" | "not-member" | "unpublished"> {
  if (user.role === "ADMIN") return "allowed";
  const enrollment = await db.enrollment.findUnique({ where: { courseId_userId: { courseId: assignment.courseId, userId: user.id } } });
  if (!enrollment) return "not-member";
  if (!assignment.published && enrollment.role !== "INSTRUCTOR") return "unpublished";
  return "allowed";
}

/** The API's form: 403 for someone outside the course, 404 for a draft they may not see yet. */
export async function requireAssignmentAccess(db: Db, assignment: AccessAssignment, user: AccessUser): Promise<void> {
  const access = await assignmentAccess(db, assignment, user);
  if (access === "not-member") throw forbiddenError();
  if (access === "unpublished") throw notFoundError("Assignment");
}
