import { db } from "../db";
import { pluralEn } from "../i18n/plural";
import { env } from "../env";
import { ApiError, notFoundError } from "../http/api-error";
import { requireAssignmentAccess } from "../assignments/assignment-access";
import { studentLateness } from "../assignments/student-lateness";
import { enforceRateLimit } from "../rate-limit/consume-rate-limit";
import { enqueueSubmission } from "../grader/queue/enqueue-submission";
import type { GradeJobNotifier } from "../grader/queue/grade-job";
import type { CurrentUser } from "../auth/current-user";

export type CreateSubmissionInput = { exercise: string; source: string; assignmentId?: string };

/**
 * Accepts a submission: checks the exercise, the assignment (enrolment, dates, attempts) and
 * the rate limits, then persists it as QUEUED before anything else happens. Returns its id.
 */
export async function createSubmission(user: CurrentUser, input: CreateSubmissionInput, notify?: GradeJobNotifier) {
  const exercise = await db().exercise.findUnique({ where: { slug: input.exercise } });
  if (!exercise || exercise.archived) throw notFoundError("Exercise");

  let late = false;
  let latePenalty = 0;
  if (input.assignmentId) {
    const assignment = await db().assignment.findUnique({ where: { id: input.assignmentId } });
    if (!assignment || assignment.exerciseId !== exercise.id) throw notFoundError("Assignment");
    await requireAssignmentAccess(db(), assignment, user);
    const { lateness: when } = await studentLateness(db(), assignment, user.id);
    if (when.state === "not-open") throw new ApiError(403, `This assignment opens at ${assignment.opensAt.toISOString()}.`);
    if (when.state === "closed") throw new ApiError(403, "This assignment is closed: the late window has ended.");
    late = when.state === "late";
    latePenalty = when.penalty;
    if (assignment.maxAttempts !== null) {
      const used = await db().submission.count({ where: { assignmentId: assignment.id, userId: user.id } });
      if (used >= assignment.maxAttempts) throw new ApiError(403, `You have used ${pluralEn(assignment.maxAttempts, "your only attempt", `all ${assignment.maxAttempts} attempts`)} for this assignment.`);
    }
    if (assignment.rateLimitPerHour !== null) {
      await enforceRateLimit(db(), `submit:${assignment.id}:${user.id}`, assignment.rateLimitPerHour, 60 * 60 * 1000, "submissions for this assignment");
    }
  }
  await enforceRateLimit(db(), `submit:${user.id}`, env().SUBMISSIONS_PER_MINUTE, 60 * 1000, "submissions");

  const job = await enqueueSubmission(
    db(),
    { userId: user.id, exerciseId: exercise.id, assignmentId: input.assignmentId ?? null, source: input.source, late, latePenalty },
    notify,
  );
  return { id: job.submissionId, late, latePenalty };
}
