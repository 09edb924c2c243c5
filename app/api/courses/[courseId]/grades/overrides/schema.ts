import { z } from "zod";
import { recordId, text } from "@/lib/http/input-schemas";

export const overrideGradeBody = z.strictObject({
  assignmentId: recordId(),
  userId: recordId(),
  score: z.number().min(0, "score must not be negative").max(100_000),
  comment: text().trim().min(1, "a comment is required: say why the score was changed").max(2000),
});
