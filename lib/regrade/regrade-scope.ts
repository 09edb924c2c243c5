import { z } from "zod";

/** What an instructor asks to regrade: one submission, one student's on an assignment, or an assignment. */
export const regradeScope = z.discriminatedUnion("scope", [
  z.strictObject({ scope: z.literal("submission"), submissionId: z.string().min(1).max(64) }),
  z.strictObject({ scope: z.literal("student"), assignmentId: z.string().min(1).max(64), userId: z.string().min(1).max(64) }),
  z.strictObject({ scope: z.literal("assignment"), assignmentId: z.string().min(1).max(64) }),
]);

export type RegradeScope = z.infer<typeof regradeScope>;
