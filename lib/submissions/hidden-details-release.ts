import type { Db } from "../db";
import { lastMomentToSubmit } from "../assignments/last-moment-to-submit";
import { hiddenDetailsHolds } from "./hidden-details-holds";

type OwnAssignment = { id: string; testVisibility: "VISIBLE" | "HIDDEN" | "AFTER_DUE"; dueAt: Date; lateUntil: Date | null };

export type HiddenDetailsRelease = {
  /** Whether the submission's owner may read its hidden tests' messages, traces and replays now. */
  visible: boolean;
  /** When they will be (null: never, under HIDDEN, or already visible). */
  releasesAt: Date | null;
};

/**
 * Whether a submission's owner may see its hidden tests' details: its own assignment's
 * policy (VISIBLE; HIDDEN never; AFTER_DUE once the owner's own last moment to submit has
 * passed, extension and late window included), and in any case no earlier than every other
 * assignment still holding that exercise for them (hiddenDetailsHolds). A practice
 * submission has only the second rule. Decided in docs/decisions/017-visibility-follows-the-student.md.
 */
export async function hiddenDetailsRelease(db: Db, submission: { userId: string; exerciseId: string; assignment: OwnAssignment | null }, now = new Date()): Promise<HiddenDetailsRelease> {
  let never = false;
  let releasesAt: Date | null = null;
  const own = submission.assignment;
  if (own?.testVisibility === "HIDDEN") never = true;
  if (own?.testVisibility === "AFTER_DUE") {
    const extension = await db.extension.findUnique({ where: { assignmentId_userId: { assignmentId: own.id, userId: submission.userId } }, select: { dueAt: true, lateUntil: true } });
    const last = lastMomentToSubmit(own, extension);
    if (now <= last) releasesAt = last;
  }
  for (const hold of await hiddenDetailsHolds(db, submission.userId, submission.exerciseId, now)) {
    if (!releasesAt || hold.until > releasesAt) releasesAt = hold.until;
  }
  if (never) return { visible: false, releasesAt: null };
  return releasesAt ? { visible: false, releasesAt } : { visible: true, releasesAt: null };
}
