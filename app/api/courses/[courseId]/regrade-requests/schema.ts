import { z } from "zod";
import { recordId, text } from "@/lib/http/input-schemas";
import { regradeRequestStatus } from "@/lib/regrade-requests/regrade-request-kinds";

/** The queue's filters (staff) or a student's own list: the same query. */
export const regradeRequestListQuery = z.strictObject({
  assignment: recordId().optional(),
  status: regradeRequestStatus.optional(),
});

export const openRegradeRequestBody = z.strictObject({
  submissionId: recordId(),
  /** A single test, or null for the whole submission. */
  testId: text().min(1).max(100).nullable().default(null),
  message: text().trim().min(1, "say what you think is wrong").max(4000),
});
