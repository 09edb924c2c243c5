import { db } from "../db";
import { ApiError } from "../http/api-error";
import { recordAudit } from "../audit/record-audit";
import { checkDeadlines, type NewAssignment } from "./assignment-input";

/** Assigns an exercise or a quiz (by slug) to a course, with its deadlines and policies. */
export async function createAssignment(actorId: string, courseId: string, input: NewAssignment) {
  checkDeadlines(input);
  const { kind, content, ...settings } = input;
  const ref =
    kind === "EXERCISE"
      ? await db().exercise.findUnique({ where: { slug: content }, select: { id: true, archived: true } })
      : await db().quiz.findUnique({ where: { slug: content }, select: { id: true, archived: true } });
  if (!ref || ref.archived) throw new ApiError(400, `There is no ${kind === "EXERCISE" ? "exercise" : "quiz"} "${content}".`, { field: "content" });
  return db().$transaction(async (tx) => {
    const assignment = await tx.assignment.create({
      data: { courseId, kind, ...settings, ...(kind === "EXERCISE" ? { exerciseId: ref.id } : { quizId: ref.id }) },
    });
    await recordAudit(tx, { actorId, courseId, action: "assignment.create", details: { assignmentId: assignment.id, kind, content, ...settings } });
    return assignment;
  });
}
