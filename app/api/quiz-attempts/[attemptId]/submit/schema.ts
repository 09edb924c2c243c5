import { z } from "zod";

/** Per-question responses are validated against their question by the grader (lib/quiz/response-schema). */
export const submitAttemptBody = z.strictObject({
  responses: z.record(z.string().max(100), z.unknown()).refine((r) => Object.keys(r).length <= 100, { message: "too many responses" }),
});
