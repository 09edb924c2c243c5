import { db } from "../db";
import { ApiError } from "../http/api-error";
import type { CurrentUser } from "../auth/current-user";
import { recordAudit } from "../audit/record-audit";
import { notifyRegradeRequest } from "./notify-regrade-request";
import { findRegradeRequestFor } from "./regrade-request-access";

/**
 * Adds a message to a request's thread: its student while it is open, staff at any time (a
 * note after a decision explains it). The other side is told by email.
 */
export async function replyRegradeRequest(viewer: CurrentUser, courseId: string, courseRole: "STUDENT" | "INSTRUCTOR", requestId: string, body: string) {
  const { request, staff } = await findRegradeRequestFor(viewer, courseId, courseRole, requestId);
  if (!staff && request.status !== "OPEN") throw new ApiError(409, "This request is closed; open a new one if something is still wrong.");
  const message = await db().$transaction(async (tx) => {
    const m = await tx.regradeRequestMessage.create({ data: { requestId, authorId: viewer.id, kind: "REPLY", body } });
    await recordAudit(tx, { actorId: viewer.id, courseId, action: "regrade-request.reply", details: { requestId, messageId: m.id, byStaff: staff } });
    return m;
  });
  await notifyRegradeRequest(requestId, staff ? "staff-reply" : "student-reply");
  return { id: message.id };
}
