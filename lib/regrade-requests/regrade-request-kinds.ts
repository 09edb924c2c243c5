import { z } from "zod";

/** A request's state: OPEN until staff accept or decline it; never reopened (a student opens a new one). */
export const REGRADE_REQUEST_STATUSES = ["OPEN", "ACCEPTED", "DECLINED"] as const;
export type RegradeRequestStatus = (typeof REGRADE_REQUEST_STATUSES)[number];
export const regradeRequestStatus = z.enum(REGRADE_REQUEST_STATUSES);

/** How an accepted request changed the grade: a rerun of the hidden tests, or a score set by hand. */
export type RegradeRequestOutcome = "REGRADED" | "OVERRIDDEN";

/** What a thread message came with: the student's request or reply, staff's reply, or the decision. */
export type RegradeMessageKind = "REQUEST" | "REPLY" | "ACCEPT" | "DECLINE";
