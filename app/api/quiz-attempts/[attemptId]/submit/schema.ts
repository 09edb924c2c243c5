import { z } from "zod";
import { text } from "@/lib/http/input-schemas";

/** Per-question responses are validated against their question by the grader (lib/quiz/response-schema). */
export const submitAttemptBody = z.strictObject({
  responses: z.record(text().max(100), z.unknown()).refine((r) => Object.keys(r).length <= 100, { message: "too many responses" }),
});
