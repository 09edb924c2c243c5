import { z } from "zod";

export const overrideGradeBody = z.strictObject({
  assignmentId: z.string().min(1).max(64),
  userId: z.string().min(1).max(64),
  score: z.number().min(0, "score must not be negative").max(100_000),
  comment: z.string().trim().min(1, "a comment is required: say why the score was changed").max(2000),
});
