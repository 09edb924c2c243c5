import { SubmissionStatus } from "../../db";

/** Who may write a RUNNING submission: the grader holding its lease, for this grade run. */
export type SubmissionLease = { id: string; owner: string; gradeRun: number };

/**
 * The `where` of every write a lease holder makes (renewal, progress, completion,
 * release). Because the condition is part of the UPDATE itself, it is atomic on SQLite
 * and PostgreSQL alike: a grader whose lease expired or whose run was superseded by a
 * regrade changes nothing.
 */
export function heldLease(lease: SubmissionLease) {
  return { id: lease.id, status: SubmissionStatus.RUNNING, leaseOwner: lease.owner, gradeRun: lease.gradeRun };
}

export const NO_LEASE = { leaseOwner: null, leaseUntil: null } as const;
