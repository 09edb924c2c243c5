import type { Db } from "../../db";
import { heldLease, type SubmissionLease } from "./submission-lease";

/** Extends a lease while its job runs (heartbeat). False: the lease is no longer ours. */
export async function renewLease(db: Db, lease: SubmissionLease, leaseMs: number): Promise<boolean> {
  const { count } = await db.submission.updateMany({ where: heldLease(lease), data: { leaseUntil: new Date(Date.now() + leaseMs) } });
  return count === 1;
}
