import { z } from "zod";
import { recordId } from "../http/input-schemas";

/** What an instructor asks to regrade: one submission, one student's on an assignment, or an assignment. */
export const regradeScope = z.discriminatedUnion("scope", [
  z.strictObject({ scope: z.literal("submission"), submissionId: recordId() }),
  z.strictObject({ scope: z.literal("student"), assignmentId: recordId(), userId: recordId() }),
  z.strictObject({ scope: z.literal("assignment"), assignmentId: recordId() }),
]);

export type RegradeScope = z.infer<typeof regradeScope>;
